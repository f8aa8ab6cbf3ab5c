import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../store/index.js';
import { toExportTable } from './export-json.js';

/** RFC 4180 field: quoted (inner quotes doubled) when it holds a quote, comma, CR or LF. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 text: one record per line, CRLF line ends, a CRLF after the last record too. */
export function toCsv(records: string[][]): string {
  return records.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

// Windows refuses these as file names, with any extension
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file-name part that is safe on Windows, macOS and Linux: no path separators, reserved or
 * control characters, white space runs as one "_", at most `max` characters (CJK kept whole).
 */
export function safeFileName(s: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a file name must not hold
  let name = s.normalize('NFC').trim().replace(/[\u0000-\u001f\u007f\\/:*?"<>|\s]+/g, '_');
  // no hidden files, no "_" left over at the ends; Windows drops trailing dots
  name = Array.from(name).slice(0, max).join('').replace(/^[._]+|[._]+$/g, '');
  if (!name) return '_';
  return RESERVED.test(name) ? `_${name}` : name;
}

/** What `exportCsv` refuses to do: replace a folder that is not one of its own exports. */
export class CsvExportError extends Error {
  override name = 'CsvExportError';
}

/** The index every CSV export writes beside the tables: which file holds which table of which document. */
export const CSV_INDEX = 'tables.csv';
const INDEX_COLUMNS = ['file', 'source', 'sha256', 'table', 'title', 'kind', 'unit', 'rows', 'columns'];

// file names stay far below the 255 bytes file systems allow, whatever the script: a CJK character is 3 bytes of UTF-8
const STEM_BYTES = 40;
const TITLE_BYTES = 45;

/**
 * One CSV per table, named `<stem>__<NN>_<title>.csv` (NN the table's order from 01), and an index
 * `tables.csv` (file, source, sha256, table, title, kind, unit, rows, columns). Each CSV: the
 * header paths joined with "/" on the first line, then the body rows as exported to JSON (ragged
 * rows stay ragged); UTF-8 with a BOM, so that Excel opens Chinese text correctly. The stem is the
 * source's basename and the title cut to a few dozen bytes (a long Chinese file name gives a
 * name the file system takes); when two stems are the same (also ignoring case, for macOS and
 * Windows), the later one gets its sha256's first 8 digits: `<stem>-<sha8>__…`. Documents come in
 * source order.
 *
 * Never a partial export: the files are written into a new folder beside `outDir`, which then
 * takes its place. An existing `outDir` is replaced only when it is empty or an earlier CSV
 * export (it has a `tables.csv`), never a folder of other files. Returns the files written.
 */
export function exportCsv(store: Store, outDir: string): string[] {
  const target = path.resolve(outDir);
  if (fs.existsSync(target) && !isReplaceable(target)) {
    throw new CsvExportError(`${outDir} exists and is not an earlier CSV export (no ${CSV_INDEX}); give a new or empty folder`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = fs.mkdtempSync(`${target}.tmp-`);
  try {
    const names = writeTables(store, tmp);
    const old = fs.existsSync(target) ? `${tmp}-old` : null;
    if (old) fs.renameSync(target, old);
    fs.renameSync(tmp, target);
    if (old) fs.rmSync(old, { recursive: true, force: true });
    return names.map((n) => path.join(outDir, n));
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

function isReplaceable(dir: string): boolean {
  if (!fs.statSync(dir).isDirectory()) return false;
  const entries = fs.readdirSync(dir);
  return entries.length === 0 || entries.includes(CSV_INDEX);
}

/** Writes every table and the index into `dir`; returns the tables' file names. */
function writeTables(store: Store, dir: string): string[] {
  const written: string[] = [];
  const index: string[][] = [INDEX_COLUMNS];
  const taken = new Set<string>();
  for (const info of store.listDocuments()) {
    const doc = store.readDocument(info.id);
    if (!doc || doc.tables.length === 0) continue;
    let base = shortName(path.posix.basename(info.source.replace(/\\/g, '/')).replace(/\.[^.]+$/, ''), STEM_BYTES);
    if (taken.has(base.toLowerCase())) base = `${base}-${info.sha256.slice(0, 8) || info.id}`;
    for (let k = 2; taken.has(base.toLowerCase()); k++) base = `${base.replace(/~\d+$/, '')}~${k}`;
    taken.add(base.toLowerCase());
    for (const t of doc.tables) {
      const e = toExportTable(t);
      const name = `${base}__${String(t.order + 1).padStart(2, '0')}_${shortName(t.title ?? 'untitled', TITLE_BYTES)}.csv`;
      fs.writeFileSync(path.join(dir, name), '\ufeff' + toCsv([e.columns.map((p) => p.join('/')), ...e.rows]), 'utf8');
      written.push(name);
      index.push([name, info.source, info.sha256, String(t.order + 1), t.title ?? '', t.kind, t.unit ?? '', String(e.rows.length), String(e.columns.length)]);
    }
  }
  fs.writeFileSync(path.join(dir, CSV_INDEX), '\ufeff' + toCsv(index), 'utf8');
  return written;
}

/** A safe file-name part of at most `maxBytes` bytes of UTF-8, cut between characters. */
export function shortName(s: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of safeFileName(s, Number.MAX_SAFE_INTEGER)) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > maxBytes) break;
    out += ch;
  }
  // a cut may leave a "_" or "." at the end, or a name Windows reserves (com1…)
  const cut = out.replace(/[._]+$/g, '') || '_';
  return RESERVED.test(cut) ? `_${cut}` : cut;
}
