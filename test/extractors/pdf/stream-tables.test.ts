import { describe, expect, it } from 'vitest';
import { closeFrame } from '../../../extractors/pdf/frame-edges.js';
import type { Glyph, PageContent } from '../../../extractors/pdf/page-content.js';
import { pageTables } from '../../../extractors/pdf/page-tables.js';
import { AUTO, findStreamTables, streamTable } from '../../../extractors/pdf/stream-tables.js';

const SIZE = 10;
/** Glyphs of `text` from x on baseline y: CJK a whole em wide, others half, a space half an em of nothing. */
function run(text: string, x: number, y: number): Glyph[] {
  const out: Glyph[] = [];
  let at = x;
  let space = false;
  for (const ch of Array.from(text)) {
    if (ch === ' ') {
      at += SIZE * 0.3;
      space = true;
      continue;
    }
    const w = /\p{Script=Han}/u.test(ch) ? SIZE : SIZE * 0.5;
    out.push({ ch, x0: at, x1: at + w, y, size: SIZE, spaceBefore: space });
    at += w;
    space = false;
  }
  return out;
}
const line = (y: number, ...pieces: [number, string][]) => pieces.flatMap(([x, t]) => run(t, x, y));
const rowsOf = (t: { xs: number[]; ys: number[]; cells: { row: number; col: number; text: string }[] }) =>
  Array.from({ length: t.ys.length - 1 }, (_, r) => t.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col).map((c) => c.text));

describe('stream tables', () => {
  it('takes columns from chunks that line up across rows; a missing chunk leaves an empty cell', () => {
    const glyphs = [
      ...line(700, [72, '项目'], [250, '本年'], [350, '上年']),
      ...line(680, [72, '工资福利支出'], [250, '100.00'], [350, '90.00']),
      ...line(660, [72, '其他'], [350, '5.00']),
    ];
    const t = streamTable(glyphs)!;
    expect(rowsOf(t)).toEqual([
      ['项目', '本年', '上年'],
      ['工资福利支出', '100.00', '90.00'],
      ['其他', '', '5.00'],
    ]);
  });

  it('keeps the words of a cell together: a word space is no column gap', () => {
    const glyphs = [...line(700, [72, 'Last Name'], [200, 'City']), ...line(680, [72, 'Lidstad'], [200, 'Saint Paul'])];
    expect(rowsOf(streamTable(glyphs)!)).toEqual([
      ['Last Name', 'City'],
      ['Lidstad', 'Saint Paul'],
    ]);
  });

  it('auto detection finds no table in prose, in an org line with its unit on the right, or in one line of three pieces', () => {
    const prose = [
      ...line(700, [72, '本部门2024年支出预算929.90万元，其中基本支出578.60万元。']),
      ...line(680, [72, '支出主要用于保障机关正常运转和履行职能。']),
      ...line(660, [72, '434政府办公室'], [400, '单位：万元']),
      ...line(640, [72, '434政府办公室'], [400, '单位：万元']),
      ...line(620, [72, '434政府办公室'], [400, '单位：万元']),
      ...line(580, [72, '单位负责人：'], [250, '财务负责人：'], [400, '制表人：']),
    ];
    expect(findStreamTables(prose, AUTO)).toEqual([]);
  });

  it('auto detection finds three rows of three aligned columns, and stops at a blank line', () => {
    const glyphs = [
      ...line(700, [72, '项目'], [250, '本年'], [350, '上年']),
      ...line(680, [72, '工资福利支出'], [250, '100.00'], [350, '90.00']),
      ...line(660, [72, '合计'], [250, '150.00'], [350, '130.00']),
      ...line(600, [72, '注'], [250, '1.00'], [350, '2.00']),
    ];
    const found = findStreamTables(glyphs, AUTO);
    expect(found.map(rowsOf)).toEqual([
      [
        ['项目', '本年', '上年'],
        ['工资福利支出', '100.00', '90.00'],
        ['合计', '150.00', '130.00'],
      ],
    ]);
  });
});

describe('stream tables with short lines', () => {
  it('keeps a short line between rows (a wrapped cell), but not a title set apart above the next table', () => {
    const glyphs = [
      ...line(700, [72, '项目'], [250, '本年'], [350, '上年']),
      ...line(686, [72, '工资福利支出'], [250, '100.00'], [350, '90.00']),
      ...line(672, [72, '对个人和家庭的'], [250, '50.00'], [350, '40.00']),
      ...line(658, [72, '补助']),
      ...line(644, [72, '合计'], [250, '150.00'], [350, '130.00']),
      // a blank line, a short title in the first column, and the next table
      ...line(614, [72, '附表二']),
      ...line(600, [72, '项目'], [250, '人数'], [350, '金额']),
      ...line(586, [72, '在职'], [250, '12'], [350, '80.00']),
      ...line(572, [72, '退休'], [250, '3'], [350, '10.00']),
    ];
    const found = findStreamTables(glyphs, AUTO);
    expect(found.map(rowsOf)).toEqual([
      [['项目', '本年', '上年'], ['工资福利支出', '100.00', '90.00'], ['对个人和家庭的', '50.00', '40.00'], ['补助', '', ''], ['合计', '150.00', '130.00']],
      [['项目', '人数', '金额'], ['在职', '12', '80.00'], ['退休', '3', '10.00']],
    ]);
  });
});

describe('pageTables auto', () => {
  it('finds an unruled table below a framed title (tabula\'s page-wide guess would read the page by its rules only)', () => {
    const box = [
      { x0: 60, x1: 420, y0: 740, y1: 740 },
      { x0: 60, x1: 420, y0: 760, y1: 760 },
      { x0: 60, x1: 60, y0: 740, y1: 760 },
      { x0: 420, x1: 420, y0: 740, y1: 760 },
    ];
    const glyphs = [
      ...line(745, [72, '附表一']),
      ...line(700, [72, '项目'], [250, '本年'], [350, '上年']),
      ...line(680, [72, '工资福利支出'], [250, '100.00'], [350, '90.00']),
      ...line(660, [72, '合计'], [250, '150.00'], [350, '130.00']),
    ];
    const content: PageContent = { page: 1, view: [0, 0, 595, 842], glyphs, segments: box, shownGlyphs: glyphs.length, undecodedGlyphs: 0, shows: 4, emptyShows: 0, images: 0, nonFinite: 0 };
    expect(pageTables(content, 'auto', false).map(rowsOf)).toEqual([[['附表一']], [['项目', '本年', '上年'], ['工资福利支出', '100.00', '90.00'], ['合计', '150.00', '130.00']]]);
    expect(pageTables(content, 'lattice', false).map(rowsOf)).toEqual([[['附表一']]]);
  });
});

describe('closeFrame', () => {
  it('extends the grid to where at least two crossing rules reach', () => {
    const rules = [
      { from: 57, to: 538 },
      { from: 57.2, to: 538.3 },
      { from: 195, to: 538 },
    ];
    expect(closeFrame([195, 270, 482], rules, 2.5)).toEqual([57.2, 195, 270, 482, 538]);
  });
  it('leaves a framed grid and a single stray long rule alone', () => {
    expect(closeFrame([72, 200, 400], [{ from: 72, to: 400 }, { from: 72, to: 400 }], 2.5)).toEqual([72, 200, 400]);
    expect(closeFrame([72, 200, 400], [{ from: 10, to: 400 }, { from: 72, to: 400 }], 2.5)).toEqual([72, 200, 400]);
  });
});
