import type { Diagnostic } from '../model/index.js';
import { DocumentStopped, DocumentTimeout, inDocumentScope } from './document-scope.js';
import { extractDocumentAsync, type ExtractionResult, type ExtractOptions } from './extract-document.js';
import { oneLine } from './one-line.js';

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

function unhandledWarning(errors: string[]): Diagnostic {
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return { severity: 'warning', code: 'reader-unhandled-error', stage: 'extract', message: `the reader left an error unhandled: ${first}${more}` };
}
