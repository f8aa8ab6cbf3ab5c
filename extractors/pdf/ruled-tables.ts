import { closeFrame } from './frame-edges.js';
import { DEFAULT_TABLE_SETTINGS, type TableSettings } from '../../src/model/table-settings.js';
import type { Glyph, Segment } from './page-content.js';
import { joinWrapped } from '../../src/text/wrapped-lines.js';
import { isSoftWrap, widestLine } from './cell-flow.js';
import { centerX, centerY, groupLines, type TextLine } from './text-lines.js';

/** A box [x0, y0, x1, y1] in PDF points, y up. */
export type Box = [number, number, number, number];

/** A cell of a ruled table: its grid place, its span, its box and its text ("\n" between printed lines). */
export interface GridCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  box: Box;
  text: string;
  glyphs: Glyph[];
}

/**
 * A table of one page, ruled (found from ruling lines) or not (found by text alignment): grid
 * lines (x left to right, y top to bottom) and the cells on them, merged ones spanning places.
 */
export interface PageTable {
  box: Box;
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** Found by text alignment (stream-tables.ts): each grid row is one printed line. */
  unruled?: true;
  /**
   * Per grid column, whether the bottom frame is left open there while it is drawn under other
   * columns: a page cut through cells merged down (Chromium leaves the cut open), the cells
   * under the closed columns ending at the cut. Absent when the bottom frame is drawn under
   * every column, or under none.
   */
  openBelow?: boolean[];
}


interface HLine { y: number; x0: number; x1: number }
interface VLine { x: number; y0: number; y1: number }

/**
 * Tables from ruling lines (tabula's lattice, pdfplumber's "lines" strategy): rulings are
 * snapped and joined, crossing rulings form one table, the grid is every distinct ruling
 * position, and a missing inner line between two grid cells merges them. Glyphs are placed by
 * their centre. Tables are returned top to bottom.
 */
export function findRuledTables(segments: Segment[], glyphs: Glyph[], settings: TableSettings = DEFAULT_TABLE_SETTINGS): PageTable[] {
  const snap = settings.snapTolerancePt;
  const minLength = settings.minRulingLengthPt;
  const hs = joinLines(segments.filter((s) => s.y0 === s.y1 && s.x1 - s.x0 >= minLength).map((s) => ({ at: s.y0, from: s.x0, to: s.x1 })), snap).map((l) => ({ y: l.at, x0: l.from, x1: l.to }));
  const vs = joinLines(segments.filter((s) => s.x0 === s.x1 && s.y1 - s.y0 >= minLength).map((s) => ({ at: s.x0, from: s.y0, to: s.y1 })), snap).map((l) => ({ x: l.at, y0: l.from, y1: l.to }));
  const tables: PageTable[] = [];
  for (const comp of components(hs, vs, snap)) {
    const table = buildTable(comp.h, comp.v, glyphs, settings);
    if (table) tables.push(table);
  }
  return tables.sort((a, b) => b.box[3] - a.box[3]);
}

/**
 * A piece of a table whose only row rule is its top (or bottom): a row split over two pages and
 * left open at the cut (Chromium draws no rule below the first piece, none above the second).
 * Its column rules all run from that rule to one common end — the page's cut — across the
 * whole rule, at least two columns of them.
 */
function cutOpen(rule: HLine, v: VLine[], snap: number): boolean {
  if (v.length < 3) return false;
  const far = v.map((l) => (Math.abs(l.y1 - rule.y) <= snap ? l.y0 : Math.abs(l.y0 - rule.y) <= snap ? l.y1 : NaN));
  if (far.some(Number.isNaN) || Math.max(...far) - Math.min(...far) > snap) return false;
  const xs = v.map((l) => l.x);
  return Math.min(...xs) <= rule.x0 + snap && Math.max(...xs) >= rule.x1 - snap;
}

function joinLines(lines: { at: number; from: number; to: number }[], snap: number): { at: number; from: number; to: number }[] {
  const sorted = [...lines].sort((a, b) => a.at - b.at || a.from - b.from);
  const groups: { at: number; items: { at: number; from: number; to: number }[] }[] = [];
  for (const l of sorted) {
    const g = groups[groups.length - 1];
    if (g && l.at - g.at <= snap) g.items.push(l);
    else groups.push({ at: l.at, items: [l] });
  }
  const out: { at: number; from: number; to: number }[] = [];
  for (const g of groups) {
    const at = g.items.reduce((s, l) => s + l.at, 0) / g.items.length;
    const spans = g.items.sort((a, b) => a.from - b.from);
    let cur: { at: number; from: number; to: number } | null = null;
    for (const s of spans) {
      if (cur && s.from <= cur.to + snap) cur.to = Math.max(cur.to, s.to);
      else {
        if (cur) out.push(cur);
        cur = { at, from: s.from, to: s.to };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

function components(hs: HLine[], vs: VLine[], snap: number): { h: HLine[]; v: VLine[] }[] {
  const parent = [...hs.map((_, i) => i), ...vs.map((_, i) => hs.length + i)];
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (v.x >= h.x0 - snap && v.x <= h.x1 + snap && h.y >= v.y0 - snap && h.y <= v.y1 + snap) parent[find(i)] = find(hs.length + j);
    }),
  );
  const byRoot = new Map<number, { h: HLine[]; v: VLine[] }>();
  hs.forEach((h, i) => {
    const r = find(i);
    if (!byRoot.has(r)) byRoot.set(r, { h: [], v: [] });
    byRoot.get(r)!.h.push(h);
  });
  vs.forEach((v, j) => {
    const r = find(hs.length + j);
    if (!byRoot.has(r)) byRoot.set(r, { h: [], v: [] });
    byRoot.get(r)!.v.push(v);
  });
  return [...byRoot.values()];
}

function cluster(values: number[], snap: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= snap) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

interface Span {
  from: number;
  to: number;
}

const coverage = (spans: Span[], from: number, to: number): number => {
  let covered = 0;
  for (const s of spans) covered += Math.max(0, Math.min(s.to, to) - Math.max(s.from, from));
  return to > from ? covered / (to - from) : 1;
};

function buildTable(h: HLine[], v: VLine[], glyphs: Glyph[], settings: TableSettings): PageTable | null {
  const snap = settings.snapTolerancePt;
  const cover = settings.minEdgeCoverShare;
  if (h.length < 1 || v.length < 2 || (h.length === 1 && !cutOpen(h[0]!, v, snap))) return null;
  const xs = closeFrame(cluster(v.map((l) => l.x), snap), h.map((l) => ({ from: l.x0, to: l.x1 })), snap);
  const ys = closeFrame(cluster(h.map((l) => l.y), snap), v.map((l) => ({ from: l.y0, to: l.y1 })), snap).reverse();
  if (xs.length < 2 || ys.length < 2) return null;
  const box: Box = [xs[0]!, ys[ys.length - 1]!, xs[xs.length - 1]!, ys[0]!];
  if (box[2] - box[0] < 10 || box[3] - box[1] < 5) return null;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const vAt = (x: number) => v.filter((l) => Math.abs(l.x - x) <= snap).map((l) => ({ from: l.y0, to: l.y1 }));
  const hAt = (y: number) => h.filter((l) => Math.abs(l.y - y) <= snap).map((l) => ({ from: l.x0, to: l.x1 }));
  const vLines = xs.map(vAt);
  const hLines = ys.map(hAt);
  // grid cells joined where the line between them is missing
  const id = (r: number, c: number) => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const { open, openBelow } = openPlaces(xs, ys, vLines, hLines, cover);
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      if (open(r, c)) continue;
      if (c + 1 < nc && !open(r, c + 1) && coverage(vLines[c + 1]!, ys[r + 1]!, ys[r]!) < cover) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < nr && !open(r + 1, c) && coverage(hLines[r + 1]!, xs[c]!, xs[c + 1]!) < cover) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  const regions = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      const root = find(id(r, c));
      const g = regions.get(root);
      if (!g) regions.set(root, { r0: r, c0: c, r1: r, c1: c });
      else {
        g.r0 = Math.min(g.r0, r);
        g.c0 = Math.min(g.c0, c);
        g.r1 = Math.max(g.r1, r);
        g.c1 = Math.max(g.c1, c);
      }
    }
  const cells: GridCell[] = [];
  const owner = new Map<number, GridCell>();
  for (const [root, g] of regions) {
    const cell: GridCell = { row: g.r0, col: g.c0, rowspan: g.r1 - g.r0 + 1, colspan: g.c1 - g.c0 + 1, box: [xs[g.c0]!, ys[g.r1 + 1]!, xs[g.c1 + 1]!, ys[g.r0]!], text: '', glyphs: [] };
    cells.push(cell);
    owner.set(root, cell);
  }
  for (const gl of glyphs) {
    const cx = centerX(gl);
    const cy = centerY(gl);
    if (cx < box[0] || cx > box[2] || cy > box[3]) continue;
    const c = upperIndex(xs, cx);
    if (c < 0 || c >= nc) continue;
    const r = overflowRow(ys, hLines, xs[c]!, xs[c + 1]!, cy, gl.size, settings) ?? ys.findIndex((y, i) => i < nr && cy <= y && cy >= ys[i + 1]!);
    if (r < 0) continue;
    owner.get(find(id(r, c)))!.glyphs.push(gl);
  }
  for (const cell of cells) cell.text = cellText(groupLines(cell.glyphs), cell.box);
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { box, xs, ys, cells, ...(openBelow ? { openBelow } : {}) };
}

/**
 * A grid place on the table's edge where the outer frame is not drawn, though it is drawn
 * elsewhere along that side, is not closed by rules: it is no cell, so it merges with nothing
 * and stays an empty place. LibreOffice draws a vertically merged cell cut short this way
 * (seed 003 p. 8: 效益指标 closed after one row, the rows below it left open at the frame and
 * 满意度指标 printed in the last row only); merging the open places into the closed cell below
 * would move that cell's text up to rows it is not printed beside.
 *
 * A place open at the bottom frame with no rule above it either is the other case: a cell
 * merged down over several rows that a page cut goes through (Chromium leaves the cut open,
 * while the rows of the columns beside it are closed). It is still that cell, running on to the
 * next page: it stays in the cell, and `openBelow` records the columns the cut leaves open.
 */
function openPlaces(xs: number[], ys: number[], vLines: Span[][], hLines: Span[][], cover: number): { open: (r: number, c: number) => boolean; openBelow: boolean[] | null } {
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const left = Array.from({ length: nr }, (_, r) => coverage(vLines[0]!, ys[r + 1]!, ys[r]!) >= cover);
  const right = Array.from({ length: nr }, (_, r) => coverage(vLines[nc]!, ys[r + 1]!, ys[r]!) >= cover);
  const top = Array.from({ length: nc }, (_, c) => coverage(hLines[0]!, xs[c]!, xs[c + 1]!) >= cover);
  const bottom = Array.from({ length: nc }, (_, c) => coverage(hLines[nr]!, xs[c]!, xs[c + 1]!) >= cover);
  // a side with no frame at all (a frameless spreadsheet, frame-edges.ts) leaves nothing open
  const framed = { left: left.some(Boolean), right: right.some(Boolean), top: top.some(Boolean), bottom: bottom.some(Boolean) };
  const cutThrough = (c: number) => nr > 1 && coverage(hLines[nr - 1]!, xs[c]!, xs[c + 1]!) < cover;
  const openBottom = (c: number) => framed.bottom && !bottom[c] && !cutThrough(c);
  const open = (r: number, c: number) =>
    (c === 0 && framed.left && !left[r]) || (c === nc - 1 && framed.right && !right[r]) || (r === 0 && framed.top && !top[c]) || (r === nr - 1 && openBottom(c));
  return { open, openBelow: framed.bottom && bottom.some((b) => !b) ? bottom.map((b) => !b) : null };
}

/**
 * The row of a glyph that a horizontal rule runs through: text that did not fit its cell and
 * was drawn on down over the cell's bottom rule (LibreOffice, seed 004 p. 6: the tail of a cut
 * cell over the rule under an empty row) belongs to the cell above the rule. Null when no rule
 * of this column runs through the glyph. Text sits inside the rules with padding, so a rule
 * never comes this close to the middle of a glyph otherwise.
 */
function overflowRow(ys: number[], hLines: Span[][], x0: number, x1: number, cy: number, size: number, settings: TableSettings): number | null {
  // a rule this close to a glyph's centre runs through the glyph, not beside it
  const through = size * settings.ruleThroughGlyphEm;
  for (let i = 1; i < ys.length; i++) if (Math.abs(cy - ys[i]!) < through && coverage(hLines[i]!, x0, x1) >= settings.minEdgeCoverShare) return i - 1;
  return null;
}

/** The index i with xs[i] <= x < xs[i + 1]. */
function upperIndex(xs: number[], x: number): number {
  for (let i = 0; i + 1 < xs.length; i++) if (x >= xs[i]! && x <= xs[i + 1]!) return i;
  return -1;
}

/**
 * A cell's lines as one text. A line the producer broke because the cell was full is soft:
 * joined as one line (CJK without a break, Latin with a space). A line that ends early was
 * broken in the source: "\n".
 */
export function cellText(lines: TextLine[], box: Box): string {
  let text = '';
  const widest = widestLine(lines);
  lines.forEach((line, i) => {
    if (i === 0) text = line.text;
    else if (isSoftWrap(lines[i - 1]!, line, box[2], widest)) text = joinWrapped(text, line.text);
    else text += '\n' + line.text;
  });
  return text;
}
