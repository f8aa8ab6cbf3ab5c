import type { Diagnostic } from '../../../src/model/index.js';
import { pdfProv, type PageItem } from '../page-blocks.js';
import { withOcrConfidence } from './ocr-confidence.js';
import type { OcrPage } from './ocr-page.js';
import { rereadFigureCells } from './reread-cells.js';
import { ToolError } from './run-tool.js';

/**
 * The second reading of an OCR page's doubtful figures (reread-cells.ts), on the tables the
 * layout found, before they become blocks; what it did as diagnostics: an info line with the
 * counts, and a warning `ocr-not-an-amount` on each cell of a column of figures that neither
 * reading reads as one (kept as first read). When Tesseract cannot do it (no English data, out
 * of the page's time) the first reading stands, with a warning saying so.
 */
export async function rereadPage(items: PageItem[], ocr: OcrPage, deadline: number): Promise<Diagnostic[]> {
  const tables = items.flatMap((i) => (i.kind === 'table' ? [i.table] : []));
  const page = ocr.content.page;
  if (tables.length === 0) return [];
  try {
    const r = await rereadFigureCells(tables, ocr.raster, ocr.toPixels, deadline);
    const out: Diagnostic[] = [];
    if (r.read > 0) out.push({ severity: 'info', code: 'ocr-second-reading', stage: 'extract', message: `page ${page}: ${r.read} doubtful cells in columns of figures read again as digits, ${r.taken} of them taken`, place: pdfProv(page, ocr.content.view) });
    for (const { cell, second } of r.unshaped) {
      // the cell's own provenance, as its table block will carry it
      const place = withOcrConfidence(pdfProv(page, cell.box), cell.glyphs);
      out.push({ severity: 'warning', code: 'ocr-not-an-amount', stage: 'extract', message: `page ${page}: "${cell.text}" read by OCR in a column of figures is not one${second ? ` (read as digits: "${second}")` : ''}: check it against the scan`, place });
    }
    return out;
  } catch (e) {
    if (!(e instanceof ToolError)) throw e;
    return [{ severity: 'warning', code: 'ocr-second-reading-failed', stage: 'extract', message: `page ${page}: doubtful figures not read again: ${e.timedOut ? 'the page ran out of its OCR time (--ocr-timeout)' : e.message}`, place: pdfProv(page, ocr.content.view) }];
  }
}
