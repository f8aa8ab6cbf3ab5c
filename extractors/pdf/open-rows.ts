import { DEFAULT_TABLE_SETTINGS, type TableSettings } from '../../src/model/table-settings.js';
import type { Glyph } from './page-content.js';
import type { Box, GridCell, PageTable } from './ruled-tables.js';
import { joinCellLines, lineCell, NUMBER } from './stream-rows.js';
import { groupLines, type TextLine } from './text-lines.js';

/**
 * Rows a ruled table leaves open. Many statements rule their columns but not the rows between
 * them (竖线表), or only the header off: the ruled grid then has one tall row whose cells hold a
 * column's text line after line. A grid row is read as rows of text when two of its cells each
 * stack two amounts or more, two of them level with two of the other's — a ruled cell holds one
 * amount, or two in one cell beside text (an amount in two currencies, ¥Japan / US$) — and no
 * merged cell crosses it. Its lines are grouped into rows across the columns by baseline and
 * joined where one cell wraps over several lines, as an unruled table's are (stream-rows.ts);
 * the columns stay those of the rules.
 */
export function splitOpenRows(t: PageTable, settings: TableSettings = DEFAULT_TABLE_SETTINGS, onSplit?: (row: number, rows: number, box: Box) => void): PageTable {
  let out = t;
  // bottom up: the rows above keep their numbers
  for (let r = t.ys.length - 2; r >= 0; r--) {
    const crossed = out.cells.some((c) => c.row <= r && r < c.row + c.rowspan && (c.rowspan > 1 || c.colspan > 1));
    const row = out.cells.filter((c) => c.row === r);
    if (crossed || !amountsInRows(row, settings.levelBaselineEm)) continue;
    const sub = joinCellLines(textRows(out, r, row));
    onSplit?.(r, sub.ys.length - 1, sub.box);
    out = replaceRow(out, r, sub);
  }
  return out;
}

/** Two cells of the row each stack two amounts or more, and two of those amounts sit on the same baselines in both. */
function amountsInRows(row: GridCell[], levelEm: number): boolean {
  const stacks = row.map((c) => groupLines(c.glyphs).filter((l) => NUMBER.test(l.text))).filter((lines) => lines.length >= 2);
  const level = (a: TextLine, b: TextLine) => Math.abs(a.baseline - b.baseline) <= levelEm * Math.min(a.size, b.size);
  return stacks.some((a, i) => stacks.some((b, j) => j !== i && a.filter((l) => b.some((m) => level(l, m))).length >= 2));
}

/** Grid row `r` as an unruled table over the same columns: a row per printed line across them. */
function textRows(t: PageTable, r: number, row: GridCell[]): PageTable {
  const colOf = new Map<Glyph, number>();
  for (const c of row) for (const g of c.glyphs) colOf.set(g, c.col);
  const lines = groupLines([...colOf.keys()]);
  const ys = [t.ys[r]!, ...lines.slice(1).map((line, i) => (lines[i]!.y0 + line.y1) / 2), t.ys[r + 1]!];
  const cells: GridCell[] = [];
  lines.forEach((line, i) => {
    for (let col = 0; col + 1 < t.xs.length; col++) cells.push(lineCell(i, col, [t.xs[col]!, ys[i + 1]!, t.xs[col + 1]!, ys[i]!], line.glyphs.filter((g) => colOf.get(g) === col)));
  });
  return { box: [t.xs[0]!, ys.at(-1)!, t.xs.at(-1)!, ys[0]!], xs: t.xs, ys, cells, unruled: true };
}

/** The table with grid row `r` replaced by the rows of `sub`, which spans exactly that row's band. */
function replaceRow(t: PageTable, r: number, sub: PageTable): PageTable {
  const added = sub.ys.length - 2;
  const cells = [
    ...t.cells.filter((c) => c.row < r),
    ...sub.cells.map((c) => ({ ...c, row: c.row + r })),
    ...t.cells.filter((c) => c.row > r).map((c) => ({ ...c, row: c.row + added })),
  ];
  return { ...t, ys: [...t.ys.slice(0, r), ...sub.ys, ...t.ys.slice(r + 2)], cells };
}
