import { parsePgm, type GrayImage } from './gray-image.js';
import { runTool } from './run-tool.js';

/**
 * One page of a PDF as a grey raster at `dpi`, by poppler's `pdftoppm` (the PDF on its standard
 * input, the PGM on its output): it draws the page as displayed (/Rotate applied), as the
 * coordinates of the text layer are.
 */
export async function rasterisePage(pdf: Uint8Array, page: number, dpi: number, timeoutMs: number, password?: string): Promise<GrayImage> {
  const args = ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), ...(password !== undefined ? ['-upw', password] : []), '-'];
  return parsePgm(await runTool('pdftoppm', args, pdf, timeoutMs));
}
