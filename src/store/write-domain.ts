import type Database from 'better-sqlite3';
import type { Document, Provenance } from '../model/index.js';

/** The tables of migration 002 that hold one document's domain rows, children first (for deleting on re-extraction). */
export const DOMAIN_TABLES = ['doc_check_ref', 'doc_check', 'amount', 'table_row', 'indicator_value', 'doc_domain'];

/**
 * Writes what src/domain added to a document — row labels and 科目, amounts, indicator values,
 * checks and the places they involve — in the caller's transaction. A document that was not
 * enriched (no `checks`) writes nothing here, and reads back without domain fields.
 */
export function writeDomainRows(db: Database.Database, id: number, doc: Document): void {
  if (!doc.checks) return;
  const prepare = cached(db);
  prepare('insert into doc_domain (document_id) values (?)').run(id);
  const row = prepare('insert into table_row (document_id, table_ord, row, panel, label, class_system, class_code, class_level, class_parent) values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const amount = prepare(
    `insert into amount (document_id, table_ord, row, col, printed, value, decimals, unit, yuan, item, column_path, column_text, panel)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const indicator = prepare('insert into indicator_value (document_id, table_ord, row, col, kind, operator, number, upper, unit, raw) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const t of doc.tables) {
    for (const r of t.rowInfo ?? []) {
      const c = r.classification;
      row.run(id, t.order, r.row, r.panel ?? 0, r.label, c?.system ?? null, c?.code ?? null, c?.level ?? null, c?.parent ?? null);
    }
    for (const a of t.amounts ?? []) amount.run(id, t.order, a.row, a.col, a.printed, a.value, a.decimals, a.unit, a.yuan, a.item, JSON.stringify(a.column), a.column.join('/'), a.panel ?? 0);
    for (const v of t.indicators ?? []) indicator.run(id, t.order, v.row, v.col, v.kind, v.operator, v.number, v.upper, v.unit, v.raw);
  }
  const check = prepare('insert into doc_check (document_id, ord, rule, name, status, severity, message, expected, actual, difference, unit) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const ref = prepare(
    `insert into doc_check_ref (document_id, check_ord, ord, role, table_ord, row, col, block_ord, text, value, unit, label, prov, line, page)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  doc.checks.forEach((c, k) => {
    check.run(id, k, c.rule, c.name, c.status, c.severity, c.message, c.expected, c.actual, c.difference, c.unit);
    c.refs.forEach((r, j) => {
      const [line, page] = firstPlace(r.prov);
      ref.run(id, k, j, r.role, r.tableOrder, r.row, r.col, r.blockOrder, r.text, r.value, r.unit, r.label, JSON.stringify(r.prov), line, page);
    });
  });
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Statements compiled once per connection (documents are written by the thousand). */
function cached(db: Database.Database): (sql: string) => Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  const c = cache;
  return (sql) => {
    let stmt = c.get(sql);
    if (!stmt) c.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
}

function firstPlace(prov: Provenance[]): [number | null, number | null] {
  const p = prov[0];
  return [p?.kind === 'text' ? p.start.line : null, p?.kind === 'pdf' ? p.page : null];
}
