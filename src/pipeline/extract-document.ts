import * as extractors from '../../extractors/index.js';
import type { Extraction } from '../../extractors/index.js';
import type { Document, InputFormat } from '../model/index.js';
import { notADisclosure } from '../domain/disclosure-shape.js';
import { enrichDocument } from '../domain/enrich-document.js';
import { NORMALIZE_VOCABULARY } from '../domain/normalize-vocabulary.js';
import { normalizeDocument } from '../normalize/normalize-document.js';
import { reportStage } from './document-scope.js';

export type { ExtractOptions } from '../../extractors/index.js';

/** The outcome for one file: a Document, or the reason there is none. */
export type ExtractionResult =
  | { ok: true; document: Document }
  | { ok: false; format: InputFormat | null; error: string };

/**
 * One document's whole journey from bytes to a canonical Document: read by its extractor
 * (extractors/index.ts), normalised, enriched. Pure: no I/O, no shared state, so it can run in a
 * worker or on another machine. The pipeline's entry, for every format.
 */
export async function extractDocumentAsync(bytes: Uint8Array, options: extractors.ExtractOptions = {}): Promise<ExtractionResult> {
  return toDocument(await extractors.extractDocument(bytes, options, reportStage));
}

/** extractDocumentAsync for the formats read synchronously (every one but PDF, no password): for tests and tools. */
export function extractDocument(bytes: Uint8Array): ExtractionResult {
  return toDocument(extractors.extractDocumentSync(bytes, reportStage));
}

function toDocument(read: Extraction): ExtractionResult {
  if (!read.ok) return read;
  reportStage('normalize');
  const work = normalizeDocument(read.raw, NORMALIZE_VOCABULARY);
  reportStage('enrich');
  const document = enrichDocument(work);
  if (document.tables.length === 0) return { ok: false, format: read.format, error: 'not a disclosure: no tables found' };
  // any text with tabs and numbers looks like a table: a text file is a disclosure only when a table of it is a budget's
  const reason = isText(read.format) ? notADisclosure(document) : null;
  return reason ? { ok: false, format: read.format, error: `not a disclosure: ${reason}` } : { ok: true, document };
}

const isText = (format: InputFormat) => format === 'word-text' || format === 'pdf-text';
