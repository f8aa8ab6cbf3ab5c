import type { Diagnostic } from '../../../src/model/index.js';
import type { Glyph } from '../page-content.js';
import type { GridCell, RuledTable } from '../ruled-tables.js';
import { figureColumns, fitsColumn, type FigureColumn } from './amount-shape.js';
import type { GrayImage } from './gray-image.js';
import { LOW_CONFIDENCE } from './ocr-confidence.js';
import { readWords, type OcrWord, type ReadMode } from './read-words.js';

/**
 * The second reading: digits only, one line each. Tesseract's English model with a whitelist
 * reads a short figure that the Chinese model, free to choose among thousands of characters,
 * takes for Chinese (`2.27` → `交过区`) or reads without its point.
 */
export const DIGITS_MODE: ReadMode = { lang: 'eng', psm: 6, whitelist: '0123456789.,-' };

/** White around each crop and between crops in the batch image (pixels at 300 dpi): Tesseract wants a margin, and lines apart. */
const PAD = 16;
const GAP = 40;

/**
 * Crops are made black and white at this grey (0–255): the grey halo JPEG leaves around small
 * figures makes Tesseract lose the decimal point (`2.27` read as `2227`; as `2.27` once binarised).
 */
const BLACK = 153;

/** How the cells of one OCR page were read again. */
export interface Reread {
  /** Cells read a second time. */
  read: number;
  /** Of those, cells whose second reading was kept. */
  taken: number;
  /** Cells in a column of figures whose text, either reading, has no figure's shape: kept as first read, flagged. */
  unshaped: { cell: GridCell; second: string }[];
}

/** Points of the page (y up) to pixels of the raster (y down). */
export type ToPixels = (x: number, y: number) => [number, number];

/**
 * Reads again, digits only, the cells of the page's tables that sit in a column of figures
 * (amount-shape.ts) below its first figure and are doubtful: their text has not the shape of
 * the column's figures, or a character of it was read below LOW_CONFIDENCE. All of a page's
 * crops go to Tesseract as one image, a crop a line. The second reading replaces the first when
 * it has the column's shape and the first has not, or both have and it is the more confident;
 * otherwise the first stays. Nothing is made up: a cell neither reading reads as a figure keeps
 * its first text and is returned as unshaped. Cells are changed in place (text and glyphs).
 * `deadline`: the Date.now() by which the page must be done.
 */
export async function rereadFigureCells(tables: readonly RuledTable[], raster: GrayImage, toPixels: ToPixels, deadline: number): Promise<Reread> {
  const doubtful: GridCell[] = [];
  const columnOf = new Map<GridCell, FigureColumn>();
  for (const t of tables) {
    const columns = figureColumns(t.cells);
    for (const cell of t.cells) {
      const column = cell.colspan === 1 ? columns.get(cell.col) : undefined;
      if (!column || cell.row < column.top || cell.text.trim() === '') continue;
      if (fitsColumn(cell.text, column) && confidence(cell.glyphs) >= LOW_CONFIDENCE) continue;
      doubtful.push(cell);
      columnOf.set(cell, column);
    }
  }
  const result: Reread = { read: doubtful.length, taken: 0, unshaped: [] };
  if (doubtful.length === 0) return result;
  const crops = doubtful.map((c) => cropCell(raster, c, toPixels));
  const seconds = await readCrops(crops, deadline);
  doubtful.forEach((cell, i) => {
    const column = columnOf.get(cell)!;
    const second = seconds[i]!;
    const firstFits = fitsColumn(cell.text, column);
    const secondFits = second.text !== '' && fitsColumn(second.text, column);
    if (secondFits && (!firstFits || second.confidence > confidence(cell.glyphs))) {
      replaceText(cell, second.text, second.confidence);
      result.taken++;
    } else if (!firstFits) result.unshaped.push({ cell, second: second.text });
  });
  return result;
}

/** The least confidence of a cell's glyphs (1 for printed text). */
function confidence(glyphs: readonly Glyph[]): number {
  let least = 1;
  for (const g of glyphs) if (g.confidence !== undefined && g.confidence < least) least = g.confidence;
  return least;
}

/** The cell's box cut from the raster: from rule to rule (the rules are erased, so white), trimmed to its ink, black and white. */
function cropCell(raster: GrayImage, cell: GridCell, toPixels: ToPixels): GrayImage {
  const [x0, y0] = toPixels(cell.box[0], cell.box[3]);
  const [x1, y1] = toPixels(cell.box[2], cell.box[1]);
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const right = Math.min(raster.width, Math.ceil(x1));
  const bottom = Math.min(raster.height, Math.ceil(y1));
  // the ink's box, so that a crop is a line of figures with the margin Tesseract likes
  let [il, it, ir, ib] = [right, bottom, left - 1, top - 1];
  for (let y = top; y < bottom; y++)
    for (let x = left; x < right; x++)
      if (raster.data[y * raster.width + x]! < BLACK) {
        if (x < il) il = x;
        if (x > ir) ir = x;
        if (y < it) it = y;
        if (y > ib) ib = y;
      }
  if (ir < il) return { width: 1, height: 1, data: new Uint8Array([255]) };
  const w = ir - il + 1;
  const h = ib - it + 1;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = raster.data[(it + y) * raster.width + il + x]! < BLACK ? 0 : 255;
  return { width: w, height: h, data };
}

/**
 * The crops read by one Tesseract call: stacked one under another on white, each read line
 * given back to the crop whose band holds its middle; words of one crop joined without spaces
 * (a figure has none), its confidence that of its least certain word.
 */
async function readCrops(crops: GrayImage[], deadline: number): Promise<{ text: string; confidence: number }[]> {
  const width = Math.max(...crops.map((c) => c.width)) + 2 * PAD;
  const bands: [number, number][] = [];
  let y = PAD;
  for (const c of crops) {
    bands.push([y, y + c.height]);
    y += c.height + GAP;
  }
  const height = y - GAP + PAD;
  const data = new Uint8Array(width * height).fill(255);
  crops.forEach((c, i) => {
    for (let r = 0; r < c.height; r++) data.set(c.data.subarray(r * c.width, (r + 1) * c.width), (bands[i]![0] + r) * width + PAD);
  });
  const words = await readWords({ width, height, data }, deadline - Date.now(), DIGITS_MODE);
  const byCrop: OcrWord[][] = crops.map(() => []);
  for (const w of words) {
    const mid = w.top + w.height / 2;
    const i = bands.findIndex(([a, b]) => mid >= a - GAP / 2 && mid < b + GAP / 2);
    if (i >= 0) byCrop[i]!.push(w);
  }
  return byCrop.map((ws) => {
    ws.sort((a, b) => a.left - b.left);
    return { text: ws.map((w) => w.text).join(''), confidence: ws.length ? Math.min(...ws.map((w) => w.confidence)) / 100 : 0 };
  });
}

/** The cell's text replaced by the second reading: its characters spread over the span of the first, as OCR glyphs are. */
function replaceText(cell: GridCell, text: string, conf: number): void {
  const first = cell.glyphs[0];
  const x0 = Math.min(...cell.glyphs.map((g) => g.x0));
  const x1 = Math.max(...cell.glyphs.map((g) => g.x1));
  const chars = Array.from(text);
  const step = (x1 - x0) / chars.length;
  cell.glyphs = chars.map((ch, i) => ({ ch, x0: x0 + i * step, x1: x0 + (i + 1) * step, y: first?.y ?? cell.box[1], size: first?.size ?? 10, spaceBefore: false, confidence: Math.round(conf * 100) / 100 }));
  cell.text = text;
}
