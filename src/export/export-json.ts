import { ExportDocument, ExportFile, type Document, type ExportTable, type Table } from '../model/index.js';
import type { Store, StoredDocumentInfo } from '../store/index.js';
import { openOutput } from './output.js';

/**
 * Body rows of a table: the cells at row >= headerRows, grouped by row, each at its column. A
 * cell merged across columns prints its text in its first column and "" in the columns it
 * covers; a row is as wide as its last cell reaches — a ragged row stays short, nothing is
 * padded past it — and body row r is `rows[r]`, so a body row without cells is `[]` rather
 * than a shift of the rows below.
 */
export function bodyRows(t: Table): string[][] {
  const byRow = new Map<number, Table['cells']>();
  let n = t.nRows;
  for (const c of t.cells) {
    if (c.row < t.headerRows) continue;
    const r = c.row - t.headerRows;
    const list = byRow.get(r);
    if (list) list.push(c);
    else byRow.set(r, [c]);
    n = Math.max(n, r + 1);
  }
  return Array.from({ length: n }, (_, r) => printRow(byRow.get(r) ?? []));
}

function printRow(cells: Table['cells']): string[] {
  const out: string[] = [];
  for (const c of cells.sort((a, b) => a.col - b.col)) {
    // cells stored by order (text exports) sit at out.length already; a merged cell's columns are filled with ""
    while (out.length < c.col) out.push('');
    out.push(c.text);
    for (let k = 1; k < c.colspan; k++) out.push('');
  }
  return out;
}

/** One table as the export contract of docs/DESIGN.md prints it; `source` is its first provenance piece. */
export function toExportTable(t: Table): ExportTable {
  const first = t.prov[0];
  return {
    title: t.title,
    kind: t.kind,
    unit: t.unit,
    columns: [...t.columns].sort((a, b) => a.index - b.index).map((c) => c.path),
    rows: bodyRows(t),
    source: { page: first?.kind === 'pdf' ? first.page : null, line: first?.kind === 'text' ? first.start.line : null },
  };
}

/** One document as the export contract prints it; failed documents keep their reason and no tables. */
export function toExportDocument(info: StoredDocumentInfo, doc: Document | null): ExportDocument {
  return {
    source: info.source,
    sha256: info.sha256,
    format: info.format,
    status: info.status,
    error: info.error,
    org: info.org,
    year: info.year,
    docKind: info.docKind,
    tables: doc ? doc.tables.map(toExportTable) : [],
  };
}

/** Every stored document, ordered by source, one at a time and each checked against ExportDocument. */
export function* exportDocuments(store: Store): Generator<ExportDocument> {
  for (const info of store.listDocuments()) yield ExportDocument.parse(toExportDocument(info, store.readDocument(info.id)));
}

/** Every stored document, ordered by source, as the JSON export contract (validated with ExportFile). */
export function exportJson(store: Store): ExportDocument[] {
  return ExportFile.parse([...exportDocuments(store)]);
}

/**
 * Writes the JSON export to `outFile` (`-`: standard output): UTF-8, pretty-printed exactly as
 * `JSON.stringify(exportJson(store), null, 2)` plus a trailing newline. Documents are written one by
 * one (a batch of tens of thousands never sits in memory whole); a file appears whole or not at all
 * (src/export/output.ts). Returns the document count.
 */
export function writeExportJson(store: Store, outFile: string): number {
  const out = openOutput(outFile);
  let n = 0;
  try {
    for (const doc of exportDocuments(store)) {
      // string values never hold a raw line break in JSON, so indenting every line nests the element safely
      out.write((n === 0 ? '[\n' : ',\n') + JSON.stringify(doc, null, 2).replace(/^/gm, '  '));
      n++;
    }
    out.write(n === 0 ? '[]\n' : '\n]\n');
    out.commit();
  } catch (e) {
    out.abort();
    throw e;
  }
  return n;
}
