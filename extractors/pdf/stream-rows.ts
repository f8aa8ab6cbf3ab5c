import { continuesList, isSoftWrap } from './cell-flow.js';
import type { Glyph } from './page-content.js';
import { cellText, type GridCell, type PageTable } from './ruled-tables.js';
import { glyphBox, groupLines } from './text-lines.js';

/** A printed amount, code or share: never the second line of a cell that wrapped. */
export const NUMBER = /^[-+−(（]?[\d,，.．]+%?[)）]?$/u;

/**
 * The rows of an unruled table as printed, each made of one or more lines. A stream table has
 * a grid row per printed line; where a table sets its rows apart with more space than the lines
 * inside a cell (padding, as Word and LibreOffice print a borderless table), lines closer than
 * that belong to one row: a label wrapped over several lines, printed above and below the
 * row's amounts when the row is centred. Lines join only when (1) the gaps between lines fall
 * clearly into two sizes — the largest jump between gap sizes is a quarter em or more — and the
 * gap is on the small side, (2) the gap is at most half an em, as between lines of one
 * paragraph, and (3) in every column where both have text, the text wrapped from one onto the
 * other (see goesOn). An evenly spaced table keeps one row per line.
 */
export function joinCellLines(t: PageTable): PageTable {
  const nr = t.ys.length - 1;
  if (nr < 2) return t;
  const rows = Array.from({ length: nr }, (_, r) => t.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col));
  const glyphsOf = (r: number) => rows[r]!.flatMap((c) => c.glyphs);
  const top = (r: number) => Math.max(...glyphsOf(r).map((g) => glyphBox(g)[3]));
  const bottom = (r: number) => Math.min(...glyphsOf(r).map((g) => glyphBox(g)[1]));
  const gaps = [NaN, ...Array.from({ length: nr - 1 }, (_, i) => bottom(i) - top(i + 1))];
  const em = median(t.cells.flatMap((c) => c.glyphs.map((g) => g.size)));
  const within = smallGapLimit(gaps.slice(1), em);
  if (within === null) return t;

  const groups: number[][] = [[0]];
  for (let r = 1; r < nr; r++) {
    const group = groups.at(-1)!;
    if (gaps[r]! < within && gaps[r]! <= em / 2 && goesOn(group.map((g) => rows[g]!), rows[r]!, t.xs)) group.push(r);
    else groups.push([r]);
  }
  if (groups.length === nr) return t;

  const ys = [t.ys[0]!, ...groups.slice(1).map((g) => t.ys[g[0]!]!), t.ys[nr]!];
  const cells: GridCell[] = [];
  groups.forEach((group, r) => {
    for (let col = 0; col + 1 < t.xs.length; col++) cells.push(lineCell(r, col, [t.xs[col]!, ys[r + 1]!, t.xs[col + 1]!, ys[r]!], group.flatMap((g) => rows[g]![col]?.glyphs ?? [])));
  });
  return { ...t, ys, cells };
}

/** A grid place of one row and column holding these glyphs, its text their lines as one cell's. */
export function lineCell(row: number, col: number, box: GridCell['box'], glyphs: Glyph[]): GridCell {
  return { row, col, rowspan: 1, colspan: 1, box, glyphs, text: glyphs.length ? cellText(groupLines(glyphs), box) : '' };
}

/**
 * The gap size below which lines are lines of one row: the middle of the largest jump between
 * sorted gap sizes, when that jump is a quarter em or more (LibreOffice's 4 px cell padding sets
 * rows 0.3 em further apart than lines); null when the gaps are all alike.
 */
function smallGapLimit(gaps: number[], em: number): number | null {
  const sorted = [...gaps].sort((a, b) => a - b);
  let best = -1;
  for (let k = 0; k + 1 < sorted.length; k++) if (best < 0 || sorted[k + 1]! - sorted[k]! > sorted[best + 1]! - sorted[best]!) best = k;
  if (best < 0 || sorted[best + 1]! - sorted[best]! < em / 4) return null;
  return (sorted[best]! + sorted[best + 1]!) / 2;
}

/**
 * Whether a line can be one more line of the row so far: where both have text in a column, the
 * row's text there wrapped onto this line (its last line was full, or a numbered list goes on)
 * and neither is a number. A header line over the first body row has short headings: no wrap.
 */
function goesOn(group: GridCell[][], row: GridCell[], xs: number[]): boolean {
  return row.every((cell) => {
    if (cell.text === '') return true;
    const above = group.map((g) => g[cell.col]).filter((c): c is GridCell => !!c && c.text !== '').at(-1);
    if (!above) return true;
    if (NUMBER.test(cell.text) || NUMBER.test(above.text)) return false;
    const last = groupLines(above.glyphs).at(-1)!;
    const first = groupLines(cell.glyphs)[0]!;
    return isSoftWrap(last, first, xs[cell.col + 1]!) || continuesList(above.text, first.text);
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 10;
}

/**
 * Merged header cells of an unruled table, as a ruled one has them. Above the first row with an
 * amount, a heading whose centre lies left of where its column's text starts in the header row
 * below, with nothing to its left, is centred over both columns (其中 over 基本支出 | 项目支出);
 * a heading with nothing below it down to the last header row spans those rows (科目编码 printed
 * between the two lines of a two-row header). A heading counted in the left one of the two
 * columns it is centred over (its centre right of that column's text below, nothing to its
 * right) spans both the same way. A single header row is left alone.
 */
export function mergeHeaderCells(t: PageTable): PageTable {
  const nr = t.ys.length - 1;
  const at = (r: number, c: number) => t.cells.find((x) => x.row === r && x.col === c);
  let headerRows = 0;
  while (headerRows < nr && !t.cells.some((c) => c.row === headerRows && NUMBER.test(c.text))) headerRows++;
  if (headerRows < 2 || headerRows === nr) return t;
  const last = headerRows - 1;
  const covered = new Set<GridCell>();
  const merged = new Map<GridCell, GridCell>();
  for (let r = 0; r < last; r++) {
    for (let c = 1; c + 1 < t.xs.length; c++) {
      const cell = at(r, c);
      const left = at(r, c - 1);
      const below = at(last, c);
      if (!cell || cell.text === '' || !left || left.text !== '' || covered.has(left) || !below?.glyphs.length) continue;
      const centre = (Math.min(...cell.glyphs.map((g) => g.x0)) + Math.max(...cell.glyphs.map((g) => g.x1))) / 2;
      if (centre >= Math.min(...below.glyphs.map((g) => g.x0))) continue;
      covered.add(left);
      merged.set(cell, { ...cell, col: c - 1, colspan: 2, box: [left.box[0], cell.box[1], cell.box[2], cell.box[3]] });
    }
  }
  // the mirror case: a heading counted in the column where it starts, its centre right of where
  // that column's text ends in the header row below, nothing to its right (收入 centred over 项目 | 预算数)
  for (let r = 0; r < last; r++) {
    for (let c = 0; c + 2 < t.xs.length; c++) {
      const cell = at(r, c);
      const right = at(r, c + 1);
      const below = at(last, c);
      if (!cell || cell.text === '' || merged.has(cell) || !right || right.text !== '' || covered.has(right) || !below?.glyphs.length || !at(last, c + 1)?.glyphs.length) continue;
      const centre = (Math.min(...cell.glyphs.map((g) => g.x0)) + Math.max(...cell.glyphs.map((g) => g.x1))) / 2;
      if (centre <= Math.max(...below.glyphs.map((g) => g.x1))) continue;
      covered.add(right);
      merged.set(cell, { ...cell, colspan: 2, box: [cell.box[0], cell.box[1], right.box[2], cell.box[3]] });
    }
  }
  for (let r = 0; r < last; r++) {
    for (const cell of t.cells.filter((x) => x.row === r && x.text !== '')) {
      const base = merged.get(cell) ?? cell;
      const under = Array.from({ length: last - r }, (_, k) => at(r + 1 + k, base.col)).filter((x): x is GridCell => !!x);
      if (base.colspan > 1 || under.length !== last - r || under.some((x) => x.text !== '' || covered.has(x))) continue;
      for (const x of under) covered.add(x);
      merged.set(cell, { ...base, rowspan: last - r + 1, box: [base.box[0], under.at(-1)!.box[1], base.box[2], base.box[3]] });
    }
  }
  if (merged.size === 0) return t;
  return { ...t, cells: t.cells.filter((c) => !covered.has(c)).map((c) => merged.get(c) ?? c) };
}
