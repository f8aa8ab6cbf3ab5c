import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../extractors/pdf/extract-pdf.js';
import { readPageContent, type Glyph } from '../../../extractors/pdf/page-content.js';
import { pageTables } from '../../../extractors/pdf/page-tables.js';
import { openPdf } from '../../../extractors/pdf/pdfjs.js';
import { joinCellLines } from '../../../extractors/pdf/stream-rows.js';
import { streamTable } from '../../../extractors/pdf/stream-tables.js';
import { glyphCenter, groupLines } from '../../../extractors/pdf/text-lines.js';
import { normalizeDocument } from '../../../src/normalize/normalize-document.js';
import { NORMALIZE_VOCABULARY } from '../../../src/domain/normalize-vocabulary.js';
import { fixture, tableTexts as tables } from './pdf-fixtures.js';

// LibreOffice's print of a borderless table whose names wrap (scripts/make-pdf-fixtures.ts, UNRULED_WRAPPED_HTML)
const wrapped = () => fixture('unruled-wrapped.pdf');
const rowsOf = (t: { ys: number[]; cells: { row: number; col: number; text: string }[] }) =>
  Array.from({ length: t.ys.length - 1 }, (_, r) => t.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col).map((c) => c.text));

/** The table as the HTML it was printed from has it, row by row. */
const PRINTED = [
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  ['201', '一般公共服务支出', '784.52', '433.22', '351.30'],
  ['20103', '政府办公厅（室）及相关机构事务', '784.52', '433.22', '351.30'],
  ['2010301', '行政运行', '433.22', '433.22', ''],
  ['208', '社会保障和就业支出', '145.38', '145.38', ''],
  ['20805', '行政事业单位养老支出（机关事业单位基本养老保险缴费支出）', '145.38', '145.38', ''],
  ['', '合计', '929.90', '578.60', '351.30'],
];

describe('an unruled table whose cells wrap over several lines', () => {
  it('is found whole (short lines inside it do not end it) and each wrapped cell is one cell, in auto and stream', async () => {
    for (const method of ['auto', 'stream'] as const) {
      const raw = await extractPdf(wrapped(), { method });
      expect(tables(raw)).toEqual([PRINTED]);
      // the paragraph right under the table spans its columns: it stays text
      expect(raw.blocks.at(-1)).toMatchObject({ type: 'paragraph', raw: '本部门2024年支出预算929.90万元，其中基本支出578.60万元，项目支出351.30万元。' });
    }
    const doc = normalizeDocument(await extractPdf(wrapped()), NORMALIZE_VOCABULARY);
    expect(doc.tables[0]!.columns.map((c) => c.path)).toEqual(PRINTED[0]!.map((h) => [h]));
  });

  it('keeps a row per printed line in the grid tabula would give (pageTables), and joins them only for the document', async () => {
    const doc = await openPdf(wrapped());
    const content = await readPageContent(await doc.getPage(1), 1);
    await doc.destroy();
    const [grid] = pageTables(content, 'stream', false);
    expect(rowsOf(grid!).slice(2, 5)).toEqual([
      ['', '政府办公厅（室）', '', '', ''],
      ['20103', '', '784.52', '433.22', '351.30'],
      ['', '及相关机构事务', '', '', ''],
    ]);
    const joined = joinCellLines(grid!);
    expect(rowsOf(joined)).toEqual(PRINTED);
    // a joined cell's box holds every line it was printed on, and only those
    const name = joined.cells.find((c) => c.row === 5 && c.col === 1)!;
    const [x0, y0, x1, y1] = name.box;
    const inside = content.glyphs.filter((g) => {
      const [cx, cy] = glyphCenter(g);
      return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
    });
    expect(groupLines(inside).map((l) => l.text)).toEqual(['行政事业单位养老', '支出（机关事业单', '位基本养老保险缴', '费支出）']);
  });
});

describe('an unruled table over three pages, its header repeated, every tenth name wrapped', () => {
  // scripts/make-pdf-fixtures.ts, UNRULED_PAGES_HTML: the rows as its source writes them
  const names = ['行政运行', '一般行政管理事务', '机关服务', '专项业务活动', '政务公开审批', '信访事务', '参事事务', '事业运行', '其他政府办公厅（室）及相关机构事务支出', '社会保障和就业支出'];
  const two = (n: number) => String(n).padStart(2, '0');
  const printed = Array.from({ length: 70 }, (_, i) => [`2010${String(i).padStart(3, '0')}`, names[i % 10]!, `${100 + i}.${two(i)}`, `${50 + i}.00`, `50.${two(i)}`]);

  it('is one table of 70 body rows under one header, found by auto, each wrapped name one cell', async () => {
    const bytes = fixture('unruled-pages.pdf');
    const doc = normalizeDocument(await extractPdf(bytes), NORMALIZE_VOCABULARY);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect([t.title, t.unit]).toEqual(['2024年部门预算支出明细表', '万元']);
    expect(t.columns.map((c) => c.path)).toEqual([['科目编码'], ['科目名称'], ['合计'], ['基本支出'], ['项目支出']]);
    const body = Array.from({ length: t.nRows }, (_, r) => t.cells.filter((c) => c.row === t.headerRows + r).sort((a, b) => a.col - b.col).map((c) => c.text));
    expect(body).toEqual(printed);
    // the pieces: rows on pages 1, 2 and 3
    const pages = new Set(t.cells.flatMap((c) => c.prov.map((p) => (p.kind === 'pdf' ? p.page : 0))));
    expect([...pages].sort()).toEqual([1, 2, 3]);
  });
});

describe('other borderless prints (scripts/make-pdf-fixtures.ts)', () => {
  const read = (name: string, method: 'auto' | 'stream' | 'lattice') => extractPdf(fixture(name), { method });

  it('top-aligned cells: the amounts beside a name\'s first line, its other lines below, 4 px padding', async () => {
    for (const method of ['auto', 'stream'] as const)
      expect(tables(await read('unruled-top.pdf', method))).toEqual([[...PRINTED.slice(0, 4), PRINTED[5]!, PRINTED[6]!]]);
  });

  it('a three-line table (rules above and below the header and below the last row): auto reads it by its text', async () => {
    const expected = [...PRINTED.slice(0, 4), PRINTED[6]!];
    expect(tables(await read('three-line.pdf', 'auto'))).toEqual([expected]);
    // three horizontal rules and no vertical one close no cell
    expect(tables(await read('three-line.pdf', 'lattice'))).toEqual([]);
  });
});

describe('an unruled table with a two-row header (scripts/make-pdf-fixtures.ts, UNRULED_HEADER_HTML)', () => {
  it('takes in the header lines that do not line up as a row, and merges 其中 over two columns and the headings printed between its lines', async () => {
    const bytes = fixture('unruled-header.pdf');
    const raw = await extractPdf(bytes);
    expect(tables(raw)).toEqual([
      [
        ['科目编码', '科目名称', '合计', '其中'],
        ['', '', '', '基本支出', '项目支出'],
        ['201', '一般公共服务支出', '784.52', '433.22', '351.30'],
        ['2010301', '行政运行', '433.22', '433.22', ''],
        ['', '合计', '929.90', '578.60', '351.30'],
      ],
    ]);
    const t = normalizeDocument(raw, NORMALIZE_VOCABULARY).tables[0]!;
    expect(t.columns.map((c) => c.path)).toEqual([['科目编码'], ['科目名称'], ['合计'], ['其中', '基本支出'], ['其中', '项目支出']]);
    expect(t.nRows).toBe(3);
    // the unit line above the table stays text
    expect(raw.blocks.filter((b) => b.type !== 'table').map((b) => b.raw)).toContain('单位：万元');
  });
});

describe('joinCellLines', () => {
  const SIZE = 10;
  const run = (text: string, x: number, y: number): Glyph[] =>
    Array.from(text).map((ch, i) => ({ ch, x0: x + i * SIZE, x1: x + (i + 1) * SIZE, y, size: SIZE, spaceBefore: false }));
  const line = (y: number, label: string, amount: string) => [...run(label, 72, y), ...(amount ? run(amount, 250, y) : [])];

  it('leaves an evenly spaced table a row per line', () => {
    const t = streamTable([...line(700, '项目', '金额'), ...line(686, '工资福利支出', '100'), ...line(672, '其他', '')])!;
    expect(rowsOf(joinCellLines(t))).toEqual(rowsOf(t));
  });

  it('joins no rows across a wide gap that only sets the total apart, nor two amounts of one column', () => {
    // lines 14 pt apart (a 3.5-point gap between line boxes), then a blank line before 合计
    const t = streamTable([...line(700, '项目', '金额'), ...line(686, '工资福利支出', '100'), ...line(672, '商品服务', '50'), ...line(640, '合计', '150')])!;
    expect(rowsOf(joinCellLines(t))).toEqual([['项目', '金额'], ['工资福利支出', '100'], ['商品服务', '50'], ['合计', '150']]);
  });
});
