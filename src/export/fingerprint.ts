import { createHash } from 'node:crypto';
import type { Document } from '../model/index.js';
import { toExportTable } from './export-json.js';

/**
 * What a disclosure says, whatever file it came in: its org, year, 预算/决算 and its tables as
 * exported (title, kind, unit, header paths, rows), without where they were printed. The same
 * disclosure as .txt, .docx and .pdf has one fingerprint when the readings agree; the store marks
 * the later ones `duplicate_of` the first.
 */
export function contentFingerprint(doc: Document): string {
  const tables = doc.tables.map((t) => {
    const { source: _, ...printed } = toExportTable(t);
    return printed;
  });
  return createHash('sha256').update(JSON.stringify({ org: doc.org, year: doc.year, docKind: doc.docKind, tables })).digest('hex');
}
