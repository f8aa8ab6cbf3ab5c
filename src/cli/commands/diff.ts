import type { Provenance } from '../../model/index.js';
import { diffDocuments, type DocumentDiff } from '../../pipeline/diff-documents.js';
import { lastChange, versionsAt, type DocumentVersion } from '../../store/index.js';
import { openExistingStore } from '../open-database.js';
import { UsageError } from '../usage-error.js';

export const DIFF_USAGE = 'gongkai diff [--db DB] [--run A --run B | --doc SOURCE|SHA]';

/**
 * `gongkai diff`: what a re-run changed. `--run A --run B` compares every document as it stood
 * after run A with after run B; `--doc` compares one document's current extraction with the one
 * it replaced; with neither, the last run is compared with the run before it.
 */
export function diffCommand(opts: { db: string; runs: string[]; doc: string | undefined; limit: number }): number {
  const store = openExistingStore(opts.db);
  try {
    const out: string[] = [];
    if (opts.doc) {
      const matches = store.findDocuments(opts.doc);
      if (matches.length !== 1) throw new UsageError(matches.length ? `"${opts.doc}" matches ${matches.length} documents` : `no document matches "${opts.doc}"`);
      const change = lastChange(store.db, matches[0]!.id);
      if (!change) out.push(`${matches[0]!.source}: extracted once, nothing to compare`);
      else out.push(...render(change.before, change.after, opts.limit));
    } else {
      const runs = store.listRuns().map((r) => r.id);
      if (runs.length === 0) throw new UsageError(`no runs in ${opts.db}`);
      let [a, b] = opts.runs.map(Number);
      if (opts.runs.length === 0) [a, b] = [runs[runs.length - 2] ?? 0, runs[runs.length - 1]!];
      else if (opts.runs.length !== 2 || !Number.isInteger(a) || !Number.isInteger(b)) throw new UsageError(DIFF_USAGE);
      else for (const r of [a!, b!]) if (!runs.includes(r)) throw new UsageError(`no run ${r} in ${opts.db} (runs ${runs[0]}–${runs[runs.length - 1]}; \`gongkai runs\` lists them)`);
      const before = versionsAt(store.db, a!);
      const after = versionsAt(store.db, b!);
      let changed = 0;
      for (const id of [...new Set([...before.keys(), ...after.keys()])].sort((x, y) => x - y)) {
        const x = before.get(id) ?? null;
        const y = after.get(id) ?? null;
        if (x && y && x.runId === y.runId) continue; // the same extraction
        const lines = render(x, y, opts.limit);
        if (lines.length > 1 || !x || !y) {
          changed++;
          out.push(...lines);
        }
      }
      out.unshift(`run ${a} → run ${b}: ${changed} document(s) changed`);
    }
    console.log(out.join('\n'));
    return 0;
  } finally {
    store.close();
  }
}

function render(before: DocumentVersion | null, after: DocumentVersion | null, limit: number): string[] {
  const v = (after ?? before)!;
  const head = `${v.source}: ${before ? `run ${before.runId} (${before.extractor})` : 'absent'} → ${after ? `run ${after.runId} (${after.extractor})` : 'absent'}`;
  if (!before || !after) return [`${head}: document ${before ? 'removed' : 'added'}`];
  const lines = [head];
  if (before.status !== after.status) lines.push(`  status: ${before.status}${before.error ? ` (${before.error})` : ''} → ${after.status}${after.error ? ` (${after.error})` : ''}`);
  const d: DocumentDiff = diffDocuments(before.document, after.document);
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
