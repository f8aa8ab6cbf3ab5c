import { joinCells, type WorkRow } from './work-cell.js';

/**
 * True when `row`, the first body row after a page break, is the rest of the row above cut by
 * the break rather than a row of its own: each of its filled cells continues a filled cell
 * above, and either it is empty in the first column that all real rows fill (序号; 二级指标 in
 * a 绩效目标表) — indicator rows that leave 一级指标 empty still fill 二级指标, so they are not
 * taken — or the format shows its lines wrapping on from the row above (`wrapsFromAbove`, a
 * PDF whose cells were cut mid-text: `经济效益` / `指标`), where the key column may hold a tail too.
 */
export function isCutContinuation(row: WorkRow, above: WorkRow, keyColumns: number[], wrapsFromAbove = false): boolean {
  const filled = row.map((c, i) => (c.text !== '' ? i : -1)).filter((i) => i >= 0);
  if (filled.length === 0) return false;
  if (!wrapsFromAbove && (keyColumns.length === 0 || (row[keyColumns[0]!]?.text ?? '') !== '')) return false;
  return filled.every((i) => (above[i]?.text ?? '') !== '');
}

/** Columns filled in every row: the ones a cut-off tail cannot have. */
export function keyColumns(rows: WorkRow[], width: number): number[] {
  if (rows.length < 2) return [];
  return Array.from({ length: width }, (_, c) => c).filter((c) => rows.every((r) => (r[c]?.text ?? '') !== ''));
}

/**
 * Appends the cut-off tail to the row above, cell by cell. A tail the converter printed twice —
 * whole in the row above and again after the break (seed 002 L799/L802 `…工作计划` then `划`) —
 * is not appended twice; a tail the format shows wrapping on (`printedOnce`) is never such a
 * repeat (`…指标` then `标` is one cell `…指标标` there).
 */
export function rejoinCutRow(above: WorkRow, tail: WorkRow, printedOnce = false): WorkRow {
  return above.map((cell, i) => {
    const t = tail[i];
    if (!t || t.text === '') return cell;
    if (!printedOnce && cell.text.endsWith(t.text)) return cell;
    return joinCells(cell, t);
  });
}
