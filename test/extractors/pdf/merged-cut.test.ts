import { describe, expect, it } from 'vitest';
import { bodyRows } from '../../../src/export/index.js';
import { extractDocumentAsync } from '../../../src/pipeline/extract-document.js';
import { fixture } from './pdf-fixtures.js';

/**
 * merged-cut.pdf (scripts/make-merged-cut-pdf.ts, printed by headless Chromium): page breaks run
 * through 职责活动 / 内容描述 cells merged down over three indicator rows. Chromium leaves the cut
 * open under the merged cells and rules off the indicator cells beside them. Page 1 ends after
 * the second indicator row of 1、招商引资; page 2 after the first of 2、安全管理, whose list runs
 * on to page 3 beside the second indicator row.
 */
describe('a page cut through cells merged down over several rows', async () => {
  const result = await extractDocumentAsync(fixture('merged-cut.pdf'));
  if (!result.ok) throw new Error(result.error);
  const [table] = result.document.tables;

  it('keeps every indicator row printed on either page, the merged cells’ text in their first row', () => {
    expect(result.document.tables).toHaveLength(1);
    expect(bodyRows(table!)).toEqual([
      ['一、综合管理', '填充内容', '', ''],
      ['1、招商引资', '整理、分析招商引资工作动态', '引进项目个数', '30个'],
      ['', '', '招商活动开展次数', '10次'],
      ['', '', '招商引资任务完成率', '100%'],
      ['二、安全生产', '填充内容', '', ''],
      ['2、安全管理', '1.建立开发区安全生产和环保责任制\n2.组织安全生产和环保检查\n3.协助开发区企业做好安全生产\n4.宣传安全生产和环保法规\n5.确保安全生产形势持续稳定', '检查覆盖率', '100%'],
      ['', '', '安全检查计划完成率', '95%'],
      ['', '', '安全事故发生次数', '0'],
      ['三、其他事务', '填充内容', '', ''],
    ]);
  });

  it('keeps each merged cell one cell over the cut, whether its text goes on below it or not', () => {
    const spans = ['1、招商引资', '整理、分析招商引资工作动态', '2、安全管理', '1.建立开发区安全生产和环保责任制'].map((t) => table!.cells.find((c) => c.text.startsWith(t))!.rowspan);
    expect(spans).toEqual([3, 3, 3, 3]);
  });

  it('keeps the provenance of the merged cell’s text on both pages', () => {
    const cell = table!.cells.find((c) => c.text.startsWith('1.建立'))!;
    expect(cell.prov.map((p) => (p.kind === 'pdf' ? p.page : null))).toEqual([2, 3]);
  });
});
