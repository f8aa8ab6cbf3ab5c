import type { InputFormat, RawDocument } from '../src/model/index.js';
import { DOCX_EXTRACTOR, DocxError, extractDocx } from './docx/extract-docx.js';
import { classifyOle, convertDocToDocx } from './docx/legacy-doc.js';
import { decryptOffice, isEncryptedOffice, OfficeDecryptError } from './office-crypto/decrypt-office.js';
import type { PdfOptions } from './pdf/options.js';
import { PDF_EXTRACTOR } from './pdf/version.js';
import { extractPdfText, PDF_TEXT_EXTRACTOR } from './pdf-text/extract-pdf-text.js';
import { ENCRYPTED_OOXML, sniffBytes, sniffContainer, sniffTextFormat } from './sniff.js';
import { extractSpreadsheet, SPREADSHEET_EXTRACTOR, SpreadsheetError } from './spreadsheet/extract-spreadsheet.js';
import { ENCRYPTED_WORKBOOK } from './spreadsheet/read-workbook.js';
import { decodeText, NotTextError } from './text/decode-text.js';
import { replacedByteDiagnostics } from './text/replaced-bytes.js';
import { extractWordText, WORD_TEXT_EXTRACTOR } from './word-text/extract-word-text.js';

/**
 * The extractors' one door: bytes → RawDocument, the format told apart by content (extractors/
 * sniff.ts), never by file name. Each extractor knows only its format; what a RawDocument means
 * (tables, titles, a disclosure or not) is for the stages after this one.
 */

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

/**
 * What a run may ask of the readers: the pages, page area and table method of PDFs (`--pages`,
 * `--area`, `--method`), and the password of an encrypted PDF, workbook or .docx (`--password`).
 */
export type ExtractOptions = PdfOptions;

/** One file read: its RawDocument, or why there is none. */
export type Extraction = { ok: true; format: InputFormat; raw: RawDocument } | { ok: false; format: InputFormat | null; error: string };

/**
 * Told each stage the reading reaches (`sniff`, `read docx`, …): the pipeline's watch on a
 * document's time, which may throw to stop it there.
 */
export type OnStage = (stage: string) => void;

const noStages: OnStage = () => {};

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
 * Any file gongkai reads, by its format: Word-export and PDF-converted text, .docx and legacy
 * .doc, .pdf (pdfjs-dist, loaded with the first PDF), .xlsx and .xls — and an encrypted
 * workbook, .docx or PDF opened with `options.password`.
 */
export async function extractDocument(bytes: Uint8Array, options: ExtractOptions = {}, onStage: OnStage = noStages): Promise<Extraction> {
  onStage('sniff');
  const kind = sniffBytes(bytes);
  if (kind === 'pdf') return extractPdfFile(bytes, options, onStage);
  if (options.password !== undefined && kind === 'ole') {
    const decrypted = await extractEncrypted(bytes, options.password, onStage);
    if (decrypted) return decrypted;
  }
  return readSync(bytes, onStage);
}

/**
 * extractDocument for the formats read synchronously: every one but PDF, and no password. For
 * tests and tools that hold one file in hand; a run goes through extractDocument.
 */
export function extractDocumentSync(bytes: Uint8Array, onStage: OnStage = noStages): Extraction {
  onStage('sniff');
  return readSync(bytes, onStage);
}

function readSync(bytes: Uint8Array, onStage: OnStage): Extraction {
  const kind = sniffBytes(bytes);
  if (kind === 'empty') return { ok: false, format: null, error: 'empty file' };
  if (kind === 'pdf') return { ok: false, format: 'pdf', error: 'PDF files are not supported yet' };
  if (kind === 'zip' || kind === 'ole') return extractContainer(bytes, kind, onStage);
  return extractText(bytes, onStage);
}

/** Word's text export or a PDF converter's text, in whatever encoding it came. */
function extractText(bytes: Uint8Array, onStage: OnStage): Extraction {
  let decoded: ReturnType<typeof decodeText>;
  try {
    decoded = decodeText(bytes);
  } catch (e) {
    if (e instanceof NotTextError) return { ok: false, format: null, error: `not a disclosure: ${e.message}` };
    throw e;
  }
  const format = sniffTextFormat(decoded.text);
  if (format === null) return { ok: false, format: null, error: 'not a disclosure: text without any table rows' };
  onStage(`read ${format}`);
  const raw = format === 'pdf-text' ? extractPdfText(decoded.text, decoded.encoding) : extractWordText(decoded.text, decoded.encoding);
  raw.diagnostics.unshift(...replacedByteDiagnostics(decoded.text, decoded.replaced ?? []));
  return { ok: true, format, raw };
}

/** A .docx (or a legacy .doc, converted first), an .xlsx or .xls workbook; another container fails with its reason. */
function extractContainer(bytes: Uint8Array, kind: 'zip' | 'ole', onStage: OnStage): Extraction {
  const container = sniffContainer(bytes, kind);
  if (container.format === null) return { ok: false, format: null, error: container.error };
  const format = container.format;
  onStage(`read ${format}`);
  if (format === 'xlsx' || format === 'xls') {
    try {
      return { ok: true, format, raw: extractSpreadsheet(bytes, format) };
    } catch (e) {
      if (e instanceof SpreadsheetError) return { ok: false, format, error: e.message };
      throw e;
    }
  }
  try {
    const docx = format === 'doc' ? convertDocToDocx(bytes) : bytes;
    return { ok: true, format, raw: extractDocx(docx, format) };
  } catch (e) {
    if (e instanceof DocxError) return { ok: false, format, error: e.message };
    throw e;
  }
}

async function extractPdfFile(bytes: Uint8Array, options: ExtractOptions, onStage: OnStage): Promise<Extraction> {
  onStage('read pdf');
  // loaded with the first PDF: pdfjs-dist takes ~0.3 s of CPU to load, which a run without PDFs need not pay
  const { extractPdf, PdfError } = await import('./pdf/extract-pdf.js');
  try {
    return { ok: true, format: 'pdf', raw: await extractPdf(bytes, options) };
  } catch (e) {
    if (e instanceof PdfError) return { ok: false, format: 'pdf', error: e.message };
    throw e;
  }
}

/**
 * A password-protected .xlsx/.docx or an encrypted .xls opened with `--password`
 * (officecrypto-tool) and read like the plain file it holds; null for an OLE file that is not
 * encrypted.
 */
async function extractEncrypted(bytes: Uint8Array, password: string, onStage: OnStage): Promise<Extraction | null> {
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
  return readSync(plain, onStage);
}
