import { isCjk, type Glyph } from './page-content.js';

/** A line of text: glyphs on one baseline, left to right, with its box (PDF points, y up). */
export interface TextLine {
  glyphs: Glyph[];
  text: string;
  x0: number;
  x1: number;
  /** Bottom and top of the line box. */
  y0: number;
  y1: number;
  baseline: number;
  size: number;
}

/** The part of the font size below the baseline and above it, for glyph boxes. */
const DESCENT = 0.2;
const ASCENT = 0.85;

/** A glyph's box [x0, y0, x1, y1]. */
export const glyphBox = (g: Glyph): [number, number, number, number] => [g.x0, g.y - DESCENT * g.size, g.x1, g.y + ASCENT * g.size];

/** The horizontal middle and vertical middle of a glyph: the point that decides which cell it is in. */
export const glyphCenter = (g: Glyph): [number, number] => [(g.x0 + g.x1) / 2, g.y + ((ASCENT - DESCENT) / 2) * g.size];

/**
 * Groups glyphs into lines: same baseline (within a third of the font size) and similar font
 * size; superscripts and mixed fonts on one baseline stay on their line. Lines are returned
 * top to bottom.
 */
export function groupLines(glyphs: Glyph[]): TextLine[] {
  const sorted = [...glyphs].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const rows: { baseline: number; size: number; glyphs: Glyph[] }[] = [];
  for (const g of sorted) {
    const row = rows.find((r) => Math.abs(r.baseline - g.y) <= Math.min(r.size, g.size) * 0.35);
    if (row) row.glyphs.push(g);
    else rows.push({ baseline: g.y, size: g.size, glyphs: [g] });
  }
  return rows.map((r) => makeLine(r.glyphs)).sort((a, b) => b.baseline - a.baseline || a.x0 - b.x0);
}

/** A line from its glyphs: text left to right, spaces only between non-CJK characters set apart. */
export function makeLine(glyphs: Glyph[]): TextLine {
  const gs = [...glyphs].sort((a, b) => a.x0 - b.x0);
  let text = '';
  gs.forEach((g, i) => {
    const prev = gs[i - 1];
    if (prev && needsSpace(prev, g)) text += ' ';
    text += g.ch;
  });
  const sizes = gs.map((g) => g.size).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)]!;
  const base = gs.filter((g) => g.size === size)[0]!.y;
  return {
    glyphs: gs,
    text,
    x0: Math.min(...gs.map((g) => g.x0)),
    x1: Math.max(...gs.map((g) => g.x1)),
    y0: Math.min(...gs.map((g) => glyphBox(g)[1])),
    y1: Math.max(...gs.map((g) => glyphBox(g)[3])),
    baseline: base,
    size,
  };
}

/** White space next to a CJK character is not text (DESIGN: `项  目` → `项目`). */
function needsSpace(prev: Glyph, g: Glyph): boolean {
  if (isCjk(prev.ch) || isCjk(g.ch)) return false;
  if (g.spaceBefore && g.x0 >= prev.x0) return true;
  return g.x0 - prev.x1 > Math.min(prev.size, g.size) * 0.2;
}

/** Splits a line at wide gaps (more than `gap` ems): the pieces a stream table is built from. */
export function splitAtGaps(line: TextLine, gap: number): TextLine[] {
  const out: Glyph[][] = [];
  let cur: Glyph[] = [];
  for (const g of line.glyphs) {
    const prev = cur[cur.length - 1];
    if (prev && g.x0 - prev.x1 > gap * Math.min(prev.size, g.size)) {
      out.push(cur);
      cur = [];
    }
    cur.push(g);
  }
  if (cur.length) out.push(cur);
  return out.map(makeLine);
}
