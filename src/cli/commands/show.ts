import { bodyRows, openDatabase } from '../../index.js';
import { renderGrid } from '../text-grid.js';
import { terminalSafe } from '../terminal-safe.js';
import { UsageError } from '../usage-error.js';

/** `gongkai show`: a document's tables, readably, in the terminal. */
export function showCommand(opts: { db: string; key: string }): number {
  const store = openDatabase(opts.db);
  try {
    const matches = store.findDocuments(opts.key);
    if (matches.length === 0) throw new UsageError(`no document matches "${opts.key}" in ${opts.db}`);
    if (matches.length > 1) throw new UsageError(`"${opts.key}" matches ${matches.length} documents:\n${matches.map((m) => `  ${m.sha256.slice(0, 12)}  ${m.source}`).join('\n')}`);
    const info = matches[0]!;
    const out: string[] = [];
    out.push(`${info.source}`);
    out.push(`  sha256 ${info.sha256}  ${info.bytes} bytes  format ${info.format ?? '?'}  encoding ${info.encoding ?? '?'}  extractor ${info.extractorName}@${info.extractorVersion}`);
    if (info.format === 'pdf') out.push(`  options ${info.extractOptions || 'defaults (all pages, whole page, method auto)'}`);
    out.push(`  status ${info.status}${info.error ? ` — ${info.error}` : ''}`);
    const doc = store.readDocument(info.id);
    if (doc) {
      out.push(`  org ${doc.org.code ?? '?'} ${doc.org.name ?? ''}  year ${doc.year ?? '?'}  ${doc.docKind ?? ''}  ${doc.tables.length} tables`);
      for (const d of doc.diagnostics) out.push(`  ${d.severity}: ${d.code} — ${d.message}${d.place?.kind === 'text' ? ` (line ${d.place.start.line})` : ''}`);
      for (const t of doc.tables) {
        const p = t.prov[0];
        const where = p?.kind === 'text' ? `line ${p.start.line}` : p?.kind === 'pdf' ? `page ${p.page}` : '';
        out.push('');
        out.push(`[${t.order + 1}] ${t.title ?? '(untitled)'}  ·  ${t.kind}  ·  unit ${t.unit ?? '—'}  ·  ${where}  ·  ${t.nRows} rows × ${t.nCols} columns`);
        const meta = [t.meta.org, t.meta.year && `预算年度 ${t.meta.year}`, t.meta.asOf && `截止 ${t.meta.asOf}`].filter(Boolean).join('  ');
        if (meta) out.push(`    ${meta}`);
        out.push(
          renderGrid(t.columns.map((c) => c.path.join('/')), bodyRows(t))
            .split('\n')
            .map((l) => '    ' + l)
            .join('\n'),
        );
      }
    }
    console.log(terminalSafe(out.join('\n')));
    return 0;
  } finally {
    store.close();
  }
}
