import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPageContent } from '../../extractors/pdf/page-content.js';
import { openPdf } from '../../extractors/pdf/pdfjs.js';
import { glyphCenter } from '../../extractors/pdf/text-lines.js';
import { extractDocumentAsync } from '../../src/pipeline/extract-document.js';

const PDF = path.join(import.meta.dirname, '../../corpus/rendered/000_0018174054ff74da.pdf');

describe('pdf provenance', () => {
  it('the glyphs inside a cell\'s stored bbox on its stored page spell the cell text', async () => {
    const bytes = new Uint8Array(fs.readFileSync(PDF));
    const result = await extractDocumentAsync(bytes);
    if (!result.ok) throw new Error(result.error);
    const cells = result.document.tables.flatMap((t) => t.cells).filter((c) => c.raw !== '' && c.prov.length === 1);
    // every 7th filled cell, header and body, over all pages
    const sample = cells.filter((_, i) => i % 7 === 0);
    expect(sample.length).toBeGreaterThan(100);
    const doc = await openPdf(bytes);
    const pages = new Map<number, Awaited<ReturnType<typeof readPageContent>>>();
    for (const c of sample) {
      const p = c.prov[0]!;
      if (p.kind !== 'pdf') throw new Error('not a pdf provenance');
      if (!pages.has(p.page)) pages.set(p.page, await readPageContent(await doc.getPage(p.page), p.page));
      const [x0, y0, x1, y1] = p.bbox;
      const inside = pages.get(p.page)!.glyphs.filter((g) => {
        const [cx, cy] = glyphCenter(g);
        return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
      });
      // top to bottom, left to right
      inside.sort((a, b) => (Math.abs(a.y - b.y) > a.size * 0.35 ? b.y - a.y : a.x0 - b.x0));
      expect(inside.map((g) => g.ch).join('')).toBe(c.raw.replace(/\s+/gu, ''));
    }
    await doc.destroy();
  });
});
