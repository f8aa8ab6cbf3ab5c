import type { Glyph } from '../page-content.js';
import type { GridCell, PageTable } from '../ruled-tables.js';
import { figureColumns, fitsColumn, type FigureColumn } from './amount-shape.js';
import { scaleImage, type GrayImage } from './gray-image.js';
import { LOW_CONFIDENCE } from './ocr-confidence.js';
import { readWords, type OcrWord, type ReadMode } from './read-words.js';

/**
 * The second reading: digits only, one line each. Tesseract's English model with a whitelist
 * reads a short figure that the Chinese model, free to choose among thousands of characters,
 * takes for Chinese (`2.27` → `交过区`) or reads without its point.
 */
export const DIGITS_MODE: ReadMode = { lang: 'eng', psm: 6, whitelist: '0123456789.,-' };

/**
 * The crops are read at these sizes, one Tesseract call each: how well it reads a small figure
 * swings with the size of its glyphs (a crisp `55.13` 28 px high read as `59.13`, and as `55.13`
 * at half the size), so the readings vote.
 */
const SCALES = [1, 0.5, 0.75];

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
export async function rereadFigureCells(tables: readonly PageTable[], raster: GrayImage, toPixels: ToPixels, deadline: number): Promise<Reread> {
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
  const readings: Reading[][] = doubtful.map(() => []);
  for (const scale of SCALES) (await readCrops(crops.map((c) => (scale === 1 ? c : scaleImage(c, scale))), deadline, scale)).forEach((r, i) => readings[i]!.push(r));
  doubtful.forEach((cell, i) => {
    const column = columnOf.get(cell)!;
    const first: Reading = { text: cell.text.trim(), confidence: confidence(cell.glyphs) };
    const best = vote([first, ...readings[i]!].filter((r) => r.text !== '' && fitsColumn(r.text, column)));
    if (best && best.text !== first.text) {
      replaceText(cell, best.text, best.confidence);
      result.taken++;
    } else if (!best) result.unshaped.push({ cell, second: readings[i]![0]!.text });
  });
  return result;
}

/** A cell's text as one reading gave it, with its confidence (0–1). */
interface Reading {
  text: string;
  confidence: number;
}

/** Of the readings that fit the column, the text most of them gave; between texts given as often, the one read with the most confidence. */
function vote(fitting: Reading[]): Reading | null {
  const byText = new Map<string, Reading[]>();
  for (const r of fitting) byText.set(r.text, [...(byText.get(r.text) ?? []), r]);
  let best: Reading[] | null = null;
  for (const rs of byText.values()) if (!best || rs.length > best.length || (rs.length === best.length && Math.max(...rs.map((r) => r.confidence)) > Math.max(...best.map((r) => r.confidence)))) best = rs;
  return best ? { text: best[0]!.text, confidence: Math.max(...best.map((r) => r.confidence)) } : null;
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
async function readCrops(crops: GrayImage[], deadline: number, scale: number): Promise<Reading[]> {
  const pad = Math.round(PAD * scale);
  const gap = Math.round(GAP * scale);
  const width = Math.max(...crops.map((c) => c.width)) + 2 * pad;
  const bands: [number, number][] = [];
  let y = pad;
  for (const c of crops) {
    bands.push([y, y + c.height]);
    y += c.height + gap;
  }
  const height = y - gap + pad;
  const data = new Uint8Array(width * height).fill(255);
  crops.forEach((c, i) => {
    for (let r = 0; r < c.height; r++) data.set(c.data.subarray(r * c.width, (r + 1) * c.width), (bands[i]![0] + r) * width + pad);
  });
  const words = await readWords({ width, height, data }, deadline - Date.now(), DIGITS_MODE);
  const byCrop: OcrWord[][] = crops.map(() => []);
  for (const w of words) {
    const mid = w.top + w.height / 2;
    const i = bands.findIndex(([a, b]) => mid >= a - gap / 2 && mid < b + gap / 2);
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
