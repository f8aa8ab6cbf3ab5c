import { describe, expect, it } from 'vitest';
import { bodyRows } from '../../../src/export/index.js';
import { extractDocumentAsync } from '../../../src/pipeline/extract-document.js';
import { fixture } from './pdf-fixtures.js';

/**
 * open-cut.pdf (scripts/make-pdf-fixtures.ts): the last row of a table split over two pages and
 * left open at the cut, as Chromium prints one. Page 2 holds the rest of the row as a one-row
 * grid closed only by its bottom rule.
 */
describe('a row split over two pages with the cut left open', async () => {
  const result = await extractDocumentAsync(fixture('open-cut.pdf'));
  if (!result.ok) throw new Error(result.error);
  const [table] = result.document.tables;

  it('reads the piece on page 2 as the rest of the row: item 2 of the list joins item 1', () => {
    expect(result.document.tables).toHaveLength(1);
    expect(bodyRows(table!)).toEqual([
      ['基本工资', '按标准发放'],
      ['工作目标', '1.完成年度工作任务\n2.提高服务质量'],
    ]);
  });

  it('keeps both pieces of the cell’s provenance, one per page', () => {
    const cell = table!.cells.find((c) => c.text.startsWith('1.完成'))!;
    expect(cell.prov.map((p) => (p.kind === 'pdf' ? p.page : null))).toEqual([1, 2]);
  });

  it('leaves the note below the piece as prose', () => {
    expect(result.document.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text)).toContain('注：本表为示例。');
  });
});
