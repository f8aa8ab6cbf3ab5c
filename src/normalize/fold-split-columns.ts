import { joinCells, type WorkRow } from './work-cell.js';

/**
 * PDF converters sometimes split one printed cell into two columns (`上解上级 | 支出`,
 * `一般公共预算 | 财政拨款`). These put the pieces back together so that every row has the
 * table's real columns.
 */

/**
 * A header row with more cells than the table has columns was split inside a label: join the
 * adjacent pair of labels whose right part is the shortest fragment (seed 002 L124:
 * `上解上级 | 支出` in a 9-column table), as often as needed. Trailing empty cells beyond the
 * width are dropped first.
 */
export function joinOverlongHeaderRow(row: WorkRow, width: number): WorkRow {
  let out = [...row];
  while (out.length > width && out[out.length - 1]!.text === '') out = out.slice(0, -1);
  while (out.length > width) {
    let best = -1;
    for (let i = 0; i + 1 < out.length; i++) {
      if (out[i]!.text === '' || out[i + 1]!.text === '') continue;
      if (best < 0 || out[i + 1]!.text.length <= out[best + 1]!.text.length) best = i;
    }
    if (best < 0) break;
    out.splice(best, 2, joinCells(out[best]!, out[best + 1]!));
  }
  return out;
}

/**
 * Columns whose 栏次 (column number) cell is empty, between numbered columns, and that never
 * hold a value in the same row as the column to their left, are the right halves of split
 * columns (seed 002's 三公 table: `栏次 1 2 3 _ 4 _ 5` over 8 printed columns for 6 real ones).
 * Returns the column indexes to fold into their left neighbour, right to left.
 */
export function findSplitColumns(numbers: WorkRow, body: WorkRow[]): number[] {
  const numbered = numbers.filter((c) => /^\d+$/.test(c.text)).length;
  if (numbered < 2) return [];
  const folds: number[] = [];
  for (let j = numbers.length - 1; j >= 2; j--) {
    if (numbers[j]!.text !== '' || !/^\d+$/.test(numbers[j - 1]!.text)) continue;
    const clash = body.some((r) => (r[j]?.text ?? '') !== '' && (r[j - 1]?.text ?? '') !== '');
    if (!clash) folds.push(j);
  }
  return folds;
}

/** Folds column j into j-1 in a row (texts joined, pieces kept). */
export function foldColumns(row: WorkRow, folds: number[]): WorkRow {
  const out = [...row];
  for (const j of folds) {
    if (j >= out.length) continue;
    out.splice(j - 1, 2, joinCells(out[j - 1]!, out[j]!));
  }
  return out;
}
