import zlib from 'node:zlib';
import type Database from 'better-sqlite3';
import { Document } from '../model/index.js';
import { readDocumentRows } from './read-document.js';

/** One extraction of a document: the current one or an archived earlier one. */
export interface DocumentVersion {
  documentId: number;
  source: string;
  /** The run that produced it. */
  runId: number;
  sha256: string;
  /** `name@version`, followed by the options that shaped the extraction when not the defaults. */
  extractor: string;
  status: string;
  error: string | null;
  document: Document | null;
}

/**
 * The version of each document as it stood after run `runId`: the extraction made by the
 * latest run at or before it (archived or current). Documents not yet extracted then are absent.
 */
export function versionsAt(db: Database.Database, runId: number): Map<number, DocumentVersion> {
  const out = new Map<number, DocumentVersion>();
  const current = db.prepare('select * from document where run_id <= ?').all(runId) as Record<string, any>[];
  for (const d of current) out.set(d.id, currentVersion(db, d));
  const archived = db
    .prepare(
      `select v.*, d.source from document_version v join document d on d.id = v.document_id
       where v.run_id <= ? and v.superseded_by_run > ? order by v.run_id`,
    )
    .all(runId, runId) as Record<string, any>[];
  for (const v of archived) out.set(v.document_id, archivedVersion(v));
  return out;
}

/** The current version and the one it replaced, for one document (null when it was never re-extracted). */
export function lastChange(db: Database.Database, documentId: number): { before: DocumentVersion; after: DocumentVersion } | null {
  const d = db.prepare('select * from document where id = ?').get(documentId) as Record<string, any> | undefined;
  if (!d) return null;
  const v = db
    .prepare('select v.*, d.source from document_version v join document d on d.id = v.document_id where v.document_id = ? order by v.superseded_by_run desc limit 1')
    .get(documentId) as Record<string, any> | undefined;
  return v ? { before: archivedVersion(v), after: currentVersion(db, d) } : null;
}

function currentVersion(db: Database.Database, d: Record<string, any>): DocumentVersion {
  return {
    documentId: d.id,
    source: d.source,
    runId: d.run_id,
    sha256: d.sha256,
    extractor: withOptions(`${d.extractor_name}@${d.extractor_version}`, d.extract_options),
    status: d.status,
    error: d.error,
    document: readDocumentRows(db, d.id),
  };
}

function archivedVersion(v: Record<string, any>): DocumentVersion {
  return {
    documentId: v.document_id,
    source: v.source,
    runId: v.run_id,
    sha256: v.sha256,
    extractor: withOptions(`${v.extractor_name}@${v.extractor_version}`, v.extract_options),
    status: v.status,
    error: v.error,
    document: v.content ? Document.parse(JSON.parse(zlib.gunzipSync(v.content).toString('utf8'))) : null,
  };
}

/** `pdf@1.3.0 --pages 1`: the extractor and the options it ran with, when not the defaults. */
function withOptions(extractor: string, options: string | null): string {
  return options ? `${extractor} ${options}` : extractor;
}
