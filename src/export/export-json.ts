import fs from 'node:fs';
import path from 'node:path';
import { ExportFile, type Document, type ExportDocument, type ExportTable, type Table } from '../model/index.js';
import type { Store, StoredDocumentInfo } from '../store/index.js';

/** Body rows of a table: cells below the header rows, grouped by row, in column order; ragged rows stay ragged. */
export function bodyRows(t: Table): string[][] {
  const rows: string[][] = Array.from({ length: t.nRows }, () => []);
  for (const c of t.cells) if (c.row >= t.headerRows) rows[c.row - t.headerRows]![c.col] = c.text;
  return rows.map((r) => Array.from(r, (v) => v ?? ''));
}

/** One table as the export contract of DESIGN.md prints it. */
export function toExportTable(t: Table): ExportTable {
  const first = t.prov[0];
  return {
    title: t.title,
    kind: t.kind,
    unit: t.unit,
    columns: t.columns.map((c) => c.path),
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

/** Every stored document, ordered by source, as the JSON export contract. */
export function exportJson(store: Store): ExportDocument[] {
  const docs = store.listDocuments().map((info) => toExportDocument(info, store.readDocument(info.id)));
  return ExportFile.parse(docs);
}

/** Writes the JSON export to a file (UTF-8, pretty-printed). */
export function writeExportJson(store: Store, outFile: string): number {
  const docs = exportJson(store);
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(docs, null, 2) + '\n');
  return docs.length;
}
