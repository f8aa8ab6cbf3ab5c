import type { Glyph } from './page-content.js';
import { cellText, type GridCell, type RuledTable } from './ruled-tables.js';
import { joinCellLines, NUMBER } from './stream-rows.js';
import { groupLines, type TextLine } from './text-lines.js';

/**
 * Rows a ruled table leaves open. Many statements rule their columns but not the rows between
 * them (竖线表), or only the header off: the ruled grid then has one tall row whose cells hold a
 * column's text line after line. A grid row is read as rows of text when two of its cells each
 * stack two amounts or more, two of them level with two of the other's — a ruled cell holds one
 * amount, or two in one cell beside text (an amount in two currencies, ¥Japan / US$) — and no
 * merged cell crosses it. Its lines are grouped into rows across the
 * columns by baseline and joined where one cell wraps over several lines, as an unruled table's
 * are (stream-rows.ts); the columns stay those of the rules.
 */
export function splitOpenRows(t: RuledTable): RuledTable {
  let out = t;
  // bottom up: the rows above keep their numbers
  for (let r = t.ys.length - 2; r >= 0; r--) {
    const crossed = out.cells.some((c) => c.row <= r && r < c.row + c.rowspan && (c.rowspan > 1 || c.colspan > 1));
    const row = out.cells.filter((c) => c.row === r);
    if (crossed || !amountsInRows(row)) continue;
    out = replaceRow(out, r, joinCellLines(textRows(out, r, row)));
  }
  return out;
}

/** Two cells of the row each stack two amounts or more, and two of those amounts sit on the same baselines in both. */
function amountsInRows(row: GridCell[]): boolean {
  const stacks = row.map((c) => groupLines(c.glyphs).filter((l) => NUMBER.test(l.text))).filter((lines) => lines.length >= 2);
  const level = (a: TextLine, b: TextLine) => Math.abs(a.baseline - b.baseline) <= 0.35 * Math.min(a.size, b.size);
  return stacks.some((a, i) => stacks.some((b, j) => j !== i && a.filter((l) => b.some((m) => level(l, m))).length >= 2));
}

/** Grid row `r` as an unruled table over the same columns: a row per band of lines on one baseline. */
function textRows(t: RuledTable, r: number, row: GridCell[]): RuledTable {
  const bands: { baseline: number; size: number; lines: { col: number; line: TextLine }[] }[] = [];
  const lines = row.flatMap((c) => groupLines(c.glyphs).map((line) => ({ col: c.col, line }))).sort((a, b) => b.line.baseline - a.line.baseline);
  for (const item of lines) {
    const band = bands.find((b) => Math.abs(b.baseline - item.line.baseline) <= Math.min(b.size, item.line.size) * 0.35);
    if (band) band.lines.push(item);
    else bands.push({ baseline: item.line.baseline, size: item.line.size, lines: [item] });
  }
  const ys = [t.ys[r]!];
  for (let i = 1; i < bands.length; i++) {
    const above = Math.min(...bands[i - 1]!.lines.map((l) => l.line.y0));
    const below = Math.max(...bands[i]!.lines.map((l) => l.line.y1));
    ys.push((above + below) / 2);
  }
  ys.push(t.ys[r + 1]!);
  const cells: GridCell[] = [];
  bands.forEach((band, i) => {
    for (let col = 0; col + 1 < t.xs.length; col++) {
      const glyphs: Glyph[] = band.lines.filter((l) => l.col === col).flatMap((l) => l.line.glyphs);
      const box: GridCell['box'] = [t.xs[col]!, ys[i + 1]!, t.xs[col + 1]!, ys[i]!];
      cells.push({ row: i, col, rowspan: 1, colspan: 1, box, glyphs, text: glyphs.length ? cellText(groupLines(glyphs), box) : '' });
    }
  });
  return { box: [t.xs[0]!, ys.at(-1)!, t.xs.at(-1)!, ys[0]!], xs: t.xs, ys, cells, unruled: true };
}

/** The table with grid row `r` replaced by the rows of `sub`, which spans exactly that row's band. */
function replaceRow(t: RuledTable, r: number, sub: RuledTable): RuledTable {
  const added = sub.ys.length - 2;
  const cells = [
    ...t.cells.filter((c) => c.row < r),
    ...sub.cells.map((c) => ({ ...c, row: c.row + r })),
    ...t.cells.filter((c) => c.row > r).map((c) => ({ ...c, row: c.row + added })),
  ];
  return { ...t, ys: [...t.ys.slice(0, r), ...sub.ys, ...t.ys.slice(r + 2)], cells };
}
