import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../store/index.js';
import { bodyRows } from './export-json.js';

/** RFC 4180 field: quoted when it holds a quote, comma or line break. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A name that is safe as a file name on every system, keeping CJK. */
function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80);
}

/**
 * One CSV per table: the header paths joined with "/" on the first line, then the body rows.
 * UTF-8 with a BOM, so that spreadsheet programs open Chinese text correctly. Returns the files written.
 */
export function exportCsv(store: Store, outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const info of store.listDocuments()) {
    const doc = store.readDocument(info.id);
    if (!doc) continue;
    const base = safeName(path.basename(info.source).replace(/\.[^.]+$/, ''));
    for (const t of doc.tables) {
      const file = path.join(outDir, `${base}__${String(t.order + 1).padStart(2, '0')}_${safeName(t.title ?? 'untitled')}.csv`);
      const lines = [t.columns.map((c) => c.path.join('/')), ...bodyRows(t)].map((r) => r.map(csvField).join(','));
      fs.writeFileSync(file, '\ufeff' + lines.join('\r\n') + '\r\n');
      written.push(file);
    }
  }
  return written;
}
