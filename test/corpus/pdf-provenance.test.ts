import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPageContent } from '../../extractors/pdf/page-content.js';
import { openPdf } from '../../extractors/pdf/pdfjs.js';
import { glyphCenter } from '../../extractors/pdf/text-lines.js';
import { extractDocumentAsync } from '../../src/pipeline/extract-document.js';

const PDF = path.join(import.meta.dirname, '../../corpus/rendered/000_0018174054ff74da.pdf');
const rendered = (seed: string) => path.join(import.meta.dirname, `../../corpus/rendered/${seed}.pdf`);

/** The glyphs whose centre lies inside a bbox, read top to bottom, left to right. */
function spelled(content: Awaited<ReturnType<typeof readPageContent>>, [x0, y0, x1, y1]: [number, number, number, number]): string {
  const inside = content.glyphs.filter((g) => {
    const [cx, cy] = glyphCenter(g);
    return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
  });
  inside.sort((a, b) => (Math.abs(a.y - b.y) > a.size * 0.35 ? b.y - a.y : a.x0 - b.x0));
  return inside.map((g) => g.ch).join('');
}

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
  }, 120_000);

  it('a cell rejoined across a page break keeps every piece: the glyphs in each stored bbox, in order, spell its text', async () => {
    let joined = 0;
    for (const seed of ['000_0018174054ff74da', '002_c52ee38ce6c6c3d2', '003_fc1028512c8b7c0f']) {
      const bytes = new Uint8Array(fs.readFileSync(rendered(seed)));
      const result = await extractDocumentAsync(bytes);
      if (!result.ok) throw new Error(result.error);
      const doc = await openPdf(bytes);
      const pages = new Map<number, Awaited<ReturnType<typeof readPageContent>>>();
      for (const c of result.document.tables.flatMap((t) => t.cells).filter((x) => x.prov.length > 1)) {
        let text = '';
        const seen = new Set<number>();
        for (const p of c.prov) {
          if (p.kind !== 'pdf') throw new Error('not a pdf provenance');
          seen.add(p.page);
          if (!pages.has(p.page)) pages.set(p.page, await readPageContent(await doc.getPage(p.page), p.page));
          text += spelled(pages.get(p.page)!, p.bbox);
        }
        expect(seen.size).toBeGreaterThan(1);
        expect(text).toBe(c.raw.replace(/\s+/gu, ''));
        joined++;
      }
      await doc.destroy();
    }
    // 经济效益 / 指标, 运转类公用项目经费 / (2022年), 满意度指 / 标 … : every rejoined cell was checked
    expect(joined).toBeGreaterThan(20);
  }, 120_000);
});
