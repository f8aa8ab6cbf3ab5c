import type { Diagnostic } from '../model/index.js';
import { DocumentStopped, DocumentTimeout, inDocumentScope } from './document-scope.js';
import { extractDocumentAsync, type ExtractionResult, type ExtractOptions } from './extract-document.js';
import { oneLine } from './one-line.js';
import { contentFingerprint } from '../export/fingerprint.js';
import type { PackedDocument } from '../model/index.js';
import { packDocument } from '../store/pack-document.js';

/**
 * One document's extraction as the pools run it: in its own scope, so that errors its readers
 * raised and left unhandled are told on it (one warning) and on no other document, and an error
 * thrown out of the pipeline is a one-line reason.
 */
export async function extractIsolated(bytes: Uint8Array, options: ExtractOptions, watch: Parameters<typeof inDocumentScope>[1] = {}): Promise<ExtractionResult> {
  try {
    const { value, unhandled } = await inDocumentScope(() => extractDocumentAsync(bytes, options), watch);
    if (value.ok && unhandled.length > 0) value.document.diagnostics.push(unhandledWarning(unhandled));
    return value;
  } catch (e) {
    if (e instanceof DocumentTimeout || e instanceof DocumentStopped) return { ok: false, format: null, error: e.message };
    return { ok: false, format: null, error: `internal error: ${oneLine(e)}` };
  }
}

/** What the writer stores of one file: its Document packed into rows, with its content fingerprint, or the reason there is none. */
export type PackedResult = { ok: true; packed: PackedDocument; contentHash: string } | Extract<ExtractionResult, { ok: false }>;

/** extractIsolated, packed where it ran (a worker), so that the one writer only binds the rows. */
export async function extractPacked(bytes: Uint8Array, options: ExtractOptions, watch: Parameters<typeof inDocumentScope>[1] = {}): Promise<PackedResult> {
  return packResult(await extractIsolated(bytes, options, watch));
}

export function packResult(r: ExtractionResult): PackedResult {
  return r.ok ? { ok: true, packed: packDocument(r.document), contentHash: contentFingerprint(r.document) } : r;
}

function unhandledWarning(errors: string[]): Diagnostic {
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return { severity: 'warning', code: 'reader-unhandled-error', stage: 'extract', message: `the reader left an error unhandled: ${first}${more}` };
}
