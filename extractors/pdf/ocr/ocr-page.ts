import { isCjk, type Glyph, type PageContent, type Segment } from '../page-content.js';
import { rotateImage, turnHalf, type GrayImage } from './gray-image.js';
import { rasterisePage } from './rasterise.js';
import { eraseRulings, estimateSkew, findRasterRulings, inkShare, type PixelRule } from './raster-rulings.js';
import { readWords, type OcrWord } from './read-words.js';
import type { PageFrame } from './page-frame.js';

/** Scans are read at this resolution: the 200 dpi scans keep every pixel, and Tesseract wants text about 20–30 px high. */
export const OCR_DPI = 300;

/**
 * The most pixels a page is rasterised to: 20 Mpx, 20 MB grey, about A3 at 300 dpi. A larger
 * page (a poster, an A0 scan: 140 Mpx at 300 dpi, and three copies of it while levelling) is
 * read at the resolution that fits, told by a diagnostic.
 */
export const MAX_RASTER_PIXELS = 20_000_000;

/** Rasterising an image finer than this many times its own resolution adds nothing for Tesseract to read (our 200 ppi scans: 300 dpi). */
const OVER_IMAGE = 1.5;

/**
 * The resolution a page (its size in points) is read at: OCR_DPI, unless that passes
 * MAX_RASTER_PIXELS; then the most dpi that fits, and no more than OVER_IMAGE times the
 * resolution of the page's scanned image (an A4 scan recorded at 50 ppi is an A0 page: read at
 * 75 dpi its pixels are those of the A4 page at 300 dpi, where 113 dpi would magnify its JPEG
 * noise for nothing). `lowered` says why a page gets fewer than OCR_DPI.
 */
export function ocrDpi(view: [number, number, number, number], imagePpi?: number): { dpi: number; lowered?: 'pixels' | 'image' } {
  const pixels = (dpi: number) => Math.ceil(((view[2] - view[0]) * dpi) / 72) * Math.ceil(((view[3] - view[1]) * dpi) / 72);
  if (pixels(OCR_DPI) <= MAX_RASTER_PIXELS) return { dpi: OCR_DPI };
  let dpi = Math.floor(72 * Math.sqrt(MAX_RASTER_PIXELS / ((view[2] - view[0]) * (view[3] - view[1]))));
  // pdftoppm rounds each side up
  while (dpi > 1 && pixels(dpi) > MAX_RASTER_PIXELS) dpi--;
  const byImage = imagePpi !== undefined ? Math.max(1, Math.round(imagePpi * OVER_IMAGE)) : Infinity;
  return byImage < dpi ? { dpi: byImage, lowered: 'image' } : { dpi, lowered: 'pixels' };
}

/** A page read this badly (mean word confidence, 0–100) may be upside down: it is read turned too, and the better reading kept. */
const DOUBTFUL = 60;

/** What OCR made of a page, beside its content: the skew corrected and whether it was upside down. */
export interface OcrPage {
  content: PageContent;
  skew: number;
  upsideDown: boolean;
  words: number;
  /** The resolution the page was read at (below OCR_DPI on a huge page: `lowered` says why) and the raster's size in pixels. */
  dpi: number;
  lowered?: 'pixels' | 'image';
  pixels: [number, number];
  /** How the page as read (content's boxes) lies on the page itself: PageFrame's boxes go back through it. */
  frame: PageFrame;
  /** The page as Tesseract read it (levelled, turned, rules erased), for a second reading of doubtful cells. */
  raster: GrayImage;
  /** Points of the page (y up) to pixels of `raster` (y down). */
  toPixels: (x: number, y: number) => [number, number];
}

/**
 * A scanned page as the same PageContent a text page gives: rasterised, deskewed, its ruling
 * lines found in the raster (segments, in PDF points) and erased, the rest read by Tesseract;
 * each word's box is split evenly among its characters, one glyph each, carrying the word's
 * confidence. Glyphs of one printed line share its baseline and size, as printed text does.
 * (Tesseract's own deskewing is of no use here: its word boxes are in the skewed image.)
 * `deadline`: the Date.now() by which the page must be read (`--ocr-timeout`).
 */
export async function ocrPage(pdf: Uint8Array, page: number, view: [number, number, number, number], deadline: number, password?: string, imagePpi?: number): Promise<OcrPage> {
  const { dpi, lowered } = ocrDpi(view, imagePpi);
  const raster = await rasterisePage(pdf, page, dpi, deadline - Date.now(), password);
  let read = await readLevel(raster, deadline);
  let upsideDown = false;
  if (read.words.length > 0 && meanConfidence(read.words) < DOUBTFUL) {
    const turned = await readLevel(turnHalf(raster), deadline);
    if (meanConfidence(turned.words) > meanConfidence(read.words)) [read, upsideDown] = [turned, true];
  }
  const scale: [number, number] = [(view[2] - view[0]) / raster.width, (view[3] - view[1]) / raster.height];
  const toPoints = (x: number, y: number): [number, number] => [view[0] + x * scale[0], view[3] - y * scale[1]];
  const content: PageContent = {
    page,
    view,
    glyphs: wordsToGlyphs(read.words, toPoints, scale[1]),
    segments: read.rules.map((r) => ruleToSegment(r, toPoints)),
    shownGlyphs: 0,
    undecodedGlyphs: 0,
    shows: 0,
    emptyShows: 0,
    images: 1,
    // OCR's numbers are ours, always finite
    nonFinite: 0,
  };
  const frame: PageFrame = { view, width: raster.width, height: raster.height, levelledBy: read.levelledBy, upsideDown };
  return { content, skew: read.skew, upsideDown, words: read.words.length, dpi, ...(lowered ? { lowered } : {}), pixels: [raster.width, raster.height], frame, raster: read.erased, toPixels: (x, y) => [(x - view[0]) / scale[0], (view[3] - y) / scale[1]] };
}

/**
 * Below this share of ink a page is blank: Tesseract stretches the contrast of what it is given
 * and reads hundreds of "words" in the paper noise of an empty page (845 on corpus/scans/blank.pdf).
 */
const BLANK = 0.0005;

async function readLevel(raster: GrayImage, deadline: number): Promise<{ words: OcrWord[]; rules: PixelRule[]; skew: number; levelledBy: number; erased: GrayImage }> {
  if (inkShare(raster) < BLANK) return { words: [], rules: [], skew: 0, levelledBy: 0, erased: raster };
  const skew = estimateSkew(raster);
  const levelledBy = Math.abs(skew) >= 0.05 ? skew : 0;
  const level = levelledBy !== 0 ? rotateImage(raster, levelledBy) : raster;
  // rules are looked for at a 300 dpi page's sizes even on a page read at fewer dpi: a page too large
  // for 300 dpi is most often a scan given a wrong resolution (an A4 scan recorded at 50 dpi is A0),
  // whose rules are as many pixels thick and long as an A4 page's (corpus/scans/001-p1-huge.pdf read at 113 dpi
  // with 113 dpi's sizes: its rules fell apart into 750 pieces, left for Tesseract to misread); a real poster's are longer still
  const rules = findRasterRulings(level, OCR_DPI);
  const erased = eraseRulings(level, rules);
  return { words: await readWords(erased, deadline - Date.now()), rules, skew, levelledBy, erased };
}

const meanConfidence = (words: OcrWord[]) => (words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0);

/** The height of a Chinese character's ink, and of a digit's, in ems: how a line's font size is told from its words' boxes. */
const HAN_INK = 0.88;
const DIGIT_INK = 0.72;

/**
 * What is left of a rule Tesseract still sees (a stub where rules cross, a rule's grey edge):
 * a word of nothing but quotes, bars and brackets. No table cell or sentence has one on its own.
 */
const RULE_REMNANT = /^[“”‘’"'`|｜丨_[\]【】〔〕]+$/u;
const FIGURE_WITH_REMNANT = /^[“”‘’"'`|｜丨_[\]]*(-?[\d.,]*\d)[“”‘’"'`|｜丨_[\]]*$/u;

/**
 * Words into glyphs. The line's words (by median: a bracket or a stray mark is taller) give
 * every glyph on it one baseline and size, so that the layout code groups them into one line as
 * it does printed text, and tells headings by their size.
 */
export function wordsToGlyphs(words: OcrWord[], toPoints: (x: number, y: number) => [number, number], ptPerPx: number): Glyph[] {
  const lines = new Map<string, OcrWord[]>();
  for (let w of words) {
    if (RULE_REMNANT.test(w.text)) continue;
    // a remnant stuck to a number (”448.03): a figure has no quotes or bars
    const figure = FIGURE_WITH_REMNANT.exec(w.text);
    if (figure) w = { ...w, text: figure[1]! };
    const l = lines.get(w.line);
    if (l) l.push(w);
    else lines.set(w.line, [w]);
  }
  const glyphs: Glyph[] = [];
  for (const ws of lines.values()) {
    // digits are shorter than Chinese characters: a line's size is told from its Chinese words where it has any
    const han = ws.filter((w) => /\p{Script=Han}/u.test(w.text));
    const size = han.length ? (median(han.map((w) => w.height)) * ptPerPx) / HAN_INK : (median(ws.map((w) => w.height)) * ptPerPx) / DIGIT_INK;
    const bottom = median(ws.map((w) => w.top + w.height));
    const baseline = toPoints(0, bottom)[1] + 0.1 * size;
    let before = '';
    ws.forEach((w, k) => {
      const chars = Array.from(w.text);
      // Tesseract's box of a Chinese word sometimes reaches over the next word (单位 over the ： after it): cut at
      // the next word, so that the characters keep the order Tesseract read them in
      const next = ws[k + 1];
      const right = next && next.left > w.left && next.left < w.left + w.width ? next.left : w.left + w.width;
      // Tesseract cuts Chinese into words at will: a space only between two words of Latin letters or digits
      const spaced = before !== '' && !isCjk(before) && !isCjk(chars[0]!);
      before = chars[chars.length - 1]!;
      const step = (right - w.left) / chars.length;
      chars.forEach((ch, i) => {
        const [x0] = toPoints(w.left + i * step, 0);
        const [x1] = toPoints(w.left + (i + 1) * step, 0);
        glyphs.push({ ch, x0, x1, y: baseline, size, spaceBefore: i === 0 && spaced, confidence: Math.round(w.confidence) / 100 });
      });
    });
  }
  return glyphs;
}

function ruleToSegment(r: PixelRule, toPoints: (x: number, y: number) => [number, number]): Segment {
  const [x0, y0] = toPoints(r.x0, r.y0);
  const [x1, y1] = toPoints(r.x1, r.y1);
  return { x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
