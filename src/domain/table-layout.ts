import type { Cell, Table } from '../model/index.js';
import { readAmount, type PrintedAmount } from './amount.js';
import { tableRole } from './table-kinds.js';

/** A table's body as a grid of cells by (cell row, column), and which columns hold what. */
export interface TableLayout {
  table: Table;
  /** Cell rows of the body, in order (headerRows … headerRows + nRows - 1). */
  rows: number[];
  /** The columns read: all of the table's, or one panel's (Table.panels). */
  cols: number[];
  cell(row: number, col: number): Cell | undefined;
  text(row: number, col: number): string;
  /** The cell's text read as a printed amount (memoized: checks read the same cells many times). */
  amount(row: number, col: number): PrintedAmount;
  /** Columns holding amounts (money), by header and content. */
  amountColumns: number[];
  /** Text columns naming the row's item (项目, 科目名称, 单位名称 …). */
  labelColumns: number[];
}

/** Headers of columns that hold numbers which are not amounts, or text. */
const NOT_AMOUNT = /序号|编码|代码|编号|行次|栏次|数量|计量单位|数量单位|目录|名称|类别|内容|描述|指标|标准|依据|性质|规格|形式|备注|说明|职责|项目$|科目$|^类$|^款$|^项$|比例|比重|%|％|增减率|人数|编制/u;
/** Headers of columns naming the row's item. */
const LABEL_HEADER = /项目|名称|类别|职责活动|科目|^单位$/u;

/** Tables whose cells are indicator texts, not amounts (their project-info amounts are read apart). */
const NO_AMOUNT_ROLES = new Set(['performance_targets', 'org_performance_targets', 'org_structure']);

/**
 * Reads the body of a table into a layout: cell lookup, amount columns, label columns. Given
 * one panel's columns, only those are read: cells elsewhere read as empty.
 */
export function layoutTable(table: Table, panel?: number[]): TableLayout {
  const cols = panel ?? allColumns(table);
  const grid: (Cell | undefined)[][] = [];
  // the whole table keeps cells past its columns too (a 绩效目标表's ragged project-info rows)
  const inside = panel ? new Set(panel) : null;
  for (const c of table.cells) if (!c.isHeader && (!inside || inside.has(c.col))) (grid[c.row] ??= [])[c.col] = c;
  const rows = Array.from({ length: table.nRows }, (_, i) => table.headerRows + i);
  const cell = (row: number, col: number) => grid[row]?.[col];
  const text = (row: number, col: number) => grid[row]?.[col]?.text ?? '';
  const amounts: PrintedAmount[][] = [];
  const amount = (row: number, col: number) => ((amounts[row] ??= [])[col] ??= readAmount(text(row, col)));
  const headerOf = (col: number) => (table.columns[col]?.path ?? []).join('/').replace(/\s+/g, '');
  const amountColumns: number[] = [];
  const labelColumns: number[] = [];
  const noAmounts = NO_AMOUNT_ROLES.has(tableRole(table.kind));
  for (const col of cols) {
    const header = headerOf(col);
    const leaf = (table.columns[col]?.path ?? []).at(-1)?.replace(/\s+/g, '') ?? '';
    let numbers = 0;
    let texts = 0;
    for (const r of rows) {
      const a = amount(r, col);
      if (a.kind === 'number' || a.kind === 'nil') numbers++;
      else if (a.kind === 'text') texts++;
    }
    // the leaf names the column; a parent like 评价标准 or 绩效指标 makes every column under it text
    const notAmount = NOT_AMOUNT.test(leaf) || /指标|标准|描述/u.test(header);
    if (!noAmounts && !notAmount && numbers > 0 && numbers >= texts) amountColumns.push(col);
    else if (texts > 0 && (LABEL_HEADER.test(header) || col === 0) && !/编码|代码|目录|序号/u.test(leaf)) labelColumns.push(col);
  }
  return { table, rows, cols, cell, text, amount, amountColumns, labelColumns };
}

const allColumns = (table: Table): number[] => Array.from({ length: table.nCols }, (_, c) => c);

/**
 * The columns of each panel of a table printed as side-by-side copies of its columns
 * (Table.panels: the first column of each), or all its columns as one panel.
 */
export function panelColumns(table: Table): number[][] {
  const starts = table.panels;
  if (!starts || starts.length < 2) return [allColumns(table)];
  return starts.map((from, i) => Array.from({ length: (starts[i + 1] ?? table.nCols) - from }, (_, k) => from + k));
}

/** The label of a row for an amount column: the nearest label column to its left with text in that row. */
export function itemLabel(layout: TableLayout, row: number, col: number): string | null {
  for (let c = col - 1; c >= 0; c--) {
    if (!layout.labelColumns.includes(c)) continue;
    const t = layout.text(row, c);
    if (t !== '') return t;
  }
  const first = layout.labelColumns.find((c) => layout.text(row, c) !== '');
  return first === undefined ? null : layout.text(row, first);
}

/** A column's header path without white space inside its parts. */
export function headerPath(table: Table, col: number): string[] {
  return (table.columns[col]?.path ?? []).map((p) => p.replace(/\s+/g, ''));
}

/** Words that name a total: a row or column that is the sum of its siblings. */
export const TOTAL_WORD = /^(?:合计|总计|小计|共计)$/u;
