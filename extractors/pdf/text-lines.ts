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
export const glyphCenter = (g: Glyph): [number, number] => [centerX(g), centerY(g)];
export const centerX = (g: Glyph): number => (g.x0 + g.x1) / 2;
export const centerY = (g: Glyph): number => g.y + ((ASCENT - DESCENT) / 2) * g.size;

/**
 * Groups glyphs into lines: same baseline (within a third of the font size) and similar font
 * size; superscripts and mixed fonts on one baseline stay on their line. Lines are returned
 * top to bottom.
 */
export function groupLines(glyphs: Glyph[]): TextLine[] {
  const sorted = [...glyphs].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const rows: { baseline: number; size: number; glyphs: Glyph[] }[] = [];
  for (const g of sorted) {
    const row = rows.find((r) => Math.abs(r.baseline - g.y) <= Math.min(r.size, g.size) * 0.35 || besideLine(g.y, g.size, r.baseline, r.size) || besideLine(r.baseline, r.size, g.y, g.size));
    if (!row) rows.push({ baseline: g.y, size: g.size, glyphs: [g] });
    else {
      row.glyphs.push(g);
      // a row begun by a superscript takes the baseline of the text it belongs to
      if (g.size > row.size) Object.assign(row, { baseline: g.y, size: g.size });
    }
  }
  return rows.map((r) => makeLine(r.glyphs)).sort((a, b) => b.baseline - a.baseline || a.x0 - b.x0);
}

/**
 * A superscript or subscript: text in a clearly smaller size whose baseline lies within the
 * larger text's band, from a third of its size below the baseline to 0.6 of it above ("23rd").
 */
function besideLine(baseline: number, size: number, lineBaseline: number, lineSize: number): boolean {
  if (size > lineSize * 0.85) return false;
  const shift = baseline - lineBaseline;
  return shift > -lineSize * 0.35 && shift < lineSize * 0.6;
}

/** A line from its glyphs: text left to right, spaces only between non-CJK characters set apart. */
export function makeLine(glyphs: Glyph[]): TextLine {
  const gs = [...glyphs].sort((a, b) => a.x0 - b.x0);
  let text = '';
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < gs.length; i++) {
    const g = gs[i]!;
    if (i > 0 && needsSpace(gs[i - 1]!, g)) text += ' ';
    text += g.ch;
    x0 = Math.min(x0, g.x0);
    x1 = Math.max(x1, g.x1);
    y0 = Math.min(y0, g.y - DESCENT * g.size);
    y1 = Math.max(y1, g.y + ASCENT * g.size);
  }
  const sizes = gs.map((g) => g.size).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)]!;
  const base = gs.find((g) => g.size === size)!.y;
  return { glyphs: gs, text, x0, x1, y0, y1, baseline: base, size };
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
