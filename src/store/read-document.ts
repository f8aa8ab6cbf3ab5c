import type Database from 'better-sqlite3';
import { Document, type Block, type Cell, type Column, type Diagnostic, type Table } from '../model/index.js';
import { readDomainRows, withDomain } from './read-domain.js';

/** Rebuilds a stored Document from its rows; null when the document failed (it has no content). */
export function readDocumentRows(db: Database.Database, id: number): Document | null {
  const d = db.prepare('select * from document where id = ?').get(id) as Record<string, any> | undefined;
  if (!d || d.status === 'failed') return null;
  const blocks: Block[] = (db.prepare('select * from block where document_id = ? order by ord').all(id) as Record<string, any>[]).map((b) => ({
    order: b.ord,
    type: b.type,
    text: b.text,
    tableOrder: b.table_ord,
    prov: JSON.parse(b.prov),
  }));
  const columns = groupBy(db.prepare('select * from "column" where document_id = ? order by table_ord, idx').all(id) as Record<string, any>[], (c) => c.table_ord);
  const cells = groupBy(db.prepare('select * from cell where document_id = ? order by table_ord, row, col').all(id) as Record<string, any>[], (c) => c.table_ord);
  const tables: Table[] = (db.prepare('select * from doc_table where document_id = ? order by ord').all(id) as Record<string, any>[]).map((t) => ({
    order: t.ord,
    title: t.title,
    titleRaw: t.title_raw,
    kind: t.kind,
    unit: t.unit,
    meta: { org: t.meta_org, year: t.meta_year, unit: t.meta_unit, asOf: t.meta_as_of },
    columns: (columns.get(t.ord) ?? []).map((c): Column => ({ index: c.idx, path: JSON.parse(c.path) })),
    ...(t.panels ? { panels: JSON.parse(t.panels) as number[] } : {}),
    headerRows: t.header_rows,
    nRows: t.n_rows,
    nCols: t.n_cols,
    cells: (cells.get(t.ord) ?? []).map(
      (c): Cell => ({ row: c.row, col: c.col, rowspan: c.rowspan, colspan: c.colspan, isHeader: c.is_header === 1, text: c.text, raw: c.raw, value: c.value, prov: JSON.parse(c.prov), ...(c.confidence !== null && c.confidence !== undefined ? { confidence: c.confidence } : {}) }),
    ),
    prov: JSON.parse(t.prov),
  }));
  const diagnostics: Diagnostic[] = (db.prepare('select * from diagnostic where document_id = ? order by ord').all(id) as Record<string, any>[]).map((x) => ({
    severity: x.severity,
    code: x.code,
    stage: x.stage,
    message: x.message,
    ...(x.place ? { place: JSON.parse(x.place) } : {}),
  }));
  const base = {
    schemaVersion: d.schema_version,
    format: d.format,
    encoding: d.encoding,
    extractor: { name: d.extractor_name, version: d.extractor_version },
    org: { code: d.org_code, name: d.org_name },
    year: d.year,
    docKind: d.doc_kind,
    blocks,
    tables,
    diagnostics,
  };
  const domain = readDomainRows(db, id);
  // the scope is found by enrichment: a document stored unenriched has none, not a null one
  return Document.parse(withDomain(domain ? { ...base, docScope: d.doc_scope ?? null } : base, domain));
}

function groupBy<T>(rows: T[], key: (r: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}
