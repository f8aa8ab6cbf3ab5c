import type Database from 'better-sqlite3';
import type { PackedDocument } from '../model/index.js';
import { withId } from './pack-document.js';
import { prepared } from './prepared.js';

/** The tables of migration 002 that hold one document's domain rows, children first (for deleting on re-extraction). */
export const DOMAIN_TABLES = ['doc_check_ref', 'doc_check', 'amount', 'table_row', 'indicator_value', 'doc_domain'];

/**
 * Writes what src/domain added to a document — row labels and 科目, amounts, indicator values,
 * checks and the places they involve — in the caller's transaction. A document that was not
 * enriched (no `checks`) writes nothing here, and reads back without domain fields.
 */
export function writeDomainRows(db: Database.Database, id: number, doc: PackedDocument): void {
  const domain = doc.domain;
  if (!domain) return;
  prepared(db, 'insert into doc_domain (document_id) values (?)').run(id);
  const row = prepared(db, 'insert into table_row (document_id, table_ord, row, panel, label, class_system, class_code, class_level, class_parent) values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const amount = prepared(
    db,
    `insert into amount (document_id, table_ord, row, col, printed, value, decimals, unit, yuan, item, column_path, column_text, panel)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const indicator = prepared(db, 'insert into indicator_value (document_id, table_ord, row, col, kind, operator, number, upper, unit, raw) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const t of domain.tables) {
    for (const r of t.rows) row.run(withId(r, id));
    for (const a of t.amounts) amount.run(withId(a, id));
    for (const v of t.indicators) indicator.run(withId(v, id));
  }
  const check = prepared(db, 'insert into doc_check (document_id, ord, rule, name, status, severity, message, expected, actual, difference, unit) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const ref = prepared(
    db,
    `insert into doc_check_ref (document_id, check_ord, ord, role, table_ord, row, col, block_ord, text, value, unit, label, prov, line, page)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of domain.checks) {
    check.run(withId(c.check, id));
    for (const r of c.refs) ref.run(withId(r, id));
  }
}
