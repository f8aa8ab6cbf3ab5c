import { checkReport, CheckSeverity, openDatabase, type CheckRef, type Provenance, type StoredCheck } from '../../index.js';
import { UsageError } from '../usage-error.js';

/** What `gongkai check` shows and how. */
export interface CheckOptions {
  db: string;
  doc: string | undefined;
  all: boolean;
  /** Only failed checks at least this severe. */
  severity?: string;
  format?: string;
}

/** Addends printed in a failed sum before the rest are counted (a 收支总表 has 30 expenditure rows, most empty). */
const MAX_PARTS = 12;

/**
 * `gongkai check`: every failed consistency check stored for the documents (or one document),
 * with both sides' values and where each is in the source; `--all` lists passed checks too.
 * Failures are findings about the sources, so the exit code is 0.
 */
export function checkCommand(opts: CheckOptions): number {
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format takes text or json, not "${format}"`);
  const least = opts.severity === undefined ? undefined : CheckSeverity.safeParse(opts.severity).data;
  if (opts.severity !== undefined && !least) throw new UsageError(`--severity takes error, warning or hint, not "${opts.severity}"`);
  if (least && opts.all) throw new UsageError('--severity shows failed checks only; it cannot be combined with --all');
  const store = openDatabase(opts.db);
  try {
    const { summaries, checks } = checkReport(store, { doc: opts.doc, all: opts.all, severity: least });
    if (format === 'json') {
      console.log(JSON.stringify(checks.map(checkJson), null, 1));
      return 0;
    }
    const out: string[] = [];
    for (const s of summaries) {
      const mine = checks.filter((c) => c.documentId === s.documentId);
      if (!s.enriched) {
        if (s.status !== 'failed') out.push(`${s.source}: no checks stored (extracted before checks existed — run it again with --force)`, '');
        continue;
      }
      if (!mine.length) continue;
      out.push(`${s.source}: ${s.pass + s.fail} checks, ${s.fail} failed${least ? ` (${mine.length} at ${least} or above)` : ''}`);
      for (const c of mine) out.push(...formatCheck(c, s.source));
      out.push('');
    }
    const total = summaries.reduce((a, s) => ({ pass: a.pass + s.pass, fail: a.fail + s.fail }), { pass: 0, fail: 0 });
    const enriched = summaries.filter((s) => s.enriched).length;
    out.push(`${enriched} documents checked: ${total.pass + total.fail} checks, ${total.pass} passed, ${total.fail} failed`);
    console.log(out.join('\n'));
    return 0;
  } finally {
    store.close();
  }
}

/**
 * A check as `check --format json` gives it: its stable rule id (`hierarchy/class-sum`),
 * severity, verdict, the printed values, and each side with its place in the source.
 */
export function checkJson(c: StoredCheck): Record<string, unknown> {
  return {
    source: c.source,
    ruleId: `${c.rule}/${c.name}`,
    severity: c.severity,
    status: c.status,
    message: c.message,
    expected: c.expected,
    actual: c.actual,
    difference: c.difference,
    unit: c.unit,
    refs: c.refs.map((r) => ({ role: r.role, label: r.label, printed: r.text, value: r.value, unit: r.unit, place: place(c.source, r.prov), prov: r.prov })),
  };
}

/** A check as printed: its verdict (with its severity when it failed) and message, then each side with its value and source position. */
export function formatCheck(c: StoredCheck, source: string): string[] {
  const verdict = c.status === 'fail' ? (c.severity ?? 'fail').toUpperCase() : 'pass';
  const lines = [`  ${verdict.padEnd(5)}  ${c.rule}/${c.name}  ${c.message}`];
  const parts = c.refs.filter((r) => r.role === 'part');
  const shown = parts.filter((r) => r.text !== '').slice(0, MAX_PARTS);
  for (const r of c.refs) {
    if (r.role === 'part' && !shown.includes(r)) continue;
    lines.push(`        ${r.role.padEnd(5)}  ${place(source, r.prov)}  ${describe(r)}`);
  }
  const hidden = parts.length - shown.length;
  if (hidden > 0) lines.push(`        (${hidden} more parts, ${parts.filter((r) => r.text === '').length} of them blank)`);
  return lines;
}

function describe(r: CheckRef): string {
  if (r.role === 'prose') return `“${excerpt(r.text, r.label.replace(/^text: /, ''))}”`;
  return `${r.label} = ${r.text === '' ? '(blank)' : r.text}${r.unit && r.value !== null ? ` ${r.unit}` : ''}`;
}

/** The part of a sentence around the claim, so long sentences stay readable. */
function excerpt(sentence: string, claim: string): string {
  const at = sentence.replace(/[\s“”"]/g, '').indexOf(claim);
  if (sentence.length <= 90 || at < 0) return sentence.length <= 90 ? sentence : sentence.slice(0, 88) + '…';
  const start = Math.max(0, at - 30);
  return (start > 0 ? '…' : '') + sentence.slice(start, start + 90) + (start + 90 < sentence.length ? '…' : '');
}

/** `file:line` for text sources, `file p.N` for PDF pages, `file block B table T row R cell C` inside a .docx, `file Sheet!C7` in a workbook. */
export function place(source: string, prov: Provenance[]): string {
  const p = prov[0];
  if (p?.kind === 'text') return `${source}:${p.start.line}`;
  if (p?.kind === 'pdf') return `${source} p.${p.page}`;
  if (p?.kind === 'sheet') return `${source} ${p.sheet}!${p.cell}`;
  if (p?.kind === 'docx') {
    const parts = [['block', p.block], ['table', p.table], ['row', p.row], ['cell', p.cell]].filter(([, v]) => v !== undefined);
    return `${source} ${parts.map(([k, v]) => `${k} ${v}`).join(' ')}`;
  }
  return source;
}
