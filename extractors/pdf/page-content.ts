import { CJK_GLYPH_CLASS } from '../../src/text/cjk.js';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apply, multiply, type Matrix } from './matrix.js';
import { AnnotationMode, OPS } from './pdfjs.js';
import { fontMetrics, TextPlacer, type FontLookup, type FontMetrics } from './shown-text.js';

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
  /** Read by OCR: the confidence (0–1) of the word it is part of. */
  confidence?: number;
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
  /**
   * The resolution (pixels per inch on the page) of the finest image drawn, where pdfjs tells
   * the image's size: a scan's own resolution, which rasterising it finer cannot add to.
   */
  imagePpi?: number;
  /** Operators, glyphs and ruling lines left out because a number in them is NaN or infinite (a damaged content stream). */
  nonFinite: number;
  /** Glyphs left out because they are drawn outside the clipping path: the printed page does not show them (absent: none). */
  clipped?: number;
}

const CJK = new RegExp(`[${CJK_GLYPH_CLASS}]`, 'u');

const cjkSeen = new Map<string, boolean>();

/** CJK characters, CJK punctuation and full-width forms: no spaces are inserted next to them. */
export function isCjk(ch: string): boolean {
  // asked for every pair of neighbouring glyphs: a Unicode-property regex each time was a hot spot;
  // nothing below Hangul Jamo (U+1100) is CJK
  if (ch.charCodeAt(0) < 0x1100) return false;
  let cjk = cjkSeen.get(ch);
  if (cjk === undefined) cjkSeen.set(ch, (cjk = CJK.test(ch)));
  return cjk;
}

/**
 * Reads a page's text (as glyphs), its ruling lines and what tells a scanned page apart. All
 * coordinates are in the displayed page's space, so a page with /Rotate reads like any other.
 */
export async function readPageContent(page: PDFPageProxy, pageNumber: number): Promise<PageContent> {
  // annotations (form fields, stamps, comments) are not the page's printed content
  const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  const { matrix, view } = displayMatrix(page);
  const known = new Map<string, FontMetrics>();
  const fonts = (name: string) => {
    if (!known.has(name) && page.commonObjs.has(name)) known.set(name, fontMetrics(page.commonObjs.get(name)));
    return known.get(name);
  };
  const content = readOperators(ops.fnArray, ops.argsArray, matrix, fonts);
  // whatever got past the operators (a NaN glyph width, a font's matrix) stops here, before layout
  const glyphs = content.glyphs.filter((g) => finite(g.x0, g.x1, g.y, g.size));
  const segments = content.segments.filter((g) => finite(g.x0, g.x1, g.y0, g.y1));
  const nonFinite = content.nonFinite + content.glyphs.length - glyphs.length + content.segments.length - segments.length;
  return { page: pageNumber, view, ...content, segments, nonFinite, glyphs: dedupeGlyphs(glyphs) };
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
 * Fake bold: some producers print every character two or more times at (almost) the same
 * spot (pdfplumber issue-842-example.pdf); each is kept once, as pdfplumber's dedupe_chars.
 */
export function dedupeGlyphs(glyphs: Glyph[]): Glyph[] {
  // by rounded baseline, then character: the few glyphs a new one is compared with
  const seen = new Map<number, Map<string, Glyph[]>>();
  const out: Glyph[] = [];
  for (const g of glyphs) {
    const line = Math.round(g.y);
    let byChar = seen.get(line);
    if (!byChar) seen.set(line, (byChar = new Map()));
    const near = byChar.get(g.ch);
    // pdfplumber's tolerance of 1 pt, less for narrow glyphs: a double "ll" is no fake bold
    const tol = Math.min(1, (g.x1 - g.x0) / 2);
    if (near?.some((o) => Math.abs(o.x0 - g.x0) <= tol && Math.abs(o.y - g.y) <= tol)) continue;
    if (near) near.push(g);
    else byChar.set(g.ch, [g]);
    out.push(g);
  }
  return out;
}

const BLACK = '#000000';
const WHITE = '#ffffff';

/** Paths thinner than this (points) that are filled count as ruling lines. */
const THIN = 3;
/** DrawOPS of pdfjs 5.x path data. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/**
 * Glyphs and ruling lines from the operator list, in one pass. Text operators drive the text
 * state (shown-text.ts). pdfjs 5.x hands paths as `constructPath` with args
 * `[paintOp, [Float32Array of DrawOPS], minMax]` in the coordinates current when drawn, so the
 * transformation matrix is tracked here through save / restore / transform and form XObjects.
 * Stroked straight lines and rectangle edges count; a filled path counts when it is a thin bar
 * (how many producers draw table rules), or a rectangle's edges when it is a cell-sized box.
 */
function readOperators(fnArray: number[], argsArray: unknown[], base: Matrix, fonts: FontLookup): Omit<PageContent, 'page' | 'view'> {
  const segments: Segment[] = [];
  const glyphs: Glyph[] = [];
  const text = new TextPlacer(fonts, glyphs);
  let ctm: Matrix = base;
  const stack: Matrix[] = [];
  // paint colours (pdfjs hands every colour space as "#rrggbb"): a rule drawn in white is not seen
  let fill = BLACK;
  let stroke = BLACK;
  const colours: [string, string][] = [];
  let shownGlyphs = 0;
  let undecodedGlyphs = 0;
  let images = 0;
  let imagePpi = 0;
  let shows = 0;
  let emptyShows = 0;
  let nonFinite = 0;
  // the clipping path's bounding box [x0, y0, x1, y1] on the displayed page, saved and restored
  // with the graphics state; a clip (W n) takes effect at the path that follows it
  let clip: Box4 | null = null;
  const clips: (Box4 | null)[] = [];
  let clipNext = false;
  let clipped = 0;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    // a state-changing operator with a number that is not one would put NaN into every later
    // glyph or line: it is left out, as if the stream did not have it
    if (NUMERIC_STATE_OPS.has(fn!) && !finiteNumbers(args)) {
      nonFinite++;
      continue;
    }
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        colours.push([fill, stroke]);
        clips.push(clip);
        text.save();
        break;
      case OPS.restore:
        ctm = stack.pop() ?? base;
        [fill, stroke] = colours.pop() ?? [BLACK, BLACK];
        clip = clips.length ? clips.pop()! : null;
        text.restore();
        break;
      case OPS.clip:
      case OPS.eoClip:
        clipNext = true;
        break;
      case OPS.setFillRGBColor:
        fill = typeof args?.[0] === 'string' ? args[0].toLowerCase() : BLACK;
        break;
      case OPS.setStrokeRGBColor:
        stroke = typeof args?.[0] === 'string' ? args[0].toLowerCase() : BLACK;
        break;
      case OPS.transform:
        ctm = multiply(ctm, args as unknown as Matrix);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push(ctm);
        text.save();
        const m = args?.[0] as Matrix | null;
        if (m) ctm = multiply(ctm, Array.from(m) as Matrix);
        break;
      }
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? base;
        text.restore();
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
      case OPS.paintImageXObjectRepeat: {
        images++;
        // an XObject's size comes as its 2nd and 3rd argument, an inline image's on the image; the image fills the unit square of the CTM
        const img = args?.[0] as { width?: unknown; height?: unknown } | undefined;
        const [w, h] = fn === OPS.paintImageXObject ? [args?.[1], args?.[2]] : [img?.width, img?.height];
        const wide = Math.hypot(ctm[0], ctm[1]) / 72;
        const high = Math.hypot(ctm[2], ctm[3]) / 72;
        if (typeof w === 'number' && typeof h === 'number' && wide > 0 && high > 0) {
          const ppi = Math.min(w / wide, h / high);
          if (Number.isFinite(ppi) && ppi > imagePpi) imagePpi = ppi;
        }
        break;
      }
      case OPS.beginText:
        text.beginText();
        break;
      case OPS.setFont:
        text.setFont(String(args?.[0]), numArg(args, 1));
        break;
      case OPS.setTextMatrix:
        // pdfjs 5.x passes the matrix as one argument, older versions as six
        text.setTextMatrix((Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0]) ? args![0] : args) as ArrayLike<number>);
        break;
      case OPS.moveText:
        text.moveText(numArg(args, 0), numArg(args, 1));
        break;
      case OPS.setLeadingMoveText:
        text.setLeadingMoveText(numArg(args, 0), numArg(args, 1));
        break;
      case OPS.nextLine:
        text.nextLine();
        break;
      case OPS.setLeading:
        text.setLeading(numArg(args, 0));
        break;
      case OPS.setCharSpacing:
        text.setCharSpacing(numArg(args, 0));
        break;
      case OPS.setWordSpacing:
        text.setWordSpacing(numArg(args, 0));
        break;
      case OPS.setHScale:
        text.setHScale(numArg(args, 0));
        break;
      case OPS.setTextRise:
        text.setTextRise(numArg(args, 0));
        break;
      case OPS.showText:
      case OPS.showSpacedText: {
        shows++;
        const shown = (args?.[0] as unknown[]) ?? [];
        // a font pdfjs failed to load (a CJK cMap it could not find) shows no glyphs at all
        if (!shown.some((g) => g && typeof g === 'object')) emptyShows++;
        for (const g of shown) {
          if (!g || typeof g !== 'object') continue;
          const glyph = g as { unicode?: string };
          shownGlyphs++;
          if (!glyph.unicode || glyph.unicode === '\ufffd') undecodedGlyphs++;
        }
        const before = glyphs.length;
        text.showText(shown as Parameters<TextPlacer['showText']>[0], ctm);
        if (clip) clipped += dropOutside(glyphs, before, clip);
        break;
      }
      case OPS.constructPath: {
        const paintOp = args?.[0] as number;
        const data = (args?.[1] as ArrayLike<number>[] | undefined)?.[0];
        if (clipNext && data) clip = intersect(clip, pathBox(data, ctm));
        clipNext = false;
        if (!data || paintOp === OPS.endPath) break;
        const stroked = paintOp === OPS.stroke || paintOp === OPS.closeStroke || paintOp === OPS.fillStroke || paintOp === OPS.eoFillStroke || paintOp === OPS.closeFillStroke || paintOp === OPS.closeEOFillStroke;
        const filled = paintOp !== OPS.stroke && paintOp !== OPS.closeStroke;
        // spreadsheet printers fill every cell of the sheet white, title rows too: those boxes are no rules
        if (stroked && stroke !== WHITE) addPath(segments, data, ctm, true);
        else if (filled && fill !== WHITE) addPath(segments, data, ctm, false);
        break;
      }
      default:
        break;
    }
  }
  return { glyphs, segments, shownGlyphs, undecodedGlyphs, images, ...(imagePpi > 0 ? { imagePpi } : {}), shows, emptyShows, nonFinite, clipped };
}

type Box4 = [number, number, number, number];

/** The bounding box of a path's points on the displayed page; any clipping path shows nothing outside it. */
function pathBox(data: ArrayLike<number>, ctm: Matrix): Box4 | null {
  const pts: [number, number][] = [];
  for (let k = 0; k < data.length; ) {
    const op = data[k]!;
    const n = op === MOVE || op === LINE ? 2 : op === CURVE ? 6 : op === QUAD ? 4 : 0;
    for (let j = 1; j < n; j += 2) pts.push(apply(ctm, data[k + j]!, data[k + j + 1]!));
    if (op > CLOSE) return null;
    k += n + 1;
  }
  if (pts.length === 0) return null;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Clipping only narrows what shows: the new clip is the old one cut to the new path. */
function intersect(a: Box4 | null, b: Box4 | null): Box4 | null {
  if (!b) return a;
  if (!a) return b;
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

/**
 * Removes the glyphs placed from index `from` on whose centre lies outside the clip (a point of
 * slack for rounding), and says how many. Producers that flow one text frame over several pages
 * draw the whole frame on each page and clip it to the page's part: the rest is not printed.
 */
function dropOutside(glyphs: Glyph[], from: number, clip: Box4): number {
  let kept = from;
  for (let k = from; k < glyphs.length; k++) {
    const g = glyphs[k]!;
    const cx = (g.x0 + g.x1) / 2;
    const cy = g.y + g.size * 0.3;
    // a glyph with a NaN coordinate is no hidden text but a damaged one: readPageContent counts it
    const inside = cx >= clip[0] - 1 && cx <= clip[2] + 1 && cy >= clip[1] - 1 && cy <= clip[3] + 1;
    if (inside || !finite(cx, cy) || !clip.every(Number.isFinite)) glyphs[kept++] = g;
  }
  const dropped = glyphs.length - kept;
  glyphs.length = kept;
  return dropped;
}

/** Operators that set a number of the graphics or text state (sizes, matrices, spacing, moves). */
const NUMERIC_STATE_OPS = new Set([OPS.transform, OPS.paintFormXObjectBegin, OPS.setFont, OPS.setTextMatrix, OPS.moveText, OPS.setLeadingMoveText, OPS.setLeading, OPS.setCharSpacing, OPS.setWordSpacing, OPS.setHScale, OPS.setTextRise]);

const finite = (...values: number[]): boolean => values.every(Number.isFinite);

/** Every number among the arguments (and in arrays among them: matrices) is finite; font names and nulls are no numbers. */
function finiteNumbers(args: unknown[] | null): boolean {
  for (const a of args ?? []) {
    if (typeof a === 'number' && !Number.isFinite(a)) return false;
    if ((Array.isArray(a) || ArrayBuffer.isView(a)) && !Array.from(a as ArrayLike<unknown>).every((v) => typeof v !== 'number' || Number.isFinite(v))) return false;
  }
  return true;
}

const numArg = (args: unknown[] | null, k: number): number => Number(args?.[k] ?? 0);

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
