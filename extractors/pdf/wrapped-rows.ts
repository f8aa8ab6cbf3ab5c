import { DEFAULT_TABLE_SETTINGS, type TableSettings } from '../../src/model/table-settings.js';
import { wrapSeparator } from '../../src/text/wrapped-lines.js';
import { continuesList, isSoftWrap } from './cell-flow.js';
import type { GridCell, PageTable } from './ruled-tables.js';
import { groupLines, type TextLine } from './text-lines.js';

/** A row of a continuation piece that goes on from the last row above, with what joins each filled cell to the cell above it. */
export interface WrappedRow {
  row: number;
  joins: Map<GridCell, '' | ' ' | '\n'>;
  /** Only the joined cells go on (cells merged down, open at the cut); the row's other filled cells start a row of their own. */
  cellsOnly?: true;
}

/**
 * The grid rows of `next`, a table piece opening a page, whose text would go on from the last
 * row of `prev`, the piece that ended the page before: the row has text, and each of its
 * filled cells sits in a column of `prev` whose last cell is filled and goes on in it — its
 * last line is full (the first word of the cell below did not fit on it, as with a line the
 * producer wrapped inside one cell), or the cell below opens the next item of its numbered
 * list. A page break through a row prints its lines in two pieces like that; a row of its own
 * almost never has every filled cell going on from the one above. When the page cut leaves only
 * some columns open (it runs through cells merged down, `PageTable.openBelow`), the cells ruled
 * off at the cut are whole, and only the open ones can go on: a row whose merged cells go on
 * beside cells of a new row of its own is marked `cellsOnly`. Which of these rows is the first
 * body row after the repeated header is for normalisation to say.
 */
export function rowsWrappedFromAbove(prev: PageTable, next: PageTable, settings: TableSettings = DEFAULT_TABLE_SETTINGS): WrappedRow[] {
  const last = prev.ys.length - 2;
  // where the cut leaves some columns open and rules others off, a cell ruled off at the cut ends there
  const goesOn = (c: GridCell) => !prev.openBelow || prev.openBelow.slice(c.col, c.col + c.colspan).some(Boolean);
  // each filled cell of the last row above with its last printed line, grouped once for every row below
  const above: Above[] = prev.cells
    .filter((c) => c.row <= last && last < c.row + c.rowspan && c.text !== '' && goesOn(c))
    .map((cell) => ({ cell, lastLine: groupLines(cell.glyphs).at(-1) }));
  const out: WrappedRow[] = [];
  for (let r = 0; r + 1 < next.ys.length; r++) {
    const cells = next.cells.filter((c) => c.row === r);
    // under a cut through merged cells, the cells of the ruled-off columns are a row of their own
    const own = prev.openBelow ? cells.filter((c) => c.text !== '' && !above.some((a) => sameColumn(a.cell, c, settings.sameColumnEdgePt))) : [];
    const open = own.length ? cells.filter((c) => !own.includes(c)) : cells;
    const wraps = rowWrapsFrom(above, open, settings.sameColumnEdgePt);
    const joins = own.length ? withEmptyUnderCut(wraps, above, open, settings.sameColumnEdgePt) : wraps;
    if (joins) out.push({ row: r, joins, ...(own.length ? { cellsOnly: true as const } : {}) });
  }
  return out;
}

/**
 * Under a cut through merged cells, the empty cells of the open columns beside a new row of its
 * own are the merged cells going on, with no text of their own to join (their text all stayed
 * above the cut): they join with "". Null when the row has an open-column cell that neither
 * wraps on nor is such an empty cell, or nothing goes on at all.
 */
function withEmptyUnderCut(wraps: Map<GridCell, '' | ' ' | '\n'> | null, above: Above[], open: GridCell[], sameEdgePt: number): Map<GridCell, '' | ' ' | '\n'> | null {
  const joins = new Map(wraps ?? []);
  for (const c of open) {
    if (joins.has(c)) continue;
    if (c.text !== '' || !above.some((a) => sameColumn(a.cell, c, sameEdgePt))) return wraps;
    joins.set(c, '');
  }
  return joins.size > 0 ? joins : null;
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
