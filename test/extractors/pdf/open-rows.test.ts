import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../extractors/pdf/extract-pdf.js';
import { splitOpenRows } from '../../../extractors/pdf/open-rows.js';
import type { Glyph } from '../../../extractors/pdf/page-content.js';
import type { GridCell, PageTable } from '../../../extractors/pdf/ruled-tables.js';
import { normalizeDocument } from '../../../src/normalize/normalize-document.js';
import { NORMALIZE_VOCABULARY } from '../../../src/domain/normalize-vocabulary.js';
import { fixture, tableTexts as tables } from './pdf-fixtures.js';

// LibreOffice's prints (scripts/make-pdf-fixtures.ts, FOUR_ROWS): the rows as the source writes them
const PRINTED = [
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  ['201', '一般公共服务支出', '784.52', '433.22', '351.30'],
  ['20103', '政府办公厅（室）及相关机构事务', '784.52', '433.22', '351.30'],
  ['2010301', '行政运行', '433.22', '433.22', ''],
  ['', '合计', '929.90', '578.60', '351.30'],
];
const read = (name: string) => extractPdf(fixture(name));

describe('rows a ruled table leaves open', () => {
  it('rules between the columns only (竖线表): a row per printed row, the wrapped name one cell', async () => {
    const raw = await read('column-rules.pdf');
    expect(tables(raw)).toEqual([PRINTED]);
    const t = normalizeDocument(raw, NORMALIZE_VOCABULARY).tables[0]!;
    expect(t.columns.map((c) => c.path)).toEqual(PRINTED[0]!.map((h) => [h]));
    expect(t.nRows).toBe(4);
  });

  it('a frame and nothing inside it: the same rows', async () => {
    expect(tables(await read('frame-only.pdf'))).toEqual([PRINTED]);
  });

  const SIZE = 10;
  const glyphs = (text: string, x: number, y: number): Glyph[] => Array.from(text).map((ch, i) => ({ ch, x0: x + i * 5, x1: x + (i + 1) * 5, y, size: SIZE, spaceBefore: false }));
  const cell = (col: number, xs: number[], ys: number[], lines: [string, number][]): GridCell => {
    const gs = lines.flatMap(([t, y]) => glyphs(t, xs[col]! + 2, y));
    return { row: 0, col, rowspan: 1, colspan: 1, box: [xs[col]!, ys[1]!, xs[col + 1]!, ys[0]!], glyphs: gs, text: lines.map(([t]) => t).join('\n') };
  };

  it('leaves a ruled row alone whose cells hold one or two amounts (an amount in two currencies)', () => {
    const xs = [0, 100, 200, 300];
    const ys = [700, 660];
    const t: PageTable = { box: [0, 660, 300, 700], xs, ys, cells: [cell(0, xs, ys, [['Procurement', 685]]), cell(1, xs, ys, [['62,785,105', 690], ['11,200', 678]]), cell(2, xs, ys, [['¥Japan', 690], ['US$', 678]])] };
    expect(splitOpenRows(t)).toBe(t);
  });

  it('splits a ruled row where two columns stack two amounts level with each other, not two amounts at different heights', () => {
    const xs = [0, 100, 200, 300];
    const ys = [700, 660];
    const rows = (r: PageTable) => Array.from({ length: r.ys.length - 1 }, (_, i) => r.cells.filter((c) => c.row === i).map((c) => c.text));
    const level: PageTable = { box: [0, 660, 300, 700], xs, ys, cells: [cell(0, xs, ys, [['一般公共服务', 690], ['合计', 676]]), cell(1, xs, ys, [['784.52', 690], ['929.90', 676]]), cell(2, xs, ys, [['433.22', 690], ['578.60', 676]])] };
    expect(rows(splitOpenRows(level))).toEqual([['一般公共服务', '784.52', '433.22'], ['合计', '929.90', '578.60']]);
    const staggered: PageTable = { box: [0, 660, 300, 700], xs, ys, cells: [cell(0, xs, ys, [['项目', 685]]), cell(1, xs, ys, [['1.00', 692], ['2.00', 680]]), cell(2, xs, ys, [['3.00', 686], ['4.00', 670]])] };
    expect(splitOpenRows(staggered)).toBe(staggered);
  });

  it('splits a ruled row where two columns stack three amounts or more', () => {
    const xs = [0, 100, 200, 300];
    const ys = [700, 640];
    const t: PageTable = {
      box: [0, 640, 300, 700],
      xs,
      ys,
      cells: [cell(0, xs, ys, [['A', 690], ['B', 676], ['C', 662]]), cell(1, xs, ys, [['1.00', 690], ['2.00', 676], ['3.00', 662]]), cell(2, xs, ys, [['4.00', 690], ['5.00', 676], ['6.00', 662]])],
    };
    const rows = (r: PageTable) => Array.from({ length: r.ys.length - 1 }, (_, i) => r.cells.filter((c) => c.row === i).map((c) => c.text));
    expect(rows(splitOpenRows(t))).toEqual([['A', '1.00', '4.00'], ['B', '2.00', '5.00'], ['C', '3.00', '6.00']]);
  });
});
