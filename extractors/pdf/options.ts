import { changedTableSettings, TableSettings } from '../../src/model/table-settings.js';
import type { TableMethod } from './page-tables.js';

/** What to read of a PDF, as tabula's `-p`, `-a`, `-s` and `-l`/`-t`: pages, an area, the password and how tables are found. */
export interface PdfOptions {
  /** 1-based page numbers to read, in any order; all pages when absent. */
  pages?: number[];
  /** The part of each page to read: top, left, bottom, right in points from the page's top left. */
  area?: [number, number, number, number];
  /** The user (or owner) password of an encrypted PDF. */
  password?: string;
  /** `lattice` (ruling lines), `stream` (text alignment) or `auto` (the default: rules where a page has them, see page-tables.ts). */
  method?: TableMethod;
  /** Which pages are read by OCR: `auto` (the default) those without a text layer, `force` every page, `off` none. */
  ocr?: OcrMode;
  /** Thresholds of the table code that differ from their defaults (src/model/table-settings.ts, `--table-settings`). */
  tableSettings?: Partial<TableSettings>;
  /** The longest one page may take to be read by OCR, in seconds (`--ocr-timeout`; 120 unless told): a page past it is an error on that page. */
  ocrTimeout?: number;
}

/** `--ocr-timeout` takes seconds from 1 to an hour. */
export function parseOcrTimeout(spec: string): number {
  const s = Number(spec);
  if (!(Number.isFinite(s) && s >= 1 && s <= 3600)) throw new PdfOptionError(`bad OCR timeout "${spec}" (expected seconds from 1 to 3600)`);
  return s;
}

/** When pages are read by OCR (`--ocr`). */
export type OcrMode = 'auto' | 'force' | 'off';

/** The modes `--ocr` takes. */
export const OCR_MODES: readonly OcrMode[] = ['auto', 'force', 'off'];

/** Checks an `--ocr` value. */
export function parseOcrMode(spec: string): OcrMode {
  const m = OCR_MODES.find((t) => t === spec);
  if (!m) throw new PdfOptionError(`bad ocr mode "${spec}" (expected ${OCR_MODES.join(', ')})`);
  return m;
}

/** The table methods `--method` takes. */
export const TABLE_METHODS: readonly TableMethod[] = ['lattice', 'stream', 'auto'];

/** Checks a `--method` value. */
export function parseMethod(spec: string): TableMethod {
  const m = TABLE_METHODS.find((t) => t === spec);
  if (!m) throw new PdfOptionError(`bad method "${spec}" (expected ${TABLE_METHODS.join(', ')})`);
  return m;
}

/** Bad `--pages` / `--area` values. */
export class PdfOptionError extends Error {
  override name = 'PdfOptionError';
}

/** Parses `1-3,7` into [1, 2, 3, 7] (sorted, no repeats). */
export function parsePageRanges(spec: string): number[] {
  const pages = new Set<number>();
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) throw new PdfOptionError(`bad page range "${part}" (expected e.g. 1-3,7)`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from) throw new PdfOptionError(`bad page range "${part}" (pages count from 1, ranges go up)`);
    if (to - from > 100000) throw new PdfOptionError(`page range "${part}" is too large`);
    for (let p = from; p <= to; p++) pages.add(p);
  }
  if (pages.size === 0) throw new PdfOptionError('empty page list');
  return [...pages].sort((a, b) => a - b);
}

/** Parses `top,left,bottom,right` in points. */
export function parseArea(spec: string): [number, number, number, number] {
  const parts = spec.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) throw new PdfOptionError(`bad area "${spec}" (expected top,left,bottom,right in points)`);
  const [top, left, bottom, right] = parts as [number, number, number, number];
  if (bottom <= top || right <= left) throw new PdfOptionError(`bad area "${spec}": bottom must be below top and right beyond left`);
  return [top, left, bottom, right];
}

/**
 * Reads `--table-settings`: a JSON object (`{"snapTolerancePt": 3}`) or the path of a file that
 * holds one. Unknown keys and values out of range are refused in one line; the keys not given
 * keep their defaults (only the values that differ from a default are returned: those decide).
 */
export function parseTableSettings(spec: string, readFile: (path: string) => string): Partial<TableSettings> {
  const text = /^\s*[{[]/u.test(spec) ? spec : readSettingsFile(spec, readFile);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new PdfOptionError(`bad table settings: not JSON (${(e as Error).message})`);
  }
  const parsed = TableSettings.partial().safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    const keys = issue.code === 'unrecognized_keys' ? ` (known: ${Object.keys(TableSettings.shape).join(', ')})` : '';
    throw new PdfOptionError(`bad table settings: ${where}${issue.message}${keys}`);
  }
  return changedTableSettings(parsed.data);
}

function readSettingsFile(file: string, readFile: (path: string) => string): string {
  try {
    return readFile(file);
  } catch (e) {
    throw new PdfOptionError(`bad table settings: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
