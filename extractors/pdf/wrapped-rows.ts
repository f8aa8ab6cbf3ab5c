import { DEFAULT_TABLE_SETTINGS, type TableSettings } from '../../src/model/table-settings.js';
import { wrapSeparator } from '../../src/text/wrapped-lines.js';
import { continuesList, isSoftWrap } from './cell-flow.js';
import type { GridCell, PageTable } from './ruled-tables.js';
import { groupLines, type TextLine } from './text-lines.js';

/** A row of a continuation piece that goes on from the last row above, with what joins each filled cell to the cell above it. */
export interface WrappedRow {
  row: number;
  joins: Map<GridCell, '' | ' ' | '\n'>;
}

/**
 * The grid rows of `next`, a table piece opening a page, whose text would go on from the last
 * row of `prev`, the piece that ended the page before: the row has text, and each of its
 * filled cells sits in a column of `prev` whose last cell is filled and goes on in it — its
 * last line is full (the first word of the cell below did not fit on it, as with a line the
 * producer wrapped inside one cell), or the cell below opens the next item of its numbered
 * list. A page break through a row prints its lines in two pieces like that; a row of its own
 * almost never has every filled cell going on from the one above. Which of these rows is the
 * first body row after the repeated header is for normalisation to say.
 */
export function rowsWrappedFromAbove(prev: PageTable, next: PageTable, settings: TableSettings = DEFAULT_TABLE_SETTINGS): WrappedRow[] {
  const last = prev.ys.length - 2;
  // each filled cell of the last row above with its last printed line, grouped once for every row below
  const above: Above[] = prev.cells
    .filter((c) => c.row <= last && last < c.row + c.rowspan && c.text !== '')
    .map((cell) => ({ cell, lastLine: groupLines(cell.glyphs).at(-1) }));
  const out: WrappedRow[] = [];
  for (let r = 0; r + 1 < next.ys.length; r++) {
    const joins = rowWrapsFrom(above, next.cells.filter((c) => c.row === r), settings.sameColumnEdgePt);
    if (joins) out.push({ row: r, joins });
  }
  return out;
}

interface Above {
  cell: GridCell;
  lastLine: TextLine | undefined;
}

/** How each filled cell of a row goes on from the cell above it in its column; null unless the row has text and every filled cell does. */
function rowWrapsFrom(above: Above[], cells: GridCell[], sameEdgePt: number): Map<GridCell, '' | ' ' | '\n'> | null {
  const filled = cells.filter((c) => c.text !== '');
  if (filled.length === 0) return null;
  const joins = new Map<GridCell, '' | ' ' | '\n'>();
  for (const c of filled) {
    const join = joinFrom(above.find((a) => sameColumn(a.cell, c, sameEdgePt)), c);
    if (join === null) return null;
    joins.set(c, join);
  }
  return joins;
}

/** Column edges of two pieces of one table closer than `sameEdgePt` are the same column. */
const sameColumn = (a: GridCell, b: GridCell, sameEdgePt: number) => Math.abs(a.box[0] - b.box[0]) <= sameEdgePt && Math.abs(a.box[2] - b.box[2]) <= sameEdgePt;

/** A whole number, code or amount (`208`, `05`, `1,410,886.00`, `-3.5`, `12%`): a line that fills its cell with one is still whole. */
const WHOLE_NUMBER = /^[-+−]?\d[\d,]*(?:\.\d+)?%?$/u;

function joinFrom(above: Above | undefined, cell: GridCell): '' | ' ' | '\n' | null {
  if (!above?.lastLine) return null;
  // a narrow code column or a right-aligned amount fills its line without wrapping: a number under a number is a row of its own
  if (WHOLE_NUMBER.test(above.cell.text.trim()) && WHOLE_NUMBER.test(cell.text.trim())) return null;
  const first = groupLines(cell.glyphs)[0];
  if (!first) return null;
  if (isSoftWrap(above.lastLine, first, above.cell.box[2])) return wrapSeparator(above.lastLine.text, first.text);
  return continuesList(above.cell.text, first.text) ? '\n' : null;
}
