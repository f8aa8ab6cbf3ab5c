import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePgm, type GrayImage } from '../../../../extractors/pdf/ocr/gray-image.js';
import { rereadFigureCells } from '../../../../extractors/pdf/ocr/reread-cells.js';
import type { Glyph } from '../../../../extractors/pdf/page-content.js';
import type { GridCell, PageTable } from '../../../../extractors/pdf/ruled-tables.js';

/** `55.13` as one of our scans prints it in a narrow cell (cut from corpus/scans/001-p1-upside-down.pdf at 300 dpi, black and white). */
const FIGURE = parsePgm(new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, '../../../fixtures/ocr/figure-55.13.pgm'))));

/** A white page 300 × 200 px, the figure pasted at (120, 30) when asked; a point is a pixel here, y up. */
function page(withFigure: boolean): GrayImage {
  const img = { width: 300, height: 200, data: new Uint8Array(300 * 200).fill(255) };
  if (withFigure) for (let y = 0; y < FIGURE.height; y++) img.data.set(FIGURE.data.subarray(y * FIGURE.width, (y + 1) * FIGURE.width), (30 + y) * 300 + 120);
  return img;
}
const toPixels = (x: number, y: number): [number, number] => [x, 200 - y];

const glyphs = (text: string, confidence: number): Glyph[] => Array.from(text, (ch, i) => ({ ch, x0: 10 + i * 8, x1: 18 + i * 8, y: 100, size: 10, spaceBefore: false, confidence }));
const gridCell = (row: number, col: number, box: [number, number, number, number], text: string, confidence = 0.95): GridCell => ({ row, col, rowspan: 1, colspan: 1, box, text, glyphs: glyphs(text, confidence) });

/** A column of two-decimal figures: three read well, above, and the doubtful one in the cell around where the figure is pasted (pixels 120–209 × 30–57: points y 143–170). */
function table(doubtful: string, confidence: number): PageTable {
  const cells = [gridCell(0, 0, [105, 185, 230, 200], '12.50'), gridCell(1, 0, [105, 175, 230, 185], '3.00'), gridCell(2, 0, [105, 10, 230, 135], '128.63'), gridCell(3, 0, [105, 135, 230, 175], doubtful, confidence)];
  return { box: [105, 10, 230, 200], xs: [105, 230], ys: [200, 185, 175, 135, 10], cells };
}

describe('the second reading of doubtful figures', () => {
  it('a figure read as Chinese or without its point is read again, digits only, and the figure kept', async () => {
    for (const first of ['5551', '交过区']) {
      const t = table(first, 0.4);
      const r = await rereadFigureCells([t], page(true), toPixels, Date.now() + 60_000);
      expect(r).toMatchObject({ read: 1, taken: 1, unshaped: [] });
      expect(t.cells[3]!.text).toBe('55.13');
      expect(t.cells[3]!.glyphs.map((g) => g.ch).join('')).toBe('55.13');
      expect(t.cells[3]!.glyphs.every((g) => g.confidence! > 0 && g.confidence! <= 1)).toBe(true);
      // the figures read well are left alone
      expect(t.cells.slice(0, 3).map((c) => c.text)).toEqual(['12.50', '3.00', '128.63']);
    }
  });

  it('nothing is made up: a cell with no figure on the scan keeps its first reading and is returned as unshaped', async () => {
    const t = table('交过区', 0.4);
    const r = await rereadFigureCells([t], page(false), toPixels, Date.now() + 60_000);
    expect(r.read).toBe(1);
    expect(r.taken).toBe(0);
    expect(r.unshaped.map((u) => u.cell.text)).toEqual(['交过区']);
    expect(t.cells[3]!.text).toBe('交过区');
  });

  it('a figure read confidently in the column\'s shape is not read again', async () => {
    const t = table('55.13', 0.93);
    const r = await rereadFigureCells([t], page(false), toPixels, Date.now() + 60_000);
    expect(r).toEqual({ read: 0, taken: 0, unshaped: [] });
  });
});
