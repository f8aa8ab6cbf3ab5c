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
  let name = s.normalize('NFC').trim().replace(/[\u0000-\u001f\u007f\\/:*?"<>|\s]+/g, '_');
  // no hidden files, no "_" left over at the ends; Windows drops trailing dots
  name = Array.from(name).slice(0, max).join('').replace(/^[._]+|[._]+$/g, '');
  if (!name) return '_';
  return RESERVED.test(name) ? `_${name}` : name;
}

/**
 * One CSV per table, named `<source basename>__<NN>_<title>.csv` (NN the table's order from 01):
 * the header paths joined with "/" on the first line, then the body rows as exported to JSON
 * (ragged rows stay ragged). UTF-8 with a BOM, so that Excel opens Chinese text correctly.
 * Documents come in source order; when two sources share a basename (also ignoring case, for
 * macOS and Windows), the later one gets its sha256's first 8 digits: `<basename>-<sha8>__…`.
 * Returns the files written.
 */
export function exportCsv(store: Store, outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const taken = new Set<string>();
  for (const info of store.listDocuments()) {
    const doc = store.readDocument(info.id);
    if (!doc || doc.tables.length === 0) continue;
    let base = safeFileName(path.posix.basename(info.source.replace(/\\/g, '/')).replace(/\.[^.]+$/, ''));
    if (taken.has(base.toLowerCase())) base = `${base}-${info.sha256.slice(0, 8) || info.id}`;
    for (let k = 2; taken.has(base.toLowerCase()); k++) base = `${base.replace(/~\d+$/, '')}~${k}`;
    taken.add(base.toLowerCase());
    for (const t of doc.tables) {
      const e = toExportTable(t);
      const name = `${base}__${String(t.order + 1).padStart(2, '0')}_${safeFileName(t.title ?? 'untitled')}.csv`;
      const file = path.join(outDir, name);
      fs.writeFileSync(file, '\ufeff' + toCsv([e.columns.map((p) => p.join('/')), ...e.rows]), 'utf8');
      written.push(file);
    }
  }
  return written;
}
