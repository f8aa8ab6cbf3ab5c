import type Database from 'better-sqlite3';
import type { Check } from '../model/index.js';
import { checkFromRow, checkRefFromRow } from './read-domain.js';

/** A stored check with the document it is about. */
export interface StoredCheck extends Check {
  documentId: number;
  source: string;
  ord: number;
}

/** Check counts of one document; `enriched` is false for documents stored before checks existed (re-run with --force). */
export interface CheckSummary {
  documentId: number;
  source: string;
  status: string;
  enriched: boolean;
  pass: number;
  fail: number;
}

/** Per document: how many checks passed and failed, in source order. */
export function summarizeChecks(db: Database.Database, documentIds?: number[]): CheckSummary[] {
  const rows = db
    .prepare(
      `select d.id, d.source, d.status, (select count(*) from doc_domain x where x.document_id = d.id) as enriched,
         (select count(*) from doc_check c where c.document_id = d.id and c.status = 'pass') as pass,
         (select count(*) from doc_check c where c.document_id = d.id and c.status = 'fail') as fail
       from document d order by d.source`,
    )
    .all() as Record<string, any>[];
  return rows
    .filter((r) => !documentIds || documentIds.includes(r.id))
    .map((r) => ({ documentId: r.id, source: r.source, status: r.status, enriched: r.enriched > 0, pass: r.pass, fail: r.fail }));
}

/** Stored checks (all, or only `fail`ed ones) of some or all documents, with their refs, in source and check order. */
export function readChecks(db: Database.Database, options: { documentIds?: number[]; status?: 'pass' | 'fail' } = {}): StoredCheck[] {
  const where = [options.status ? 'c.status = @status' : null, options.documentIds ? 'c.document_id = @id' : null].filter(Boolean).join(' and ');
  const stmt = db.prepare(`select c.*, d.source from doc_check c join document d on d.id = c.document_id ${where ? `where ${where}` : ''} order by d.source, c.ord`);
  const params = (id?: number) => ({ ...(options.status ? { status: options.status } : {}), ...(id === undefined ? {} : { id }) });
  const rows = (options.documentIds ? options.documentIds.flatMap((id) => stmt.all(params(id))) : stmt.all(params())) as Record<string, any>[];
  const refStmt = db.prepare('select * from doc_check_ref where document_id = ? and check_ord = ? order by ord');
  return rows
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.ord - b.ord))
    .map((c) => ({
      documentId: c.document_id,
      source: c.source,
      ord: c.ord,
      ...checkFromRow(c, (refStmt.all(c.document_id, c.ord) as Record<string, any>[]).map(checkRefFromRow)),
    }));
}
