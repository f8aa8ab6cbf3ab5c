import { DOCX_EXTRACTOR, DocxError, extractDocx } from '../../extractors/docx/extract-docx.js';
import { classifyOle, convertDocToDocx } from '../../extractors/docx/legacy-doc.js';
import { decryptOffice, isEncryptedOffice, OfficeDecryptError } from '../../extractors/office-crypto/decrypt-office.js';
import type { PdfOptions } from '../../extractors/pdf/options.js';
import { PDF_EXTRACTOR } from '../../extractors/pdf/version.js';
import { extractSpreadsheet, SPREADSHEET_EXTRACTOR, SpreadsheetError } from '../../extractors/spreadsheet/extract-spreadsheet.js';
import { ENCRYPTED_WORKBOOK } from '../../extractors/spreadsheet/read-workbook.js';
import { extractPdfText, PDF_TEXT_EXTRACTOR } from '../../extractors/pdf-text/extract-pdf-text.js';
import { extractWordText, WORD_TEXT_EXTRACTOR } from '../../extractors/word-text/extract-word-text.js';
import { decodeText, NotTextError } from '../../extractors/text/decode-text.js';
import { replacedByteDiagnostics } from '../../extractors/text/replaced-bytes.js';
import type { Document, InputFormat, RawDocument } from '../model/index.js';
import { notADisclosure } from '../domain/disclosure-shape.js';
import { enrichDocument } from '../domain/enrich-document.js';
import { normalizeDocument } from '../normalize/normalize-document.js';
import { reportStage } from './document-scope.js';
import { ENCRYPTED_OOXML, sniffBytes, sniffContainer, sniffTextFormat } from './sniff.js';

/** The extractors this build has, by format, with the version that decides re-extraction. */
export const EXTRACTORS: Partial<Record<InputFormat, { name: string; version: string }>> = {
  'word-text': WORD_TEXT_EXTRACTOR,
  'pdf-text': PDF_TEXT_EXTRACTOR,
  pdf: PDF_EXTRACTOR,
  docx: DOCX_EXTRACTOR,
  // a legacy .doc is converted to .docx by LibreOffice and read by the docx extractor
  doc: DOCX_EXTRACTOR,
  xlsx: SPREADSHEET_EXTRACTOR,
  xls: SPREADSHEET_EXTRACTOR,
};

/** The outcome for one file: a Document, or the reason there is none. */
export type ExtractionResult =
  | { ok: true; document: Document }
  | { ok: false; format: InputFormat | null; error: string };

/** The format of a file by content, without extracting it (for `--only-format`). */
export function detectFormat(bytes: Uint8Array): InputFormat | null {
  const kind = sniffBytes(bytes);
  if (kind === 'pdf') return 'pdf';
  if (kind === 'zip' || kind === 'ole') return sniffContainer(bytes, kind).format;
  if (kind !== 'text-or-binary') return null;
  try {
    return sniffTextFormat(decodeText(bytes).text);
  } catch {
    return null;
  }
}

/**
 * One document's whole journey from bytes to a canonical Document. Pure: no I/O, no shared
 * state, so it can run in a worker or on another machine.
 */
export function extractDocument(bytes: Uint8Array): ExtractionResult {
  reportStage('sniff');
  const kind = sniffBytes(bytes);
  if (kind === 'empty') return { ok: false, format: null, error: 'empty file' };
  if (kind === 'pdf') return { ok: false, format: 'pdf', error: 'PDF files are not supported yet' };
  if (kind === 'zip' || kind === 'ole') return extractContainer(bytes, kind);
  let decoded: ReturnType<typeof decodeText>;
  try {
    decoded = decodeText(bytes);
  } catch (e) {
    if (e instanceof NotTextError) return { ok: false, format: null, error: `not a disclosure: ${e.message}` };
    throw e;
  }
  const format = sniffTextFormat(decoded.text);
  if (format === null) return { ok: false, format: null, error: 'not a disclosure: text without any table rows' };
  reportStage(`read ${format}`);
  const raw = format === 'pdf-text' ? extractPdfText(decoded.text, decoded.encoding) : extractWordText(decoded.text, decoded.encoding);
  raw.diagnostics.unshift(...replacedByteDiagnostics(decoded.text, decoded.replaced ?? []));
  const result = normalized(raw, format);
  // any text with tabs and numbers looks like a table: a text file is a disclosure only when a table of it is a budget's
  const reason = result.ok ? notADisclosure(result.document) : null;
  return reason ? { ok: false, format, error: `not a disclosure: ${reason}` } : result;
}

/** A .docx (or a legacy .doc, converted first), an .xlsx or .xls workbook; another container fails with its reason. */
function extractContainer(bytes: Uint8Array, kind: 'zip' | 'ole'): ExtractionResult {
  const container = sniffContainer(bytes, kind);
  if (container.format === null) return { ok: false, format: null, error: container.error };
  reportStage(`read ${container.format}`);
  if (container.format === 'xlsx' || container.format === 'xls') {
    try {
      return normalized(extractSpreadsheet(bytes, container.format), container.format);
    } catch (e) {
      if (e instanceof SpreadsheetError) return { ok: false, format: container.format, error: e.message };
      throw e;
    }
  }
  try {
    const docx = container.format === 'doc' ? convertDocToDocx(bytes) : bytes;
    return normalized(extractDocx(docx, container.format), container.format);
  } catch (e) {
    if (e instanceof DocxError) return { ok: false, format: container.format, error: e.message };
    throw e;
  }
}

function normalized(raw: RawDocument, format: InputFormat): ExtractionResult {
  reportStage('normalize');
  const work = normalizeDocument(raw);
  reportStage('enrich');
  const document = enrichDocument(work);
  if (document.tables.length === 0) return { ok: false, format, error: 'not a disclosure: no tables found' };
  return { ok: true, document };
}

/**
 * The pipeline's entry: every format, including those whose readers are asynchronous (PDF via
 * pdfjs-dist). Text formats go through the synchronous extractDocument.
 */
export async function extractDocumentAsync(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractionResult> {
  if (sniffBytes(bytes) === 'pdf') {
    reportStage('read pdf');
    // loaded with the first PDF: pdfjs-dist takes ~0.3 s of CPU to load, which a run without PDFs need not pay
    const { extractPdf, PdfError } = await import('../../extractors/pdf/extract-pdf.js');
    try {
      return normalized(await extractPdf(bytes, options), 'pdf');
    } catch (e) {
      if (e instanceof PdfError) return { ok: false, format: 'pdf', error: e.message };
      throw e;
    }
  }
  if (options.password !== undefined && sniffBytes(bytes) === 'ole') {
    const decrypted = await extractEncrypted(bytes, options.password);
    if (decrypted) return decrypted;
  }
  return extractDocument(bytes);
}

/**
 * A password-protected .xlsx/.docx or an encrypted .xls opened with `--password`
 * (officecrypto-tool) and read like the plain file it holds; null for an OLE file that is not
 * encrypted.
 */
async function extractEncrypted(bytes: Uint8Array, password: string): Promise<ExtractionResult | null> {
  const ole = classifyOle(bytes);
  const what = ole === 'encrypted-ooxml' ? ENCRYPTED_OOXML : ole === 'xls' && isEncryptedOffice(bytes) ? ENCRYPTED_WORKBOOK : null;
  if (what === null) return null;
  let plain: Uint8Array;
  try {
    plain = await decryptOffice(bytes, password);
  } catch (e) {
    if (e instanceof OfficeDecryptError) return { ok: false, format: ole === 'xls' ? 'xls' : null, error: `${what} — ${e.message}` };
    throw e;
  }
  return extractDocument(plain);
}

/**
 * What a run may ask of the readers: the pages, page area and table method of PDFs (`--pages`,
 * `--area`, `--method`), and the password of an encrypted PDF, workbook or .docx (`--password`).
 */
export type ExtractOptions = PdfOptions;
