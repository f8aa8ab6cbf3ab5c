import { normalizeUnicode } from './pdfjs.js';
import { apply, multiply, type Matrix } from './matrix.js';
import type { Glyph } from './page-content.js';

/** What a glyph in pdfjs's operator list carries (a `showText` argument; numbers between glyphs are TJ adjustments). */
interface ShownGlyph {
  unicode?: string;
  width?: number;
  /** The character code is 32: word spacing applies. */
  isSpace?: boolean;
  vmetric?: number[] | null;
}

/** The font facts the placement needs, from pdfjs's loaded font object. */
export interface FontMetrics {
  /** Glyph space to text space; [0.001, 0, 0, 0.001, 0, 0] for all but Type 3 fonts. */
  fontMatrix: number[];
  vertical: boolean;
  /** Vertical metrics [w1y, vx, vy] of glyphs without their own, for vertical writing. */
  defaultVMetrics?: number[] | undefined;
}

export type FontLookup = (loadedName: string) => FontMetrics | undefined;

/** The metrics of a pdfjs font object (`commonObjs`), with canvas.js's defaults for what it leaves out. */
export function fontMetrics(font: { fontMatrix?: number[] | undefined; vertical?: boolean | undefined; defaultVMetrics?: number[] | undefined }): FontMetrics {
  return { fontMatrix: font.fontMatrix ?? DEFAULT_FONT.fontMatrix, vertical: font.vertical === true, defaultVMetrics: font.defaultVMetrics };
}

/** The PDF text state (PDF 32000-1 §9.3), saved and restored with the graphics state. */
interface TextState {
  font: FontMetrics;
  fontSize: number;
  /** -1 when the font size is negative: glyphs advance to the left. */
  fontDirection: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  /** Stored negated, as the TD operator and pdfjs use it. */
  leading: number;
  rise: number;
  textMatrix: Matrix;
  /** The text position within the text matrix: where the next glyph is drawn, and where the line started. */
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const DEFAULT_FONT: FontMetrics = { fontMatrix: [0.001, 0, 0, 0.001, 0, 0], vertical: false };
/** Format characters (zero-width space, joiners, soft hyphen…) take no room; pdfjs's text content skips them too. */
const INVISIBLE = /^\p{Cf}+$/u;
const WHITE = /^\s+$/u;
const printedSeen = new Map<string, string>();

/**
 * What a glyph's Unicode value prints: ' ' for white space, '' for nothing (format characters,
 * no value), else the text as pdfjs's text content gives it (ligatures and compatibility forms
 * normalised). Remembered: a page asks for the same few hundred characters thousands of times.
 */
function printed(unicode: string): string {
  const known = printedSeen.get(unicode);
  if (known !== undefined) return known;
  const normal = normalizeUnicode(unicode);
  const text = WHITE.test(normal) ? ' ' : INVISIBLE.test(normal) ? '' : normal;
  printedSeen.set(unicode, text);
  return text;
}

/**
 * Places the glyphs of text-showing operations on the page, the way pdfjs's canvas renderer
 * does (canvas.js `showText`): each glyph's advance from its font width, the font size,
 * character and word spacing, horizontal scaling and TJ adjustments, through the text matrix
 * and the current transformation matrix. Reading text this way, from the operator list the
 * rulings come from, saves pdfjs a second pass over every content stream (`getTextContent`),
 * and gives every glyph its own exact box rather than a share of a run's width.
 */
export class TextPlacer {
  private state: TextState;
  private readonly saved: TextState[] = [];

  constructor(
    private readonly fonts: FontLookup,
    private readonly out: Glyph[],
  ) {
    this.state = {
      font: DEFAULT_FONT,
      fontSize: 0,
      fontDirection: 1,
      charSpacing: 0,
      wordSpacing: 0,
      hScale: 1,
      leading: 0,
      rise: 0,
      textMatrix: IDENTITY,
      x: 0,
      y: 0,
      lineX: 0,
      lineY: 0,
    };
  }

  save(): void {
    this.saved.push({ ...this.state });
  }

  restore(): void {
    const s = this.saved.pop();
    if (s) this.state = s;
  }

  beginText(): void {
    const s = this.state;
    s.textMatrix = IDENTITY;
    s.x = s.lineX = 0;
    s.y = s.lineY = 0;
  }

  setFont(loadedName: string, size: number): void {
    this.state.font = this.fonts(loadedName) ?? DEFAULT_FONT;
    this.state.fontDirection = size < 0 ? -1 : 1;
    this.state.fontSize = Math.abs(size);
  }

  setTextMatrix(m: ArrayLike<number>): void {
    const s = this.state;
    s.textMatrix = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!];
    s.x = s.lineX = 0;
    s.y = s.lineY = 0;
  }

  moveText(x: number, y: number): void {
    this.state.x = this.state.lineX += x;
    this.state.y = this.state.lineY += y;
  }

  setLeadingMoveText(x: number, y: number): void {
    this.state.leading = y;
    this.moveText(x, y);
  }

  nextLine(): void {
    this.moveText(0, this.state.leading);
  }

  setLeading(leading: number): void {
    this.state.leading = -leading;
  }
  setCharSpacing(v: number): void {
    this.state.charSpacing = v;
  }
  setWordSpacing(v: number): void {
    this.state.wordSpacing = v;
  }
  setHScale(percent: number): void {
    this.state.hScale = percent / 100;
  }
  setTextRise(v: number): void {
    this.state.rise = v;
  }

  /** Places one `showText`'s glyphs and moves the text position past them. */
  showText(shown: readonly (ShownGlyph | number | null)[], ctm: Matrix): void {
    const s = this.state;
    if (s.fontSize === 0) return;
    const m = multiply(ctm, s.textMatrix);
    const size = s.fontSize * Math.hypot(m[2], m[3]);
    const hScale = s.hScale * s.fontDirection;
    const advanceScale = s.fontSize * s.font.fontMatrix[0]!;
    let x = 0;
    let space = false;
    for (const g of shown) {
      if (g === null || g === undefined) continue;
      if (typeof g === 'number') {
        // a TJ adjustment, thousandths of an em; vertical fonts move down
        x += ((s.font.vertical ? 1 : -1) * g * s.fontSize) / 1000;
        continue;
      }
      const vmetric = g.vmetric ?? s.font.defaultVMetrics;
      const width = s.font.vertical && vmetric ? -vmetric[0]! : (g.width ?? 0);
      const spacing = ((g.isSpace ? s.wordSpacing : 0) + s.charSpacing) * s.fontDirection;
      // vertical writing advances down the page, the spacing working against it (canvas.js)
      const advance = s.font.vertical ? width * advanceScale - spacing : width * advanceScale + spacing;
      const text = printed(g.unicode ?? '');
      // `isSpace` says only that the code is 32, where word spacing applies (a subset CJK font may put 出 there)
      if (text === ' ') space = true;
      else if (text !== '') {
        if (s.font.vertical) this.placeVertical(text, m, s.x, s.y - x, size);
        else this.place(text, m, s.x + x * hScale, s.x + (x + width * advanceScale) * hScale, s.y + s.rise, size, space);
        space = false;
      }
      x += advance;
    }
    if (s.font.vertical) s.y -= x;
    else s.x += x * hScale;
  }

  /** A glyph from text-space x0..x1 on baseline y; a ligature's characters share its width. */
  private place(text: string, m: Matrix, tx0: number, tx1: number, ty: number, size: number, spaceBefore: boolean): void {
    const chars = Array.from(text);
    const step = (tx1 - tx0) / chars.length;
    chars.forEach((ch, i) => {
      const [ax, ay] = apply(m, tx0 + i * step, ty);
      const [bx] = apply(m, tx0 + (i + 1) * step, ty);
      this.out.push({ ch, x0: Math.min(ax, bx), x1: Math.max(ax, bx), y: ay, size, spaceBefore: spaceBefore && i === 0 });
    });
  }

  /** Vertical writing (Identity-V fonts): each glyph an em-wide box centred on the text position, one per line. */
  private placeVertical(text: string, m: Matrix, tx: number, ty: number, size: number): void {
    const em = this.state.fontSize;
    for (const ch of Array.from(text)) {
      const [ax, ay] = apply(m, tx - em / 2, ty - em);
      const [bx] = apply(m, tx + em / 2, ty - em);
      this.out.push({ ch, x0: Math.min(ax, bx), x1: Math.max(ax, bx), y: ay, size, spaceBefore: false });
      ty -= em;
    }
  }
}
