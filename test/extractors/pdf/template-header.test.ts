import { describe, expect, it } from 'vitest';
import { bodyRows } from '../../../src/export/index.js';
import { extractDocumentAsync } from '../../../src/pipeline/extract-document.js';
import { fixture } from './pdf-fixtures.js';

/**
 * template-header.pdf (scripts/make-pdf-fixtures.ts) prints two tables as the Shanghai 决算
 * template does: the header's bottom labels in the grid row of the body's 合计 row, and a narrow
 * header cell whose label is broken with one character on a line of its own, every line centred.
 */
describe('a header finished in the totals row', async () => {
  const result = await extractDocumentAsync(fixture('template-header.pdf'));
  if (!result.ok) throw new Error(result.error);
  const [revenue, fund] = result.document.tables;

  it('takes 类 | 款 | 项 printed beside 合计 and its amounts as the labels under 科目编码', () => {
    expect(revenue!.columns.map((c) => c.path)).toEqual([
      ['项目', '科目编码', '类'],
      ['项目', '科目编码', '款'],
      ['项目', '科目编码', '项'],
      ['项目', '科目名称'],
      ['本年收入合计'],
      ['一般公共预算财政拨款'],
      ['其他收入'],
    ]);
    expect(bodyRows(revenue!)).toEqual([
      ['', '', '', '合计', '150.00', '140.00', '10.00'],
      ['201', '', '', '一般公共服务支出', '150.00', '140.00', '10.00'],
      ['201', '03', '01', '行政运行', '150.00', '140.00', '10.00'],
    ]);
    expect(revenue!.headerRows).toBe(3);
  });

  it('keeps the labels’ own provenance: 类 is read where it is printed, in the totals row', () => {
    const lei = revenue!.cells.find((c) => c.isHeader && c.text === '类')!;
    const total = revenue!.cells.find((c) => !c.isHeader && c.text === '合计')!;
    expect(lei.prov[0]).toMatchObject({ kind: 'pdf', page: 1 });
    expect(total.prov[0]).toMatchObject({ kind: 'pdf', page: 1 });
    const [lx0, ly0, , ly1] = (lei.prov[0] as { bbox: number[] }).bbox;
    const [tx0, ty0, , ty1] = (total.prov[0] as { bbox: number[] }).bbox;
    expect([Math.abs(ly0! - ty0!) < 1, Math.abs(ly1! - ty1!) < 1, lx0! < tx0!]).toEqual([true, true, true]);
  });

  it('reads a row whose 合计 spans the code and name columns as body, and 本年支出’s labels in it as header', () => {
    expect(fund!.columns.map((c) => c.path)).toEqual([
      ['项目', '功能分类科目编码'],
      ['项目', '科目名称'],
      ['年初结转和结余'],
      ['本年收入'],
      ['本年支出', '合计'],
      ['本年支出', '基本支出'],
      ['本年支出', '项目支出'],
      ['年末结转和结余'],
    ]);
    expect(bodyRows(fund!)).toEqual([
      ['合计', '', '', '', '', '', '', ''],
      ['2120801', '征地补偿', '0.00', '5.00', '5.00', '0.00', '5.00', '0.00'],
    ]);
  });
});
