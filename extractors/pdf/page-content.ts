import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { OPS } from './pdfjs.js';

/**
 * One printed character with its box in PDF points, in the displayed page's space (see
 * `displayMatrix`: origin bottom left, y up; the PDF's own user space when the page is not rotated).
 */
export interface Glyph {
  ch: string;
  x0: number;
  x1: number;
  /** The baseline. */
  y: number;
  size: number;
  /** A white space printed right before it in the same text run (Latin word breaks). */
  spaceBefore: boolean;
}

/** A straight ruling line: horizontal (y0 = y1) or vertical (x0 = x1), in PDF points of the displayed page. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What one page offers the layout stage. */
export interface PageContent {
  page: number;
  /** [x0, y0, x1, y1] of the page as displayed: its view box, width and height swapped when /Rotate is 90 or 270. */
  view: [number, number, number, number];
  glyphs: Glyph[];
  segments: Segment[];
  /** Glyphs the content stream shows, decoded or not. */
  shownGlyphs: number;
  /** Shown glyphs without a Unicode value: text pdfjs could not decode (missing cMap, no ToUnicode). */
  undecodedGlyphs: number;
  /** Text-showing operations, and those that showed nothing: the sign of a font pdfjs could not load. */
  shows: number;
  emptyShows: number;
  images: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** CJK characters, CJK punctuation and full-width forms: no spaces are inserted next to them. */
export const isCjk = (ch: string): boolean => CJK.test(ch);

/**
 * Reads a page's text (as glyphs), its ruling lines and what tells a scanned page apart. All
 * coordinates are in the displayed page's space, so a page with /Rotate reads like any other.
 */
export async function readPageContent(page: PDFPageProxy, pageNumber: number): Promise<PageContent> {
  const [text, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
  const { matrix, view } = displayMatrix(page);
  const glyphs: Glyph[] = [];
  for (const item of text.items) {
    if (!('str' in item) || item.str === '') continue;
    const [a, b, c, d, e, f] = multiply(matrix, item.transform as Matrix);
    // horizontal text only: rotated runs are rare in disclosures and kept at their origin
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
    pushRun(glyphs, item.str, e, f, item.width, size);
  }
  const { segments, shownGlyphs, undecodedGlyphs, images, shows, emptyShows } = readOperators(ops.fnArray, ops.argsArray, matrix);
  return { page: pageNumber, view, glyphs: dedupeGlyphs(glyphs), segments, shownGlyphs, undecodedGlyphs, images, shows, emptyShows };
}

/**
 * From PDF user space to the page as a viewer shows it (pdfjs's viewport, which applies /Rotate),
 * turned back to y up and moved so that an unrotated page keeps its own coordinates: provenance
 * bboxes of ordinary pages stay the PDF's user space, and those of a rotated page are points on
 * the upright page, origin at its bottom left corner (plus the view box's offset).
 */
export function displayMatrix(page: PDFPageProxy): { matrix: Matrix; view: [number, number, number, number] } {
  const viewport = page.getViewport({ scale: 1 });
  const [x0, y0] = page.view as [number, number, number, number];
  const flip: Matrix = [1, 0, 0, -1, x0, y0 + viewport.height];
  return { matrix: multiply(flip, Array.from(viewport.transform) as Matrix), view: [x0, y0, x0 + viewport.width, y0 + viewport.height] };
}

/**
 * Splits a text run into glyphs. pdfjs gives a run's start and width only, so each character
 * gets a share of the width by its kind (CJK and full-width: a whole em, others about half).
 */
function pushRun(out: Glyph[], str: string, x: number, y: number, width: number, size: number): void {
  const chars = Array.from(str);
  const weights = chars.map((ch) => (isCjk(ch) ? 1 : /\s/u.test(ch) ? 0.3 : 0.55));
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  const unit = width / total;
  let at = x;
  let space = false;
  chars.forEach((ch, i) => {
    const w = weights[i]! * unit;
    if (/\s/u.test(ch)) space = true;
    else out.push({ ch, x0: at, x1: at + w, y, size, spaceBefore: space });
    if (!/\s/u.test(ch)) space = false;
    at += w;
  });
}

/**
 * Fake bold: some producers print every character two or more times at (almost) the same
 * spot (pdfplumber issue-842-example.pdf); each is kept once, as pdfplumber's dedupe_chars.
 */
export function dedupeGlyphs(glyphs: Glyph[]): Glyph[] {
  const seen = new Map<string, Glyph[]>();
  const out: Glyph[] = [];
  for (const g of glyphs) {
    const key = `${g.ch}|${Math.round(g.y)}`;
    const near = seen.get(key);
    const tol = Math.max(1, g.size * 0.25);
    if (near?.some((o) => Math.abs(o.x0 - g.x0) <= tol && Math.abs(o.y - g.y) <= tol)) continue;
    if (near) near.push(g);
    else seen.set(key, [g]);
    out.push(g);
  }
  return out;
}

export type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Paths thinner than this (points) that are filled count as ruling lines. */
const THIN = 3;
/** DrawOPS of pdfjs 5.x path data. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/**
 * Ruling lines from the operator list. pdfjs 5.x hands paths as `constructPath` with args
 * `[paintOp, [Float32Array of DrawOPS], minMax]` in the coordinates current when drawn, so the
 * transformation matrix is tracked here through save / restore / transform and form XObjects.
 * Stroked straight lines and rectangle edges count; a filled path counts when it is a thin bar
 * (how many producers draw table rules), or a rectangle's edges when it is a cell-sized box.
 */
function readOperators(fnArray: number[], argsArray: unknown[], base: Matrix): { segments: Segment[]; shownGlyphs: number; undecodedGlyphs: number; images: number; shows: number; emptyShows: number } {
  const segments: Segment[] = [];
  let ctm: Matrix = base;
  const stack: Matrix[] = [];
  let shownGlyphs = 0;
  let undecodedGlyphs = 0;
  let images = 0;
  let shows = 0;
  let emptyShows = 0;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? base;
        break;
      case OPS.transform:
        ctm = multiply(ctm, args as unknown as Matrix);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push(ctm);
        const m = args?.[0] as Matrix | null;
        if (m) ctm = multiply(ctm, Array.from(m) as Matrix);
        break;
      }
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? base;
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
      case OPS.paintImageXObjectRepeat:
        images++;
        break;
      case OPS.showText:
      case OPS.showSpacedText: {
        shows++;
        const shown = (args?.[0] as unknown[]) ?? [];
        // a font pdfjs failed to load (a CJK cMap it could not find) shows no glyphs at all
        if (!shown.some((g) => g && typeof g === 'object')) emptyShows++;
        for (const g of shown) {
          if (!g || typeof g !== 'object') continue;
          const glyph = g as { unicode?: string; isSpace?: boolean };
          shownGlyphs++;
          if (!glyph.unicode || glyph.unicode === '\ufffd') undecodedGlyphs++;
        }
        break;
      }
      case OPS.constructPath: {
        const paintOp = args?.[0] as number;
        const data = (args?.[1] as ArrayLike<number>[] | undefined)?.[0];
        if (!data || paintOp === OPS.endPath) break;
        const stroked = paintOp === OPS.stroke || paintOp === OPS.closeStroke || paintOp === OPS.fillStroke || paintOp === OPS.eoFillStroke || paintOp === OPS.closeFillStroke || paintOp === OPS.closeEOFillStroke;
        addPath(segments, data, ctm, stroked);
        break;
      }
      default:
        break;
    }
  }
  return { segments, shownGlyphs, undecodedGlyphs, images, shows, emptyShows };
}

function addPath(out: Segment[], data: ArrayLike<number>, ctm: Matrix, stroked: boolean): void {
  // split into subpaths of straight edges; a subpath with a curve is not a ruling
  const subpaths: [number, number][][] = [];
  let current: [number, number][] = [];
  let curved = false;
  for (let k = 0; k < data.length; ) {
    const op = data[k]!;
    if (op === MOVE) {
      if (current.length > 1 && !curved) subpaths.push(current);
      current = [apply(ctm, data[k + 1]!, data[k + 2]!)];
      curved = false;
      k += 3;
    } else if (op === LINE) {
      current.push(apply(ctm, data[k + 1]!, data[k + 2]!));
      k += 3;
    } else if (op === CURVE) {
      curved = true;
      k += 7;
    } else if (op === QUAD) {
      curved = true;
      k += 5;
    } else if (op === CLOSE) {
      if (current.length > 1) current.push(current[0]!);
      k += 1;
    } else break;
  }
  if (current.length > 1 && !curved) subpaths.push(current);
  for (const pts of subpaths) {
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const w = Math.max(...xs) - Math.min(...xs);
    const h = Math.max(...ys) - Math.min(...ys);
    if (!stroked) {
      // a filled bar is a line along its long side; a filled box contributes its edges
      if (w <= THIN && h > THIN) out.push({ x0: (Math.max(...xs) + Math.min(...xs)) / 2, x1: (Math.max(...xs) + Math.min(...xs)) / 2, y0: Math.min(...ys), y1: Math.max(...ys) });
      else if (h <= THIN && w > THIN) out.push({ x0: Math.min(...xs), x1: Math.max(...xs), y0: (Math.max(...ys) + Math.min(...ys)) / 2, y1: (Math.max(...ys) + Math.min(...ys)) / 2 });
      else if (w > THIN && h > THIN && pts.length >= 4 && isAxisAligned(pts)) pushEdges(out, pts);
      continue;
    }
    pushEdges(out, pts);
  }
}

function isAxisAligned(pts: [number, number][]): boolean {
  for (let i = 1; i < pts.length; i++) {
    const dx = Math.abs(pts[i]![0] - pts[i - 1]![0]);
    const dy = Math.abs(pts[i]![1] - pts[i - 1]![1]);
    if (dx > 0.5 && dy > 0.5) return false;
  }
  return true;
}

function pushEdges(out: Segment[], pts: [number, number][]): void {
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1]!;
    const [bx, by] = pts[i]!;
    if (Math.abs(ay - by) <= 0.5 && Math.abs(ax - bx) > 0.5) out.push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: (ay + by) / 2, y1: (ay + by) / 2 });
    else if (Math.abs(ax - bx) <= 0.5 && Math.abs(ay - by) > 0.5) out.push({ x0: (ax + bx) / 2, x1: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
  }
}
