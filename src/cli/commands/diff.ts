import { compareDocument, compareRuns, openDatabase, type DocumentVersion, type Provenance, type VersionChange } from '../../index.js';
import { UsageError } from '../usage-error.js';

export const DIFF_USAGE = 'gongkai diff [--db DB] [--run A --run B | --doc SOURCE|SHA]';

/**
 * `gongkai diff`: what a re-run changed. `--run A --run B` compares every document as it stood
 * after run A with after run B; `--doc` compares one document's current extraction with the one
 * it replaced; with neither, the last run is compared with the run before it.
 */
export function diffCommand(opts: { db: string; runs: string[]; doc: string | undefined; limit: number }): number {
  const runs = opts.runs.map(Number);
  if (!opts.doc && opts.runs.length !== 0 && (runs.length !== 2 || !runs.every(Number.isInteger))) throw new UsageError(DIFF_USAGE);
  const store = openDatabase(opts.db);
  try {
    const out: string[] = [];
    if (opts.doc) {
      const { source, change } = compareDocument(store, opts.doc);
      if (!change) out.push(`${source}: extracted once, nothing to compare`);
      else out.push(...render(change, opts.limit));
    } else {
      const c = compareRuns(store, runs.length ? [runs[0]!, runs[1]!] : undefined);
      out.push(`run ${c.from} → run ${c.to}: ${c.changes.length} document(s) changed`);
      for (const change of c.changes) out.push(...render(change, opts.limit));
    }
    console.log(out.join('\n'));
    return 0;
  } finally {
    store.close();
  }
}

function render({ before, after, diff }: VersionChange, limit: number): string[] {
  const v: DocumentVersion = (after ?? before)!;
  const head = `${v.source}: ${before ? `run ${before.runId} (${before.extractor})` : 'absent'} → ${after ? `run ${after.runId} (${after.extractor})` : 'absent'}`;
  if (!before || !after) return [`${head}: document ${before ? 'removed' : 'added'}`];
  const lines = [head];
  if (before.status !== after.status) lines.push(`  status: ${before.status}${before.error ? ` (${before.error})` : ''} → ${after.status}${after.error ? ` (${after.error})` : ''}`);
  const d = diff!;
  for (const f of d.fields) lines.push(`  ${f.field}: ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`);
  for (const t of d.tables) {
    const counts = (['changed', 'added', 'removed'] as const).map((k) => [k, t.cells.filter((c) => c.kind === k).length] as const).filter(([, n]) => n > 0);
    const label = `[${(t.afterOrder ?? t.beforeOrder ?? 0) + 1}] ${t.title ?? '(untitled)'}`;
    if (t.kind !== 'changed') {
      lines.push(`  ${t.kind === 'added' ? '+' : '-'} ${label}: table ${t.kind} (${t.cells.length} cells)`);
      continue;
    }
    lines.push(`  ~ ${label}: ${counts.map(([k, n]) => `${n} cell(s) ${k}`).join(', ') || 'header changed'}`);
    for (const c of t.columns) lines.push(`      column ${c}`);
    for (const c of t.cells.slice(0, limit)) {
      const where = `${place(c.beforeProv)} → ${place(c.afterProv)}`;
      const at = c.bodyRow === null ? `header r${c.row + 1}` : `row ${c.bodyRow}`;
      lines.push(`      ${at}, ${c.column || `column ${c.col + 1}`}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}   (${where})`);
    }
    if (t.cells.length > limit) lines.push(`      … ${t.cells.length - limit} more`);
  }
  return lines;
}

function place(prov: Provenance[]): string {
  if (prov.length === 0) return '—';
  return prov.map((p) => (p.kind === 'text' ? `line ${p.start.line}:${p.start.column}` : p.kind === 'pdf' ? `page ${p.page}` : p.kind === 'sheet' ? `${p.sheet}!${p.cell}` : `block ${p.block}`)).join('+');
}
