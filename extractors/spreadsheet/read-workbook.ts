import { createRequire } from 'node:module';
import type * as XLSXTypes from '@e965/xlsx';
import { readZipDirectory, readZipEntry, ZipError } from '../zip/read-zip.js';

let sheetjs: typeof XLSXTypes | null = null;
/**
 * SheetJS, loaded on first use: every worker thread imports the extractors, and loading it costs
 * ~200 ms and ~34 MB that a batch without workbooks need not pay. It ships CommonJS; required so
 * that tsx and the worker threads load the same build.
 */
function xlsx(): typeof XLSXTypes {
  return (sheetjs ??= createRequire(import.meta.url)('@e965/xlsx') as typeof XLSXTypes);
}

/** How errors name a password-protected workbook. */
export const ENCRYPTED_WORKBOOK = 'encrypted workbook';

/** Why a workbook cannot be read; the message is the per-document error. */
export class SpreadsheetError extends Error {}

/** The largest part of an .xlsx package gongkai inflates (one sheet's XML). */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** The most a whole .xlsx package may inflate to. */
export const MAX_PACKAGE_BYTES = 256 * 1024 * 1024;
/** Rows read per sheet: a printed budget table has hundreds; more is a sheet of junk (1 M empty rows). */
export const MAX_SHEET_ROWS = 100_000;
/** Columns kept per sheet (XFD is 16,384; a printed table has tens). */
export const MAX_SHEET_COLS = 1_000;
/** Cells kept over the whole workbook, so 200 sheets cost bounded memory too. */
export const MAX_WORKBOOK_CELLS = 5_000_000;

/** One cell as the workbook stores it: the displayed text (number format applied), and its formula. */
export interface SheetCell {
  /** A1 reference, e.g. `C7`. */
  ref: string;
  /** What the sheet shows: the number format applied to the stored value (`1,234.50`, `61.73%`); "" when empty. */
  text: string;
  /** The number stored in a number cell (`text` is it formatted: 0.125 shows as `12.50%`); not for dates. */
  number?: number;
  /** The formula, when the cell has one (its cached result is `text`; never recomputed). */
  formula?: string;
  /** A formula cell saved without a cached result. */
  noCachedValue?: boolean;
}

/** A merged range, 0-based inclusive. */
export interface CellRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** One worksheet: its cells by row (sparse: `cells[r]?.[c]`), merges, and what is hidden. */
export interface SheetGrid {
  name: string;
  /** The sheet is hidden (or very hidden) in the workbook. */
  hidden: boolean;
  /** Rows up to the last one holding a cell (trailing empty rows are not counted). */
  nRows: number;
  nCols: number;
  cells: (SheetCell | undefined)[][];
  /** How many cells hold something (`cells` is sparse: a row's length is its last filled column). */
  filled: number;
  merges: CellRange[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  /** More rows or columns than the limits: the rest was not read. */
  truncated: boolean;
}

/** A column's letters (`0` → `A`, `27` → `AB`), as SheetJS names them. */
export const colName = (c: number): string => xlsx().utils.encode_col(c);

/** A cell's A1 reference from 0-based row and column (`C7`). */
export const cellRef = (r: number, c: number): string => xlsx().utils.encode_cell({ r, c });

/** The columns of a sheet that are printed (not hidden), in order. */
export function visibleColumns(sheet: SheetGrid): number[] {
  const cols: number[] = [];
  for (let c = 0; c < sheet.nCols; c++) if (!sheet.hiddenCols.has(c)) cols.push(c);
  return cols;
}

/**
 * A workbook's sheets in workbook order. .xlsx packages are checked with gongkai's own zip
 * reader first — every part inflated under the limits, sizes and CRCs verified — because
 * SheetJS inflates without a limit (a zip bomb would take the process's memory). Throws
 * SpreadsheetError for encrypted, broken or oversized workbooks.
 */
export function readWorkbook(bytes: Uint8Array, format: 'xlsx' | 'xls'): SheetGrid[] {
  if (format === 'xlsx') checkPackage(bytes);
  let wb: XLSXTypes.WorkBook;
  try {
    wb = xlsx().read(bytes, {
      type: 'buffer',
      dense: true,
      cellFormula: true,
      cellNF: true,
      cellStyles: true,
      cellHTML: false,
      cellDates: false,
      sheetRows: MAX_SHEET_ROWS + 1,
    });
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    if (/password|encrypt/i.test(message)) throw new SpreadsheetError(`${ENCRYPTED_WORKBOOK} — the .${format} opens only with its password: give it with --password, or save an unprotected copy`);
    throw new SpreadsheetError(`unreadable .${format} workbook: ${message.split('\n')[0]}`);
  }
  const states = wb.Workbook?.Sheets ?? [];
  let budget = MAX_WORKBOOK_CELLS;
  return wb.SheetNames.map((name, i) => {
    // by name: a decrypted .xls keeps its FilePass record as a record of type 0, which SheetJS reads
    // as a BIFF2 DIMENSIONS record and so lists one more sheet state, first
    const state = states.find((s) => s.name === name) ?? states[i];
    // a damaged package can list a sheet whose part SheetJS did not find (a fuzzed byte in its name)
    const ws = wb.Sheets[name];
    if (!ws) throw new SpreadsheetError(`unreadable .${format} workbook: sheet "${name}" is listed but its contents are missing`);
    const grid = readSheet(name, ws, (state?.Hidden ?? 0) !== 0, budget);
    budget -= grid.filled;
    return grid;
  });
}

/** Refuses an .xlsx whose parts inflate past the limits or lie about their sizes (read-zip checks both). */
function checkPackage(bytes: Uint8Array): void {
  try {
    const entries = readZipDirectory(bytes);
    let total = 0;
    for (const entry of entries.values()) {
      total += entry.uncompressedSize;
      if (total > MAX_PACKAGE_BYTES) throw new ZipError(`the package declares more than ${MAX_PACKAGE_BYTES} bytes uncompressed — refused as a possible zip bomb`);
    }
    for (const entry of entries.values()) readZipEntry(bytes, entry, MAX_PART_BYTES);
  } catch (e) {
    if (e instanceof ZipError) throw new SpreadsheetError(`unreadable .xlsx: ${e.message}`);
    throw e;
  }
}

function readSheet(name: string, ws: XLSXTypes.WorkSheet, hidden: boolean, budget: number): SheetGrid {
  const data = (ws['!data'] ?? []) as (XLSXTypes.CellObject | undefined)[][];
  const cells: (SheetCell | undefined)[][] = [];
  let nRows = 0;
  let nCols = 0;
  // SheetJS stops at sheetRows: rows past the limit show as a longer data or row-property list, or a !fullref
  const full = ws['!fullref'] ? xlsx().utils.decode_range(ws['!fullref']) : null;
  let truncated = data.length > MAX_SHEET_ROWS || (ws['!rows']?.length ?? 0) > MAX_SHEET_ROWS || (full !== null && full.e.r >= MAX_SHEET_ROWS);
  let kept = 0;
  for (let r = 0; r < Math.min(data.length, MAX_SHEET_ROWS); r++) {
    const row = data[r];
    if (!row) continue;
    if (row.length > MAX_SHEET_COLS) truncated = true;
    for (let c = 0; c < Math.min(row.length, MAX_SHEET_COLS); c++) {
      const cell = row[c];
      if (!cell) continue;
      const read = readCell(cell, cellRef(r, c));
      if (read.text === '' && !read.formula) continue; // styled but empty: not content
      if (kept++ >= budget) throw new SpreadsheetError(`workbook with more than ${MAX_WORKBOOK_CELLS} filled cells — refused`);
      (cells[r] ??= [])[c] = read;
      nRows = Math.max(nRows, r + 1);
      nCols = Math.max(nCols, c + 1);
    }
  }
  const merges = (ws['!merges'] ?? [])
    .map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }))
    .filter((m) => m.r0 < MAX_SHEET_ROWS && m.c0 < MAX_SHEET_COLS && (m.r1 > m.r0 || m.c1 > m.c0));
  const hiddenRows = new Set<number>();
  (ws['!rows'] ?? []).forEach((info, r) => {
    if (info?.hidden && r < MAX_SHEET_ROWS) hiddenRows.add(r);
  });
  const hiddenCols = new Set<number>();
  (ws['!cols'] ?? []).forEach((info, c) => {
    if (info?.hidden && c < MAX_SHEET_COLS) hiddenCols.add(c);
  });
  return { name, hidden, nRows, nCols, cells, filled: kept, merges, hiddenRows, hiddenCols, truncated };
}

/** The displayed text (`w`: SheetJS applies the cell's number format), or the stored value when there is none; a number cell's number. */
function readCell(cell: XLSXTypes.CellObject, ref: string): SheetCell {
  const formula = typeof cell.f === 'string' && cell.f !== '' ? cell.f : undefined;
  const hasValue = cell.v !== undefined && cell.v !== null && cell.t !== 'z';
  let text = '';
  if (hasValue) text = typeof cell.w === 'string' ? cell.w : cell.t === 'e' ? String(cell.w ?? '#ERROR') : String(cell.v);
  const out: SheetCell = { ref, text };
  // a date is stored as a day count; what it means is its text, not that number
  if (cell.t === 'n' && typeof cell.v === 'number' && Number.isFinite(cell.v) && text !== '' && !(typeof cell.z === 'string' && xlsx().SSF.is_date(cell.z))) out.number = cell.v;
  if (formula) out.formula = formula;
  if (formula && !hasValue) out.noCachedValue = true;
  return out;
}
