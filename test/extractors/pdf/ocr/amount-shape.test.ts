import { describe, expect, it } from 'vitest';
import { amountDecimals, figureColumns, fitsColumn } from '../../../../extractors/pdf/ocr/amount-shape.js';

const cell = (row: number, col: number, text: string, colspan = 1) => ({ row, col, colspan, text });

describe('the shape of an amount read by OCR', () => {
  it('amounts: digits, commas in their places, a point, a minus', () => {
    expect(['1,234.56', '1234.56', '-3.5', '0', '2010101', '12,345,678'].map(amountDecimals)).toEqual([2, 2, 1, 0, 0, 0]);
    expect(['12,34.56', '1.234,56', '交过区', '2.27 ”', '，428.63', '55.', '.5', '1 234', ''].map(amountDecimals)).toEqual([null, null, null, null, null, null, null, null, null]);
  });

  it('columns of figures: their first figure below the headers, the decimals most figures print', () => {
    const cells = [
      cell(0, 0, '序号'), cell(0, 1, '科目名称'), cell(0, 2, '合计'), cell(0, 3, '说明'),
      cell(1, 0, '1'), cell(1, 1, '一般公共服务支出'), cell(1, 2, '2.27'), cell(1, 3, '无'),
      cell(2, 0, '2'), cell(2, 1, '行政运行'), cell(2, 2, '5551'), cell(2, 3, '2021'),
      cell(3, 0, '3'), cell(3, 1, '住房公积金'), cell(3, 2, '31.25'), cell(3, 3, '见附表'),
      cell(4, 0, '4'), cell(4, 1, '合计'), cell(4, 2, '交过区'),
      cell(5, 0, '合计', 2), cell(5, 2, '89.00'),
    ];
    const columns = figureColumns(cells);
    expect([...columns.keys()].sort()).toEqual([0, 2]);
    expect(columns.get(0)).toEqual({ top: 1, decimals: 0 });
    expect(columns.get(2)).toEqual({ top: 1, decimals: 2 });
    // a figure read without its point, or as Chinese, does not fit; a dash for none does
    expect(['2.27', '5551', '交过区', '—', '-', '1,234.50'].map((t) => fitsColumn(t, columns.get(2)!))).toEqual([true, false, false, true, true, true]);
    expect(fitsColumn('3', columns.get(0)!)).toBe(true);
  });

  it('a column whose figures print no common number of decimals takes any', () => {
    const columns = figureColumns([cell(0, 0, '1.5'), cell(1, 0, '2.25'), cell(2, 0, '3'), cell(3, 0, '4.125')]);
    expect(columns.get(0)).toEqual({ top: 0, decimals: null });
    expect(fitsColumn('7', columns.get(0)!)).toBe(true);
  });
});
