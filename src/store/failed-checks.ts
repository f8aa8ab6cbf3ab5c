import type Database from 'better-sqlite3';
import type { Provenance } from '../model/index.js';

/** A side of a failed check, placed in a table (tableOrder/row/col) or in the prose (blockOrder). */
export interface FailedCheckRef {
  role: string;
  tableOrder: number | null;
  row: number | null;
  col: number | null;
  blockOrder: number | null;
  label: string;
  text: string;
  prov: Provenance[];
}

/** A failed check of one document as the review page shows it. */
export interface FailedCheck {
  ord: number;
  rule: string;
  name: string;
  status: string;
  /** error | warning | hint; null for checks stored before severities existed. */
  severity: string | null;
  message: string;
  refs: FailedCheckRef[];
}

/** Whether the database has the checks tables (a database from before them, opened read-only, may not). */
export function hasChecksTables(db: Database.Database): boolean {
  return db.prepare("select 1 from sqlite_master where type = 'table' and name in ('doc_check', 'doc_check_ref')").all().length === 2;
}

/** Failed checks per document id; null when the database has no checks tables. */
export function failedCheckCounts(db: Database.Database): Map<number, number> | null {
  if (!hasChecksTables(db)) return null;
  const rows = db.prepare("select document_id as id, count(*) as n from doc_check where status = 'fail' group by document_id").all() as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The failed checks of one document with the cells and sentences they involve; null when the database has no checks tables. */
export function readFailedChecks(db: Database.Database, documentId: number): FailedCheck[] | null {
  if (!hasChecksTables(db)) return null;
  const checks = db.prepare("select * from doc_check where document_id = ? and status = 'fail' order by ord").all(documentId) as Record<string, any>[];
  const refs = db.prepare('select * from doc_check_ref where document_id = ? and check_ord = ? order by ord');
  return checks.map((c) => ({
    ord: c.ord,
    rule: c.rule,
    name: c.name,
    status: c.status,
    severity: c.severity ?? null,
    message: c.message,
    refs: (refs.all(documentId, c.ord) as Record<string, any>[]).map((r) => ({
      role: r.role,
      tableOrder: r.table_ord ?? null,
      row: r.row ?? null,
      col: r.col ?? null,
      blockOrder: r.block_ord ?? null,
      label: r.label,
      text: r.text,
      prov: JSON.parse(r.prov),
    })),
  }));
}
