import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../extractors/pdf/extract-pdf.js';
import { readPageContent } from '../../../extractors/pdf/page-content.js';
import { openPdf } from '../../../extractors/pdf/pdfjs.js';
import { fixture } from './pdf-fixtures.js';

const texts = (blocks: { type: string; raw?: string }[]) => blocks.filter((b) => b.type !== 'table').map((b) => b.raw);

/**
 * clipped-text.pdf (scripts/make-pdf-fixtures.ts): one text frame flowed over two pages, each
 * page drawing the whole frame and clipping it to its part; the page number is drawn after the
 * clip is restored.
 */
describe('text drawn outside the clipping path', () => {
  it('is left out: each item is read once, on the page that prints it', async () => {
    const raw = await extractPdf(fixture('clipped-text.pdf'));
    expect(texts(raw.blocks)).toEqual(['主要职能', '1、第一项职能', '2、第二项职能', '3、第三项职能', '4、第四项职能']);
    expect(raw.blocks.filter((b) => b.type !== 'table').map((b) => b.prov[0]?.kind === 'pdf' && b.prov[0].page)).toEqual([1, 1, 1, 2, 2]);
  });

  it('is counted per page in an info diagnostic', async () => {
    const raw = await extractPdf(fixture('clipped-text.pdf'));
    // page 1 clips 3、第三项职能 and 4、第四项职能 (14 characters), page 2 the title and items 1–2 (18)
    expect(raw.diagnostics.filter((d) => d.code === 'pdf-hidden-text').map((d) => [d.severity, d.message])).toEqual([
      ['info', 'page 1: 14 characters drawn outside the clipping path, not printed, were left out'],
      ['info', 'page 2: 18 characters drawn outside the clipping path, not printed, were left out'],
    ]);
  });

  it('keeps text drawn after the clip is restored (Q): the page number below the clip', async () => {
    const doc = await openPdf(fixture('clipped-text.pdf'));
    try {
      const content = await readPageContent(await doc.getPage(2), 2);
      expect(content.glyphs.map((g) => g.ch).join('')).toBe('3、第三项职能4、第四项职能2');
      expect(content.clipped).toBe(18);
    } finally {
      await doc.destroy();
    }
  });
});

/**
 * The real case (corpus/real/putuo-2025-unit-budget-commerce.pdf): pages 3–4 print the 主要职能
 * passage as one frame, each page clipping away the other's part; read once, item 9 is cut by
 * the page break (…生活必需品市场供应 / 应急机制…) and items 10–13 are on page 4 only.
 */
describe('the 商务委 主要职能 passage (real PDF)', () => {
  it('is read once', async () => {
    const raw = await extractPdf(new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, '../../../corpus/real/putuo-2025-unit-budget-commerce.pdf'))), { pages: [3, 4] });
    const lines = texts(raw.blocks) as string[];
    const items = lines.map((l) => /^(\d{1,2})、/u.exec(l)?.[1]).filter(Boolean);
    expect(items).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']);
    expect(lines.filter((l) => l.startsWith('应急机制'))).toHaveLength(1);
  });
});
