import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DEFAULT_TABLE_SETTINGS, TableSettings, type Diagnostic, type RawBlock, type RawDocument } from '../../src/model/index.js';
import type { PdfOptions } from './options.js';
import { readPageContent, type PageContent } from './page-content.js';
import { layoutPage, pdfProv, sharedEdges, tableBlock, type PageItem } from './page-blocks.js';
import { openPdf, PdfError, type PdfjsResources } from './pdfjs.js';
import { cropToArea } from './page-area.js';
import type { PageTable } from './ruled-tables.js';
import { PDF_EXTRACTOR } from './version.js';
import { rowsWrappedFromAbove } from './wrapped-rows.js';
import { MAX_RASTER_PIXELS, OCR_DPI, ocrPage, type OcrPage } from './ocr/ocr-page.js';
import { blocksToPageFrames, diagnosticsToPageFrames, type PageFrame } from './ocr/page-frame.js';
import { lowConfidenceCells } from './ocr/ocr-confidence.js';
import { rereadPage } from './ocr/reread-page.js';
import { ToolError } from './ocr/run-tool.js';

export { PdfError } from './pdfjs.js';
export type { PdfOptions } from './options.js';

export { PDF_EXTRACTOR } from './version.js';

/** What to install when OCR cannot run. */
const OCR_NEEDS = 'OCR needs the Debian packages tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils';

/**
 * A real .pdf: text and ruling lines of each page read with pdfjs-dist (in the displayed page's
 * coordinates, /Rotate applied), tables found by `options.method` (ruled, unruled, or `auto`:
 * see page-tables.ts) as one block per page piece (normalisation stitches pieces), prose as
 * text blocks, all in reading order with page + bbox provenance. A file that cannot be opened
 * (encrypted, truncated, not a PDF) throws a PdfError with a one-line reason; a page whose text
 * cannot be decoded is an error diagnostic on that page. A page without a text layer (scanned)
 * is read by OCR (ocr/ocr-page.ts; every page with `ocr: 'force'`, none with `'off'`), or is an
 * error diagnostic when OCR is off or cannot run; a document without any readable text throws.
 */
export async function extractPdf(bytes: Uint8Array, options: PdfOptions = {}, resources?: PdfjsResources): Promise<RawDocument> {
  // pdfjs takes the bytes over (its worker detaches them); OCR rasterises pages from a copy
  const copy = options.ocr === 'off' ? null : bytes.slice();
  const doc = await openPdf(bytes, { ...(options.password !== undefined ? { password: options.password } : {}), ...(resources ? { resources } : {}) });
  try {
    return await readDocument(doc, options, copy);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

async function readDocument(doc: PDFDocumentProxy, options: PdfOptions, pdf: Uint8Array | null): Promise<RawDocument> {
  const pages = options.pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
  const beyond = pages.filter((p) => p > doc.numPages);
  const diagnostics: Diagnostic[] = [];
  if (beyond.length) diagnostics.push({ severity: 'warning', code: 'pdf-page-missing', stage: 'extract', message: `pages ${beyond.join(', ')} asked for, but the PDF has ${doc.numPages}` });
  const blocks: RawBlock[] = [];
  const noText: number[] = [];
  const undecoded: number[] = [];
  let textPages = 0;
  const pending: PageItem[][] = [];
  const settings = TableSettings.parse(options.tableSettings ?? {});
  // the reason OCR cannot run here, once known: no use trying it on every page
  let ocrMissing: string | null = null;
  // why OCR failed on a page (the last such page), for the document's error when no page could be read
  let ocrFailed: string | null = null;
  const ocrPages: number[] = [];
  // how each OCR page as read lies on the page itself: its boxes are taken back to the page's points
  const frames = new Map<number, PageFrame>();
  for (const p of pages.filter((n) => n <= doc.numPages)) {
    let content: PageContent;
    try {
      const page = await doc.getPage(p);
      content = await readPageContent(page, p);
      page.cleanup();
    } catch (e) {
      diagnostics.push({ severity: 'error', code: 'pdf-page-unreadable', stage: 'extract', message: `page ${p}: cannot be read: ${(e as Error).message}` });
      continue;
    }
    const scanned = content.glyphs.length === 0 && content.images > 0;
    let ocr: OcrPage | null = null;
    // the page's OCR time, its second reading of doubtful figures included
    const deadline = Date.now() + ocrTimeoutMs(options);
    if (pdf && ocrMissing === null && (options.ocr === 'force' || scanned)) {
      try {
        const imagePpi = content.imagePpi;
        const read = await ocrPage(pdf, p, content.view, deadline, options.password, imagePpi);
        ocr = read;
        content = read.content;
        ocrPages.push(p);
        frames.set(p, read.frame);
        if (read.lowered) {
          const size = `${Math.round(content.view[2] - content.view[0])} × ${Math.round(content.view[3] - content.view[1])} pt`;
          const why = read.lowered === 'image' ? `, and its scan is a ${Math.round(imagePpi ?? 0)} ppi image: finer adds nothing` : '';
          diagnostics.push({ severity: 'info', code: 'pdf-ocr-lower-dpi', stage: 'extract', message: `page ${p}: a ${size} page read by OCR at ${read.dpi} dpi, not ${OCR_DPI}: at ${OCR_DPI} its raster would pass ${MAX_RASTER_PIXELS / 1e6} Mpx${why} (${read.pixels[0]} × ${read.pixels[1]} px)`, place: pdfProv(p, content.view) });
        }
        const how = [read.skew !== 0 ? `skew ${read.skew}° corrected` : '', read.upsideDown ? 'upside down, turned' : ''].filter(Boolean).join(', ');
        diagnostics.push({ severity: 'info', code: 'pdf-ocr-page', stage: 'extract', message: `page ${p}: read by OCR, ${read.words} words${how ? ` (${how})` : ''}`, place: pdfProv(p, content.view) });
        if (read.words === 0) diagnostics.push({ severity: 'warning', code: 'pdf-ocr-no-text', stage: 'extract', message: `page ${p}: OCR found no text (a blank page?)`, place: pdfProv(p, content.view) });
      } catch (e) {
        if (!(e instanceof ToolError)) throw e;
        if (e.missing) ocrMissing = e.message;
        else {
          ocrFailed = `OCR failed: ${e.timedOut ? `it took longer than ${ocrTimeoutMs(options) / 1000} s (--ocr-timeout)` : e.message}`;
          diagnostics.push({ severity: 'error', code: 'pdf-ocr-failed', stage: 'extract', message: `page ${p}: ${ocrFailed}`, place: pdfProv(p, content.view) });
        }
      }
    }
    if (options.area) content = cropToArea(content, options.area);
    const place = pdfProv(p, content.view);
    if (content.nonFinite > 0) {
      diagnostics.push({ severity: 'warning', code: 'pdf-non-finite-number', stage: 'extract', message: `page ${p}: ${content.nonFinite} operators, glyphs or lines with a number that is NaN or infinite were left out (damaged content stream?)`, place });
    }
    if (content.clipped) {
      diagnostics.push({ severity: 'info', code: 'pdf-hidden-text', stage: 'extract', message: `page ${p}: ${content.clipped} characters drawn outside the clipping path, not printed, were left out`, place });
    }
    const lost = content.emptyShows > 0 && content.emptyShows >= content.shows * 0.1;
    if (lost || (content.shownGlyphs > 0 && content.undecodedGlyphs > content.shownGlyphs / 2)) {
      // pdfjs drops text it cannot decode (a CJK font without its cMap, glyphs without Unicode) without a word
      undecoded.push(p);
      const what = lost ? `${content.emptyShows} of ${content.shows} text runs showed nothing: a font could not be loaded (missing cMap?)` : `${content.undecodedGlyphs} of ${content.shownGlyphs} glyphs have no Unicode value (no ToUnicode?)`;
      diagnostics.push({ severity: 'error', code: 'pdf-text-undecodable', stage: 'extract', message: `page ${p}: text cannot be decoded — ${what}`, place });
    } else if (content.glyphs.length === 0 && !options.area) {
      if (content.images > 0 && !ocrPages.includes(p)) {
        noText.push(p);
        diagnostics.push({ severity: 'error', code: 'pdf-no-text-layer', stage: 'extract', message: `page ${p}: no text layer — scanned page? (${ocrNote(options, ocrMissing, ocrFailed)})`, place });
      }
      continue;
    }
    if (content.glyphs.length > 0) textPages++;
    let items = layoutPage(content, options.method ?? 'auto', options.area !== undefined, settings);
    // a scanned table without rules: its words line up in columns as printed text does, but
    // auto's strict detection wants three chunks on every row, which a column of names with
    // few amounts beside it (收支总表) does not give; a scan has no other tables to fear
    if (ocr && options.method === undefined && !items.some((i) => i.kind === 'table' && !i.table.unruled)) items = layoutPage(content, 'stream', options.area !== undefined, settings);
    if (ocr) diagnostics.push(...diagnosticsToPageFrames(await rereadPage(items, ocr, deadline), frames));
    pending.push(items);
  }
  blocks.push(...printTables(pending, settings));
  blocksToPageFrames(blocks, frames);
  diagnostics.push(...lowConfidenceCells(blocks, diagnostics));
  if (textPages === 0) {
    if (undecoded.length) throw new PdfError(`text cannot be decoded on page(s) ${ranges(undecoded)} (missing cMap or ToUnicode?)`);
    if (noText.length) throw new PdfError(`no text layer — scanned page? (page(s) ${ranges(noText)}; ${ocrNote(options, ocrMissing, ocrFailed)})`);
    if (ocrPages.length) throw new PdfError(`no text in the PDF: OCR found none on its scanned page(s) ${ranges(ocrPages)}`);
    if (!options.area) throw new PdfError('no text in the PDF');
  }
  return { schemaVersion: 1, format: 'pdf', extractor: { ...PDF_EXTRACTOR }, encoding: null, blocks, diagnostics };
}

/**
 * Tables into blocks. A table that opens a page (nothing above it) right after a page that
 * ended in a table is that table's continuation: its rows that go on from the row cut by the
 * page break are marked, and all the pieces of one table count their columns on the same
 * edges, so that normalisation stitches them column for column. (A continuation under repeated
 * org / unit lines is stitched by normalisation alone, on its own column edges.)
 */
function printTables(pages: PageItem[][], settings: TableSettings = DEFAULT_TABLE_SETTINGS): RawBlock[] {
  type Piece = { table: PageTable; page: number; chain: PageTable[]; wrapped: ReturnType<typeof rowsWrappedFromAbove> };
  const items: ({ kind: 'text'; block: RawBlock } | Piece)[] = [];
  let last: Piece | null = null;
  for (const pageItems of pages) {
    let opening = last !== null;
    for (const item of pageItems) {
      if (item.kind === 'text') {
        items.push(item);
        last = null;
        continue;
      }
      const continues: Piece | null = opening ? last : null;
      const piece: Piece = { table: item.table, page: item.page, chain: continues ? continues.chain : [], wrapped: continues ? rowsWrappedFromAbove(continues.table, item.table, settings) : [] };
      piece.chain.push(item.table);
      items.push(piece);
      last = piece;
      opening = false;
    }
  }
  const edges = new Map<PageTable[], number[]>();
  return items.map((item) => {
    if ('block' in item) return item.block;
    let shared = edges.get(item.chain);
    if (!shared) edges.set(item.chain, (shared = sharedEdges(item.chain, settings)));
    const block = tableBlock(item.table, item.page, shared, new Map(item.wrapped.flatMap((w) => [...w.joins])));
    for (const w of item.wrapped) block.rows[w.row]![w.cellsOnly ? 'cellsWrapFromAbove' : 'wrapsFromAbove'] = true;
    return block;
  });
}

/** The longest one page may take to be read by OCR (`--ocr-timeout`, seconds); two minutes unless told. */
const ocrTimeoutMs = (options: PdfOptions) => (options.ocrTimeout ?? 120) * 1000;

/** Why a scanned page was not read by OCR. */
function ocrNote(options: PdfOptions, missing: string | null, failed: string | null): string {
  return missing !== null ? `${missing}: ${OCR_NEEDS}` : options.ocr === 'off' ? 'OCR is off' : (failed ?? 'not read by OCR');
}

function ranges(pages: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    out.push(i === j ? `${pages[i]}` : `${pages[i]}-${pages[j]}`);
    i = j + 1;
  }
  return out.join(',');
}
