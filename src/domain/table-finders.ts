import type { TableRow } from '../model/index.js';
import { cellOperand, type Operand } from './check-builder.js';
import { rowLabelOf } from './row-checks.js';
import { isTotalLabel, normalizeLabel } from './row-outline.js';
import { tableRole, type TableRole } from './table-kinds.js';
import { headerPath, type TableLayout } from './table-layout.js';

/** A table with what enrichment read from it: the layout and the labels/科目 of its rows. */
export interface ReadTable {
  layout: TableLayout;
  rowInfo: TableRow[];
}

/** The first table of a role (the nine tables appear once per document). */
export function findTable(tables: ReadTable[], role: TableRole): ReadTable | undefined {
  return tables.find((t) => tableRole(t.layout.table.kind) === role && t.layout.table.nRows > 0);
}

/** The first amount column whose header leaf (or, failing that, whole path) matches. */
export function amountColumn(t: ReadTable, re: RegExp): number | undefined {
  const { table, amountColumns } = t.layout;
  return amountColumns.find((c) => re.test(headerPath(table, c).at(-1) ?? '')) ?? amountColumns.find((c) => re.test(headerPath(table, c).join('/')));
}

/** The 合计 row of a table: an uncoded row labelled 合计/总计 (the first such). */
export function totalRow(t: ReadTable): TableRow | undefined {
  return t.rowInfo.find((r) => !r.classification && r.label !== null && isTotalLabel(r.label) && !/小计$/u.test(normalizeLabel(r.label)));
}

/** The operand of a cell with its row's label for messages. */
export function operandAt(t: ReadTable, row: number, col: number): Operand | null {
  return cellOperand(t.layout, row, col, rowLabelOf(t.rowInfo, row));
}

/** The operand at the 合计 row in the column matching `column`. */
export function totalAt(t: ReadTable | undefined, column: RegExp): Operand | null {
  if (!t) return null;
  const row = totalRow(t);
  const col = amountColumn(t, column);
  return row && col !== undefined ? operandAt(t, row.row, col) : null;
}

/** One side (收入 | 支出) of a two-sided summary table: its label column and amount columns. */
export interface Side {
  labelCol: number;
  amountCols: number[];
}

/** The label and amount columns of one side of a two-sided summary table, or null when it has none. */
export function sideOf(t: ReadTable, side: '收入' | '支出'): Side | null {
  const { table, amountColumns, rows, text } = t.layout;
  const cols = table.columns.filter((c) => c.path[0]?.replace(/\s+/g, '') === side).map((c) => c.index);
  const labelCol = cols.find((c) => !amountColumns.includes(c) && rows.some((r) => text(r, c) !== ''));
  const amountCols = cols.filter((c) => amountColumns.includes(c));
  return labelCol === undefined || amountCols.length === 0 ? null : { labelCol, amountCols };
}

/** The first row on a side whose normalized label matches, with its operand in the side's first (or a chosen) amount column. */
export function sideAt(t: ReadTable | undefined, side: '收入' | '支出', label: RegExp, column?: RegExp): Operand | null {
  if (!t) return null;
  const s = sideOf(t, side);
  if (!s) return null;
  const row = t.layout.rows.find((r) => label.test(normalizeLabel(t.layout.text(r, s.labelCol))));
  if (row === undefined) return null;
  const col = column ? s.amountCols.find((c) => column.test(headerPath(t.layout.table, c).join('/'))) : s.amountCols[0];
  return col === undefined ? null : cellOperand(t.layout, row, col, t.layout.text(row, s.labelCol));
}

/** The rows of a side's items before its 本年…合计 row, by normalized label. */
export function sideItems(t: ReadTable, side: '收入' | '支出'): { row: number; label: string }[] {
  const s = sideOf(t, side);
  if (!s) return [];
  const out: { row: number; label: string }[] = [];
  for (const r of t.layout.rows) {
    const label = normalizeLabel(t.layout.text(r, s.labelCol));
    if (/^本年.*合计$/u.test(label)) break;
    if (label) out.push({ row: r, label });
  }
  return out;
}
