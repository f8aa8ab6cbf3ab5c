import { joinCells, type WorkCell, type WorkRow } from './work-cell.js';

/**
 * True when `row`, the first body row after a page break, is the rest of the row above cut by
 * the break rather than a row of its own: it is empty in the first column that all real rows
 * fill (序号; 二级指标 in a 绩效目标表), and each of its filled cells continues a filled cell
 * above. Indicator rows that leave 一级指标 empty still fill 二级指标, so they are not taken.
 */
export function isCutContinuation(row: WorkRow, above: WorkRow, keyColumns: number[]): boolean {
  if (keyColumns.length === 0) return false;
  const filled = row.map((c, i) => (c.text !== '' ? i : -1)).filter((i) => i >= 0);
  if (filled.length === 0) return false;
  if ((row[keyColumns[0]!]?.text ?? '') !== '') return false;
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
 * is not appended twice.
 */
export function rejoinCutRow(above: WorkRow, tail: WorkRow): WorkRow {
  return above.map((cell, i) => {
    const t = tail[i];
    if (!t || t.text === '') return cell;
    if (cell.text.endsWith(t.text)) return cell;
    return joinCells(cell, t);
  });
}

/**
 * Joins a tail the format shows wrapping on from the last row above a page break
 * (RawRow.wrapsFromAbove: a PDF row whose lines did not fit on the page) into the rows of the
 * piece above, cell by cell, with the separator the format gives (RawCell.joinAbove), keeping
 * both pieces of provenance. Every filled tail cell continues
 * a filled cell above it, its key column too (`经济效益` / `指标`); a cell merged down over
 * several rows prints its text once, in its first row, with "" below, so the cell a tail cell
 * continues is the nearest filled one up its column (seed 004 p. 10: `…线路运` / `行维护`).
 * Null when a filled tail cell has nothing above it to continue.
 */
export function rejoinWrappedTail(piece: WorkRow[], tail: WorkRow): WorkRow[] | null {
  const out = piece.map((r) => [...r]);
  for (const [k, t] of tail.entries()) {
    if (t.text === '') continue;
    let r = out.length - 1;
    // rows cut into other cells (a colspan) do not line up with the tail's columns
    while (r >= 0 && out[r]!.length === tail.length && out[r]![k]!.text === '') r--;
    if (r < 0 || out[r]!.length !== tail.length) return null;
    out[r]![k] = joinCells(out[r]![k]!, t, t.joinAbove ?? '');
  }
  return out;
}

/**
 * A row whose merged cells go on from above the page break (RawRow.cellsWrapFromAbove), in two:
 * `tail`, those cells (the others blank), to join up; `rest`, the row with "" in their places.
 */
export function splitMergedTail(row: WorkRow): { tail: WorkRow; rest: WorkRow } {
  const blank = (c: WorkCell): WorkCell => ({ raw: '', text: '', prov: c.prov, ...(c.grid ? { grid: c.grid } : {}) });
  return { tail: row.map((c) => (c.joinAbove !== undefined ? c : blank(c))), rest: row.map((c) => (c.joinAbove !== undefined ? blank(c) : c)) };
}

/**
 * A cell merged down to a page cut that its format shows going on below it (RawCell.joinAbove
 * on the cell under the cut, text or none) is one cell: its rowspan grows by the rows the piece
 * below the cut merges, and the piece below becomes a place it covers. `piece` are the rows above
 * the cut (changed in place), `tail` the cells that go on, `rest` the row below the cut;
 * returns `rest` with those places covered. Grid layout only: other rows have no spans.
 */
export function extendMergedCells(piece: WorkRow[], tail: WorkRow, rest: WorkRow): WorkRow {
  return rest.map((cell, i) => {
    const t = tail[i]!;
    if (t.joinAbove === undefined || !t.grid || t.grid.covered) return cell;
    for (let r = piece.length - 1; r >= 0; r--) {
      const k = piece[r]!.findIndex((c) => !!c.grid && !c.grid.covered && c.grid.col === t.grid!.col && c.grid.colspan === t.grid!.colspan && r + c.grid.rowspan === piece.length);
      if (k < 0) continue;
      const merged = piece[r]![k]!;
      piece[r]![k] = { ...merged, grid: { ...merged.grid!, rowspan: merged.grid!.rowspan + t.grid.rowspan } };
      return { raw: '', text: '', prov: cell.prov, grid: { ...t.grid, rowspan: 1, covered: true } };
    }
    return cell;
  });
}
