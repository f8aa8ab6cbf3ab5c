import zlib from 'node:zlib';
import type Database from 'better-sqlite3';
import type { Document, Provenance } from '../model/index.js';
import { readDocumentRows } from './read-document.js';
import type { SourceFile } from './store.js';
import { indexDocumentText } from './search.js';
import { DOMAIN_TABLES, writeDomainRows } from './write-domain.js';

/** Writes the rows of one document; the caller holds the transaction. Returns the document id. */
export function writeDocumentRows(
  db: Database.Database,
  runId: number,
  file: SourceFile,
  doc: Document | null,
  failure: { format: string | null; error: string; extractor: { name: string; version: string } } | null,
): number {
  const previous = db.prepare('select * from document where source = ?').get(file.source) as Record<string, any> | undefined;
  const status = doc ? (doc.diagnostics.some((d) => d.severity === 'error') ? 'partial' : 'ok') : 'failed';
  const values = {
    source: file.source,
    sha256: file.sha256,
    bytes: file.bytes,
    format: doc?.format ?? failure?.format ?? null,
    encoding: doc?.encoding ?? null,
    extractor_name: doc?.extractor.name ?? failure!.extractor.name,
    extractor_version: doc?.extractor.version ?? failure!.extractor.version,
    stage_versions: file.stages ?? null,
    extract_options: file.options ?? '',
    content_hash: doc ? (file.contentHash ?? null) : null,
    doc_scope: doc?.docScope ?? null,
    status,
    error: failure?.error ?? null,
    org_code: doc?.org.code ?? null,
    org_name: doc?.org.name ?? null,
    year: doc?.year ?? null,
    doc_kind: doc?.docKind ?? null,
    schema_version: doc?.schemaVersion ?? null,
    run_id: runId,
    extracted_at: new Date().toISOString(),
  };
  let id: number;
  if (previous) {
    id = previous.id;
    if (previous.run_id !== runId) archiveVersion(db, previous, runId);
    // children go with the old extraction; the document keeps its id
    for (const t of ['search_entry', ...DOMAIN_TABLES, 'cell', '"column"', 'doc_table', 'block', 'diagnostic']) db.prepare(`delete from ${t} where document_id = ?`).run(id);
    db.prepare(
      `update document set sha256 = @sha256, bytes = @bytes, format = @format, encoding = @encoding, extractor_name = @extractor_name,
       extractor_version = @extractor_version, stage_versions = @stage_versions, extract_options = @extract_options, content_hash = @content_hash, doc_scope = @doc_scope, status = @status, error = @error, org_code = @org_code, org_name = @org_name, year = @year,
       doc_kind = @doc_kind, schema_version = @schema_version, run_id = @run_id, extracted_at = @extracted_at where id = @id`,
    ).run({ ...values, id });
  } else {
    const r = db
      .prepare(
        `insert into document (source, sha256, bytes, format, encoding, extractor_name, extractor_version, stage_versions, extract_options, content_hash, doc_scope, status, error, org_code, org_name,
         year, doc_kind, schema_version, run_id, extracted_at) values (@source, @sha256, @bytes, @format, @encoding, @extractor_name,
         @extractor_version, @stage_versions, @extract_options, @content_hash, @doc_scope, @status, @error, @org_code, @org_name, @year, @doc_kind, @schema_version, @run_id, @extracted_at)`,
      )
      .run(values);
    id = Number(r.lastInsertRowid);
  }
  if (doc) writeContent(db, id, doc);
  return id;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per connection: documents are written by the thousand. */
function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

function writeContent(db: Database.Database, id: number, doc: Document): void {
  const block = prepared(db, 'insert into block (document_id, ord, type, text, table_ord, prov) values (?, ?, ?, ?, ?, ?)');
  for (const b of doc.blocks) block.run(id, b.order, b.type, b.text, b.tableOrder, JSON.stringify(b.prov));

  const table = prepared(db, 
    `insert into doc_table (document_id, ord, title, title_raw, kind, unit, meta_org, meta_year, meta_unit, meta_as_of, header_rows, n_rows, n_cols,
     panels, prov, first_line, last_line, first_page, last_page) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const column = prepared(db, 'insert into "column" (document_id, table_ord, idx, path, path_text) values (?, ?, ?, ?, ?)');
  const cell = prepared(db, 
    `insert into cell (document_id, table_ord, row, col, rowspan, colspan, is_header, text, raw, value, prov, prov_kind,
     line_start, col_start, off_start, line_end, col_end, off_end, page, x0, y0, x1, y1, confidence)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const t of doc.tables) {
    const [firstLine, lastLine] = lineRange(t.prov);
    const [firstPage, lastPage] = pageRange(t.prov);
    table.run(id, t.order, t.title, t.titleRaw, t.kind, t.unit, t.meta.org, t.meta.year, t.meta.unit, t.meta.asOf, t.headerRows, t.nRows, t.nCols, t.panels ? JSON.stringify(t.panels) : null, JSON.stringify(t.prov), firstLine, lastLine, firstPage, lastPage);
    for (const c of t.columns) column.run(id, t.order, c.index, JSON.stringify(c.path), c.path.join('/'));
    for (const c of t.cells) {
      const p = c.prov[0];
      const text = p?.kind === 'text' ? p : null;
      const pdf = p?.kind === 'pdf' ? p : null;
      cell.run(
        id, t.order, c.row, c.col, c.rowspan, c.colspan, c.isHeader ? 1 : 0, c.text, c.raw, c.value, JSON.stringify(c.prov), p?.kind ?? null,
        text?.start.line ?? null, text?.start.column ?? null, text?.start.offset ?? null, text?.end.line ?? null, text?.end.column ?? null, text?.end.offset ?? null,
        pdf?.page ?? null, pdf?.bbox[0] ?? null, pdf?.bbox[1] ?? null, pdf?.bbox[2] ?? null, pdf?.bbox[3] ?? null, c.confidence ?? null,
      );
    }
  }
  const diagnostic = prepared(db, 'insert into diagnostic (document_id, ord, severity, code, stage, message, place) values (?, ?, ?, ?, ?, ?, ?)');
  doc.diagnostics.forEach((d, k) => diagnostic.run(id, k, d.severity, d.code, d.stage, d.message, d.place ? JSON.stringify(d.place) : null));
  writeDomainRows(db, id, doc);
  indexDocumentText(db, id);
}

function lineRange(prov: Provenance[]): [number | null, number | null] {
  const text = prov.filter((p) => p.kind === 'text');
  if (!text.length) return [null, null];
  return [Math.min(...text.map((p) => p.start.line)), Math.max(...text.map((p) => p.end.line))];
}

function pageRange(prov: Provenance[]): [number | null, number | null] {
  const pages = prov.filter((p) => p.kind === 'pdf').map((p) => p.page);
  return pages.length ? [Math.min(...pages), Math.max(...pages)] : [null, null];
}

/** Keeps the extraction being replaced, for `gongkai diff`. */
function archiveVersion(db: Database.Database, previous: Record<string, any>, runId: number): void {
  const doc = readDocumentRows(db, previous.id);
  db.prepare(
    `insert or replace into document_version (document_id, run_id, superseded_by_run, sha256, extractor_name, extractor_version, extract_options, status, error, content)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(previous.id, previous.run_id, runId, previous.sha256, previous.extractor_name, previous.extractor_version, previous.extract_options ?? '', previous.status, previous.error, doc ? zlib.gzipSync(JSON.stringify(doc)) : null);
}
