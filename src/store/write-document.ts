import zlib from 'node:zlib';
import type Database from 'better-sqlite3';
import type { Document } from '../model/index.js';
import type { PackedDocument } from '../model/index.js';
import { packDocument, withId } from './pack-document.js';
import { prepared } from './prepared.js';
import { readDocumentRows } from './read-document.js';
import type { SourceFile } from './store.js';
import { indexDocumentText } from './search.js';
import { DOMAIN_TABLES, writeDomainRows } from './write-domain.js';

/**
 * Writes the rows of one document; the caller holds the transaction. Returns the document id. A
 * Document is packed here; a worker hands over one it packed itself (pack-document.ts).
 */
export function writeDocumentRows(
  db: Database.Database,
  runId: number,
  file: SourceFile,
  content: Document | PackedDocument | null,
  failure: { format: string | null; error: string; extractor: { name: string; version: string } } | null,
): number {
  const packed = content && !('head' in content) ? packDocument(content) : content;
  const doc = packed?.head;
  const previous = prepared(db, 'select * from document where source = ?').get(file.source) as Record<string, any> | undefined;
  const values = {
    source: file.source,
    sha256: file.sha256,
    bytes: file.bytes,
    format: doc?.format ?? failure?.format ?? null,
    encoding: doc?.encoding ?? null,
    extractor_name: doc?.extractorName ?? failure!.extractor.name,
    extractor_version: doc?.extractorVersion ?? failure!.extractor.version,
    stage_versions: file.stages ?? null,
    extract_options: file.options ?? '',
    content_hash: doc ? (file.contentHash ?? null) : null,
    doc_scope: doc?.docScope ?? null,
    status: doc?.status ?? 'failed',
    error: failure?.error ?? null,
    org_code: doc?.orgCode ?? null,
    org_name: doc?.orgName ?? null,
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
  if (packed) writeContent(db, id, packed);
  return id;
}

function writeContent(db: Database.Database, id: number, doc: PackedDocument): void {
  const block = prepared(db, 'insert into block (document_id, ord, type, text, table_ord, prov) values (?, ?, ?, ?, ?, ?)');
  for (const row of doc.blocks) block.run(withId(row, id));

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
    table.run(withId(t.table, id));
    for (const row of t.columns) column.run(withId(row, id));
    for (const row of t.cells) cell.run(withId(row, id));
  }
  const diagnostic = prepared(db, 'insert into diagnostic (document_id, ord, severity, code, stage, message, place) values (?, ?, ?, ?, ?, ?, ?)');
  for (const row of doc.diagnostics) diagnostic.run(withId(row, id));
  writeDomainRows(db, id, doc);
  indexDocumentText(db, id);
}

/** Keeps the extraction being replaced, for `gongkai diff`. */
function archiveVersion(db: Database.Database, previous: Record<string, any>, runId: number): void {
  const doc = readDocumentRows(db, previous.id);
  db.prepare(
    `insert or replace into document_version (document_id, run_id, superseded_by_run, sha256, extractor_name, extractor_version, extract_options, status, error, content)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(previous.id, previous.run_id, runId, previous.sha256, previous.extractor_name, previous.extractor_version, previous.extract_options ?? '', previous.status, previous.error, doc ? zlib.gzipSync(JSON.stringify(doc)) : null);
}
