import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { extractDocx } from '../../extractors/docx/extract-docx.js';
import { readSheetViews, type SheetView } from '../../extractors/spreadsheet/sheet-view.js';
import { decodeText } from '../../extractors/text/decode-text.js';
import { splitLines } from '../../extractors/text/lines.js';
import type { RawBlock } from '../model/index.js';
import type { StoredDocumentInfo } from '../store/index.js';

/** A PDF larger than this is not embedded in the page (the browser would have to hold it twice). */
const MAX_EMBEDDED_PDF_BYTES = 64 * 1024 * 1024;
const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/**
 * What the left side of a document page shows: the decoded source lines (offsets as the
 * extractors counted them), the PDF's bytes for pdfjs, a workbook's sheets as printed, or why
 * the source cannot be shown.
 * `changed` is set when the file's bytes are no longer those that were extracted.
 */
export type SourceView =
  | { kind: 'text'; path: string; lines: { line: number; offset: number; text: string }[]; changed: boolean }
  | { kind: 'pdf'; path: string; base64: string; changed: boolean }
  | { kind: 'docx'; path: string; blocks: RawBlock[]; changed: boolean }
  | { kind: 'sheet'; path: string; sheets: SheetView[]; changed: boolean }
  | { kind: 'unavailable'; path: string; reason: string };

/** Reads a stored document's source file for display; never throws (a missing file is a reason, not an error). */
export function readSourceView(info: Pick<StoredDocumentInfo, 'source' | 'sha256' | 'format'>, root: string, allowedRoots?: string[]): SourceView {
  const file = path.resolve(root, info.source);
  let bytes: Buffer;
  try {
    // a source that is (or passes through) a link to a file outside the folders the runs were
    // given is not shown: a corpus link to /etc/passwd must not put that file in a page
    if (allowedRoots) {
      const real = fs.realpathSync(file);
      if (!allowedRoots.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep))) {
        return { kind: 'unavailable', path: file, reason: 'not shown: the source resolves to a file outside the folders the runs read (a link pointing out of them)' };
      }
    }
    const size = fs.statSync(file).size;
    if (size > Math.max(MAX_TEXT_BYTES, MAX_EMBEDDED_PDF_BYTES)) return { kind: 'unavailable', path: file, reason: `file too large to show (${size} bytes)` };
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { kind: 'unavailable', path: file, reason: `cannot read the source file: ${code}` };
  }
  const changed = crypto.createHash('sha256').update(bytes).digest('hex') !== info.sha256;
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { kind: 'pdf', path: file, base64: bytes.toString('base64'), changed };
  if (info.format === 'xlsx' || info.format === 'xls') {
    try {
      return { kind: 'sheet', path: file, sheets: readSheetViews(bytes, info.format), changed };
    } catch (e) {
      return { kind: 'unavailable', path: file, reason: `the workbook cannot be read: ${(e as Error).message}` };
    }
  }
  if (info.format === 'docx' || bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    try {
      return { kind: 'docx', path: file, blocks: extractDocx(bytes).blocks, changed };
    } catch (e) {
      return { kind: 'unavailable', path: file, reason: `the .docx cannot be read: ${(e as Error).message}` };
    }
  }
  try {
    return { kind: 'text', path: file, lines: splitLines(decodeText(bytes).text), changed };
  } catch (e) {
    return { kind: 'unavailable', path: file, reason: `not shown as text: ${(e as Error).message}` };
  }
}
