// first: pdfjs-dist is evaluated there, between capturing and restoring the built-ins it replaces
import './load-pdfjs.mjs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { AnnotationMode, getDocument, normalizeUnicode, OPS, PDFWorker, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InThreadPort } from './in-thread-port.js';

/** What other modules use of pdfjs-dist: they import it through this module, after load-pdfjs.mjs. */
export { AnnotationMode, normalizeUnicode, OPS };

const require = createRequire(import.meta.url);
/** pdfjs-dist's package folder: cMaps, standard fonts and wasm decoders live under it. */
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));

/**
 * Where pdfjs finds its data files. In Node they must be filesystem paths ending in a path
 * separator (pdfjs concatenates file names onto them); without the cMaps, text in non-embedded
 * CJK fonts (STSong-Light with UniGB-UCS2-H) is silently dropped.
 */
export interface PdfjsResources {
  cMapUrl: string;
  standardFontDataUrl: string;
  wasmUrl: string;
}

/** The resources shipped with the installed pdfjs-dist. */
export const PDFJS_RESOURCES: PdfjsResources = {
  cMapUrl: path.join(PDFJS_DIR, 'cmaps') + path.sep,
  standardFontDataUrl: path.join(PDFJS_DIR, 'standard_fonts') + path.sep,
  wasmUrl: path.join(PDFJS_DIR, 'wasm') + path.sep,
};

let parser: PDFWorker | undefined;

/**
 * pdfjs's parser on this thread, set up once and shared by every document opened here (pdfjs
 * would set up a new one per document), talking through an InThreadPort. pdfjs keeps each
 * document apart on it; threads (the pool's workers) each have their own.
 */
function inThreadParser(): PDFWorker {
  if (!parser) {
    const port = new InThreadPort();
    // put on globalThis by pdf.worker.mjs, which load-pdfjs.mjs imports
    const { WorkerMessageHandler } = (globalThis as unknown as { pdfjsWorker: { WorkerMessageHandler: { initializeFromPort(port: unknown): void } } }).pdfjsWorker;
    WorkerMessageHandler.initializeFromPort(port);
    parser = new PDFWorker({ port: port as never, verbosity: 0 });
  }
  return parser;
}

/** A PDF that cannot be read as a whole: the message is the document's one-line failure reason. */
export class PdfError extends Error {
  override name = 'PdfError';
}

/** Opens a PDF with the setup this project relies on; every failure becomes a PdfError with a clear reason. */
export async function openPdf(bytes: Uint8Array, options: { password?: string; resources?: PdfjsResources } = {}): Promise<PDFDocumentProxy> {
  // pdfjs transfers (detaches) the buffer it is given: hand it a copy
  const data = new Uint8Array(bytes);
  const task = getDocument({
    data,
    worker: inThreadParser(),
    ...(options.resources ?? PDFJS_RESOURCES),
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    // see skipFontLoading
    disableFontFace: false,
    verbosity: 0,
    ...(options.password !== undefined ? { password: options.password } : {}),
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw new PdfError(describeOpenError(e, options.password !== undefined));
  }
  skipFontLoading(doc);
  return doc;
}

/**
 * Text is read here, never drawn. With `disableFontFace` (pdfjs's default in Node) the parser
 * builds an outline of every glyph shown and posts each one to this thread, which cost a third
 * of pdfjs's time on LibreOffice's PDFs; without it, pdfjs hands each font to the browser's font
 * loader, which Node does not have, and falls back to building the outlines anyway. So the
 * document's loader is told every font is loaded: the font object, with the metrics glyphs are
 * placed by, is resolved all the same. pdfjs-dist is pinned, and a test checks that no outline
 * is built; should its internals move, this fails loudly rather than silently slowing down.
 */
function skipFontLoading(doc: PDFDocumentProxy): void {
  const loader = (doc as unknown as { _transport?: { fontLoader?: { bind?: unknown } } })._transport?.fontLoader;
  if (typeof loader?.bind !== 'function') throw new PdfError('pdfjs-dist internals changed: no font loader to skip (extractors/pdf/pdfjs.ts)');
  loader.bind = () => Promise.resolve();
}

function describeOpenError(e: unknown, hadPassword: boolean): string {
  const err = e as { name?: string; code?: number; message?: string };
  if (err?.name === 'PasswordException') {
    // pdfjs: code 1 NEED_PASSWORD, 2 INCORRECT_PASSWORD
    if (err.code === 2 || hadPassword) return 'encrypted PDF: the password given is wrong';
    return 'encrypted PDF: a password is needed (--password)';
  }
  if (err?.name === 'InvalidPDFException') return `broken PDF: ${err.message ?? 'invalid structure'} (truncated or damaged file?)`;
  if (err?.name === 'MissingPDFException') return 'broken PDF: missing data';
  return `broken PDF: ${err?.message ?? String(e)}`;
}
