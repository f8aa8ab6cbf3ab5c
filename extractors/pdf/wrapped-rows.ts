import { isSoftWrap } from './cell-flow.js';
import type { GridCell, RuledTable } from './ruled-tables.js';
import { groupLines } from './text-lines.js';

/** Column edges of two pieces of one table closer than this (points) are the same column. */
const SAME_EDGE = 2.5;

/**
 * The grid rows of `next`, a table piece opening a page, whose text would go on from the last
 * row of `prev`, the piece that ended the page before: the row has text, and each of its
 * filled cells sits in a column of `prev` whose last cell is filled and whose last line is full
 * — the first word of the cell below did not fit on it, as with a line the producer wrapped
 * inside one cell. A page break through a row prints its lines in two pieces like that; a row
 * of its own almost never has every filled cell under a full line. Which of these rows is the
 * first body row after the repeated header is for normalisation to say.
 */
export function rowsWrappedFromAbove(prev: RuledTable, next: RuledTable): number[] {
  const last = prev.ys.length - 2;
  const above = prev.cells.filter((c) => c.row <= last && last < c.row + c.rowspan);
  const out: number[] = [];
  for (let r = 0; r + 1 < next.ys.length; r++) if (rowWrapsFrom(above, next.cells.filter((c) => c.row === r))) out.push(r);
  return out;
}

/** True when the row of `cells` has text and each filled cell's first line wraps on from the cell of `above` in its column. */
export function rowWrapsFrom(above: GridCell[], cells: GridCell[]): boolean {
  const filled = cells.filter((c) => c.text !== '');
  return filled.length > 0 && filled.every((c) => wrapsFrom(above.find((a) => sameColumn(a, c)), c));
}

const sameColumn = (a: GridCell, b: GridCell) => Math.abs(a.box[0] - b.box[0]) <= SAME_EDGE && Math.abs(a.box[2] - b.box[2]) <= SAME_EDGE;

function wrapsFrom(above: GridCell | undefined, cell: GridCell): boolean {
  if (!above || above.text === '') return false;
  const prevLines = groupLines(above.glyphs);
  const first = groupLines(cell.glyphs)[0];
  return !!first && prevLines.length > 0 && isSoftWrap(prevLines[prevLines.length - 1]!, first, above.box[2]);
}
