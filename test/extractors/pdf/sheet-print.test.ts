import { describe, expect, it } from 'vitest';
import { bodyRows } from '../../../src/export/index.js';
import { extractDocumentAsync } from '../../../src/pipeline/extract-document.js';
import { fixture } from './pdf-fixtures.js';

/**
 * sheet-print.pdf (scripts/make-pdf-fixtures.ts) is printed as spreadsheet software prints a
 * disclosure: every cell of the sheet filled white, title and org rows too, black rules around
 * the table only; 合计 spans the three code and name columns; the table goes on to page 2
 * without its header; a second table of the same five columns follows under its own title.
 */
describe('a PDF printed from a spreadsheet', async () => {
  const result = await extractDocumentAsync(fixture('sheet-print.pdf'));
  if (!result.ok) throw new Error(result.error);
  const tables = result.document.tables;

  it('does not take white cell fills for rules: the title and org lines stay above the grid, and each title starts its own table', () => {
    expect(tables.map((t) => [t.title, t.unit, t.headerRows])).toEqual([
      ['部门收入预算总表', '元', 2],
      ['财政拨款收支总表', '元', 1],
    ]);
  });

  it('keeps the amounts after a label merged across columns in their own columns, and stores the span', () => {
    expect(tables[0]!.columns.map((c) => c.path)).toEqual([['科目编码', '类'], ['科目编码', '款'], ['科目名称'], ['合计'], ['财政拨款']]);
    expect(bodyRows(tables[0]!)).toEqual([
      ['201', '', '一般公共服务支出', '100.00', '100.00'],
      ['201', '03', '政府办公厅', '100.00', '100.00'],
      ['208', '', '社会保障和就业支出', '50.00', '50.00'],
      ['合计', '', '', '150.00', '150.00'],
    ]);
    const total = tables[0]!.cells.find((c) => !c.isHeader && c.text === '合计')!;
    expect({ col: total.col, colspan: total.colspan }).toEqual({ col: 0, colspan: 3 });
    expect(tables[0]!.cells.filter((c) => c.row === total.row).map((c) => [c.col, c.value])).toEqual([[0, null], [3, 150], [4, 150]]);
  });

  it('stitches the rows a page continues without a repeated header into the table above', () => {
    expect(tables[0]!.cells.find((c) => c.text === '社会保障和就业支出')!.prov[0]).toMatchObject({ kind: 'pdf', page: 2 });
    expect(bodyRows(tables[1]!)).toEqual([
      ['拨款', '150.00', '一般公共服务支出', '100.00', '100.00'],
      ['收入总计', '', '支出总计', '150.00', '150.00'],
    ]);
  });
});
