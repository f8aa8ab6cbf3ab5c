import type Database from 'better-sqlite3';
import type { AmountCell, Check, CheckRef, IndicatorCell, Table, TableRow } from '../model/index.js';

/** What src/domain added to a stored document, to lay over its tables; null for a document stored without enrichment. */
export interface StoredDomain {
  tables: Map<number, Pick<Table, 'rowInfo' | 'amounts' | 'indicators'>>;
  checks: Check[];
}

/** Reads the domain rows of one document (see writeDomainRows). */
export function readDomainRows(db: Database.Database, id: number): StoredDomain | null {
  if (!db.prepare('select 1 from doc_domain where document_id = ?').get(id)) return null;
  const tables = new Map<number, { rowInfo: TableRow[]; amounts: AmountCell[]; indicators: IndicatorCell[] }>();
  const of = (ord: number) => {
    let t = tables.get(ord);
    if (!t) tables.set(ord, (t = { rowInfo: [], amounts: [], indicators: [] }));
    return t;
  };
  for (const r of db.prepare('select * from table_row where document_id = ? order by table_ord, panel, row').all(id) as Record<string, any>[]) {
    of(r.table_ord).rowInfo.push({
      row: r.row,
      ...(r.panel > 0 ? { panel: r.panel } : {}),
      label: r.label,
      classification: r.class_system ? { system: r.class_system, code: r.class_code, level: r.class_level, parent: r.class_parent } : null,
    });
  }
  for (const a of db.prepare('select * from amount where document_id = ? order by table_ord, row, col').all(id) as Record<string, any>[]) {
    of(a.table_ord).amounts.push({ row: a.row, col: a.col, printed: a.printed, value: a.value, decimals: a.decimals, unit: a.unit, yuan: a.yuan, item: a.item, column: JSON.parse(a.column_path), ...(a.panel > 0 ? { panel: a.panel } : {}) });
  }
  for (const v of db.prepare('select * from indicator_value where document_id = ? order by table_ord, row, col').all(id) as Record<string, any>[]) {
    of(v.table_ord).indicators.push({ row: v.row, col: v.col, kind: v.kind, operator: v.operator, number: v.number, upper: v.upper, unit: v.unit, raw: v.raw });
  }
  const refs = new Map<number, CheckRef[]>();
  for (const r of db.prepare('select * from doc_check_ref where document_id = ? order by check_ord, ord').all(id) as Record<string, any>[]) {
    const list = refs.get(r.check_ord) ?? [];
    list.push(checkRefFromRow(r));
    refs.set(r.check_ord, list);
  }
  const checks: Check[] = (db.prepare('select * from doc_check where document_id = ? order by ord').all(id) as Record<string, any>[]).map((c) => checkFromRow(c, refs.get(c.ord) ?? []));
  return { tables, checks };
}

/** A `doc_check` row as a Check. */
export function checkFromRow(c: Record<string, any>, refs: CheckRef[]): Check {
  return { rule: c.rule, name: c.name, status: c.status, severity: c.severity ?? null, message: c.message, expected: c.expected, actual: c.actual, difference: c.difference, unit: c.unit, refs };
}

/** A `doc_check_ref` row as a CheckRef. */
export function checkRefFromRow(r: Record<string, any>): CheckRef {
  return { role: r.role, tableOrder: r.table_ord, row: r.row, col: r.col, blockOrder: r.block_ord, text: r.text, value: r.value, unit: r.unit, label: r.label, prov: JSON.parse(r.prov) };
}

/** Lays stored domain rows over the tables read back (every table of an enriched document gets the three lists). */
export function withDomain<T extends { tables: Table[] }>(doc: T, domain: StoredDomain | null): T & { checks?: Check[] } {
  if (!domain) return doc;
  return {
    ...doc,
    tables: doc.tables.map((t) => ({ ...t, ...(domain.tables.get(t.order) ?? { rowInfo: [], amounts: [], indicators: [] }) })),
    checks: domain.checks,
  };
}
