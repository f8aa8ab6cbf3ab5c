import { describe, expect, it } from 'vitest';
import { bodyRows } from '../../../src/export/index.js';
import type { Table } from '../../../src/model/index.js';
import { extractDocumentAsync } from '../../../src/pipeline/extract-document.js';
import { fixture } from './pdf-fixtures.js';

/**
 * continued-table.pdf (scripts/make-continued-table-pdf.ts, printed by headless Chromium): three
 * tables that go on to the next page without their header repeated — only the grid continues.
 * Each table's title starts a page. Rows were checked against the page images.
 */
describe('a table continued on the next page without a repeated header', async () => {
  const result = await extractDocumentAsync(fixture('continued-table.pdf'));
  if (!result.ok) throw new Error(result.error);
  const tables = result.document.tables;
  const byTitle = (title: string) => tables.find((t) => t.title === title)!;
  /** The page each body row was printed on (the page of its first cell). */
  const rowPages = (t: Table) => bodyRows(t).map((_, r) => {
    const p = t.cells.find((c) => c.row === t.headerRows + r)!.prov[0]!;
    return p.kind === 'pdf' ? p.page : null;
  });

  it('joins each continuation to its table: three tables, no piece of its own', () => {
    expect(tables.map((t) => t.title)).toEqual(['部门收入预算总表', '部门支出预算总表', '项目绩效目标表']);
    expect(byTitle('部门收入预算总表').columns.map((c) => c.path)).toEqual([['科目编码', '类'], ['科目编码', '款'], ['科目编码', '项'], ['科目名称'], ['合计'], ['财政拨款收入']]);
  });

  it('keeps every row, in order, on the page it was printed on, the header rows once', () => {
    const income = byTitle('部门收入预算总表');
    expect(bodyRows(income)).toEqual([
      ['201', '', '', '一般公共服务支出', '1,200.00', '1,100.00'],
      ['201', '03', '', '政府办公厅（室）及相关机构事务', '1,200.00', '1,100.00'],
      ['201', '03', '01', '行政运行', '800.00', '800.00'],
      ['201', '03', '02', '一般行政管理事务', '250.00', '200.00'],
      ['201', '03', '50', '事业运行', '150.00', '100.00'],
      ['208', '', '', '社会保障和就业支出', '300.00', '300.00'],
      ['208', '05', '', '行政事业单位养老支出', '300.00', '300.00'],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '200.00', '200.00'],
      ['208', '05', '06', '机关事业单位职业年金缴费支出', '100.00', '100.00'],
      ['210', '', '', '卫生健康支出', '90.00', '90.00'],
      ['210', '11', '', '行政事业单位医疗', '90.00', '90.00'],
      ['210', '11', '01', '行政单位医疗', '60.00', '60.00'],
      ['210', '11', '03', '公务员医疗补助', '30.00', '30.00'],
      ['221', '', '', '住房保障支出', '110.00', '110.00'],
      ['221', '02', '', '住房改革支出', '110.00', '110.00'],
      ['221', '02', '01', '住房公积金', '110.00', '110.00'],
      ['合计', '', '', '', '1,700.00', '1,600.00'],
    ]);
    expect(rowPages(income)).toEqual([...Array(11).fill(1), ...Array(6).fill(2)]);
  });

  it('joins a continuation that is only the 合计 row, merged across the code and name columns', () => {
    const expense = byTitle('部门支出预算总表');
    const rows = bodyRows(expense);
    expect(rows).toHaveLength(12);
    expect(rows[10]).toEqual(['210', '11', '', '行政事业单位医疗', '90.00', '90.00']);
    expect(rows[11]).toEqual(['合计', '', '', '', '1,500.00', '1,400.00']);
    expect(rowPages(expense)).toEqual([...Array(11).fill(3), 4]);
    const total = expense.cells.find((c) => c.text === '合计' && !c.isHeader)!;
    expect([total.col, total.colspan]).toEqual([0, 4]);
  });

  it('keeps the rows below a page cut through merged cells under those cells, not as a table of their own', () => {
    const goals = byTitle('项目绩效目标表');
    expect(bodyRows(goals)).toEqual([
      ['一、综合管理', '填充内容', '', ''],
      ['1、招商引资', '整理、分析招商引资工作动态，制定招商工作计划', '引进项目个数', '30个'],
      ['', '', '招商活动开展次数', '10次'],
      ['', '', '招商引资任务完成率', '100%'],
      ['二、其他事务', '填充内容', '', ''],
    ]);
    expect(rowPages(goals)).toEqual([5, 5, 6, 6, 6]);
  });

  it('keeps a cell merged over the cut one cell: its text above the cut, its rows on both pages', () => {
    const goals = byTitle('项目绩效目标表');
    for (const text of ['1、招商引资', '整理、分析招商引资工作动态，制定招商工作计划']) {
      const merged = goals.cells.find((c) => c.text === text)!;
      expect([merged.row - goals.headerRows, merged.rowspan]).toEqual([1, 3]);
    }
    // the places it covers on page 2 are no cells of their own
    expect(goals.cells.filter((c) => c.row > goals.headerRows + 1 && c.row <= goals.headerRows + 3 && c.col < 2 && c.rowspan > 1)).toEqual([]);
  });
});
