import type { Diagnostic } from '../../src/model/index.js';
import { pointAt, splitLines } from './lines.js';

/** Beyond this many, replaced bytes are counted in one last diagnostic rather than told one by one. */
const TOLD_ONE_BY_ONE = 20;

/**
 * A warning at each place where bytes that were not valid UTF-8 were replaced by U+FFFD: the
 * text around it is read as usual, and the reader can see what was lost and where.
 */
export function replacedByteDiagnostics(text: string, replaced: readonly number[]): Diagnostic[] {
  if (replaced.length === 0) return [];
  const lines = splitLines(text);
  const out: Diagnostic[] = [];
  let l = 0;
  for (const offset of replaced.slice(0, TOLD_ONE_BY_ONE)) {
    while (l + 1 < lines.length && lines[l + 1]!.offset <= offset) l++;
    const line = lines[l]!;
    const start = pointAt(line, offset - line.offset);
    out.push({
      severity: 'warning',
      code: 'invalid-utf8',
      stage: 'read',
      message: `line ${start.line}, column ${start.column}: bytes that are not valid UTF-8, read as U+FFFD`,
      place: { kind: 'text', start, end: pointAt(line, offset - line.offset + 1) },
    });
  }
  if (replaced.length > TOLD_ONE_BY_ONE) {
    out.push({ severity: 'warning', code: 'invalid-utf8', stage: 'read', message: `${replaced.length - TOLD_ONE_BY_ONE} more places with bytes that are not valid UTF-8, read as U+FFFD` });
  }
  return out;
}
