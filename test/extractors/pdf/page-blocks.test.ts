import { describe, expect, it } from 'vitest';
import { layoutPage, sharedEdges, tableBlock, type PageItem } from '../../../extractors/pdf/page-blocks.js';
import type { Glyph, PageContent, Segment } from '../../../extractors/pdf/page-content.js';
import type { PageTable } from '../../../extractors/pdf/ruled-tables.js';
import { DEFAULT_TABLE_SETTINGS } from '../../../src/model/index.js';

/** Glyphs of `text` from x on baseline y: CJK a whole em wide, others half. */
const run = (text: string, x: number, y: number, size = 10): Glyph[] => {
  const out: Glyph[] = [];
  let at = x;
  for (const ch of Array.from(text)) {
    const w = /[\p{Script=Han}，。：]/u.test(ch) ? size : size * 0.5;
    out.push({ ch, x0: at, x1: at + w, y, size, spaceBefore: false });
    at += w;
  }
  return out;
};
const hRule = (y: number, x0: number, x1: number): Segment => ({ x0, x1, y0: y, y1: y });
const vRule = (x: number, y0: number, y1: number): Segment => ({ x0: x, x1: x, y0, y1 });
const page = (glyphs: Glyph[], segments: Segment[] = []): PageContent => ({ page: 4, view: [0, 0, 595, 842], glyphs, segments, shownGlyphs: glyphs.length, undecodedGlyphs: 0, shows: 1, emptyShows: 0, images: 0, nonFinite: 0 });
const describeItem = (i: PageItem) => (i.kind === 'text' ? [i.block.type, 'raw' in i.block ? i.block.raw : ''] : ['table', i.table.cells.map((c) => c.text).join('|')]);

describe('layoutPage', () => {
  // a heading, a paragraph wrapped over two lines, 续表, a ruled 2 × 2 table, and the page number
  const firstLine = '本部门二〇二五年预算收入合计九百二十九万九千元，全部为一般公共预算拨款';
  const glyphs = [
    ...run('部门预算说明', 72, 780, 16),
    ...run(firstLine, 72, 750),
    ...run('比上年增加。', 72, 735),
    ...run('续表', 72, 700),
    ...run('项目', 80, 660),
    ...run('金额', 230, 660),
    ...run('合计', 80, 620),
    ...run('929.90', 230, 620),
    ...run('3', 297, 30),
  ];
  const segments = [hRule(680, 72, 372), hRule(640, 72, 372), hRule(600, 72, 372), vRule(72, 600, 680), vRule(222, 600, 680), vRule(372, 600, 680)];

  it('gives the page in reading order: heading, paragraph (its wrapped lines joined), table; 续表 and the page number are furniture', () => {
    expect(layoutPage(page(glyphs, segments)).map(describeItem)).toEqual([
      ['heading', '部门预算说明'],
      ['paragraph', firstLine + '比上年增加。'],
      ['table', '项目|金额|合计|929.90'],
    ]);
  });

  it('reads the table only by its rules with lattice, and by text alignment with stream (no rules, no table with lattice)', () => {
    expect(layoutPage(page(glyphs, []), 'lattice').some((i) => i.kind === 'table')).toBe(false);
    expect(layoutPage(page(glyphs, segments), 'lattice').filter((i) => i.kind === 'table').map(describeItem)).toEqual([['table', '项目|金额|合计|929.90']]);
  });

  it('splits a printed line at a wide gap into two text blocks (org left, unit right), as wide as textBlockGapEm says', () => {
    const line = [...run('单位：某某局', 72, 500), ...run('单位：万元', 450, 500)];
    expect(layoutPage(page(line)).map(describeItem)).toEqual([
      ['paragraph', '单位：某某局'],
      ['paragraph', '单位：万元'],
    ]);
    expect(layoutPage(page(line), 'auto', false, { ...DEFAULT_TABLE_SETTINGS, textBlockGapEm: 50 }).map(describeItem)).toEqual([['paragraph', '单位：某某局单位：万元']]);
  });
});

describe('tableBlock', () => {
  // 科目 spans two rows on the left; the right column is split by a rule the left one lacks
  const glyphs = [...run('科目', 80, 660), ...run('上年', 230, 665), ...run('本年', 230, 625)];
  const segments = [hRule(680, 72, 372), hRule(640, 222, 372), hRule(600, 72, 372), vRule(72, 600, 680), vRule(222, 600, 680), vRule(372, 600, 680)];

  it('gives a merged cell its rowspan and lists the place it covers in the row below, with provenance', () => {
    const [item] = layoutPage(page(glyphs, segments));
    expect(item!.kind).toBe('table');
    const block = tableBlock((item as { table: PageTable }).table, 4);
    expect(block.layout).toBe('grid');
    expect(block.rows.map((r) => r.cells.map((c) => [c.raw, c.col, c.colspan, c.rowspan ?? 1]))).toEqual([
      [
        ['科目', 0, 1, 2],
        ['上年', 1, 1, 1],
      ],
      [['本年', 1, 1, 1]],
    ]);
    expect(block.rows[1]!.covered).toEqual([{ col: 0, colspan: 1, prov: [{ kind: 'pdf', page: 4, bbox: [72, 600, 222, 640] }] }]);
    expect(block.prov).toEqual([{ kind: 'pdf', page: 4, bbox: [72, 600, 372, 680] }]);
  });
});

describe('sharedEdges', () => {
  it('takes the pieces of one table on one set of column edges, edges closer than sameColumnEdgePt as one', () => {
    const piece = (xs: number[]): PageTable => ({ box: [xs[0]!, 0, xs.at(-1)!, 10], xs, ys: [10, 0], cells: [] });
    const pieces = [piece([72, 172, 372]), piece([73.5, 172, 300, 372])];
    expect(sharedEdges(pieces)).toEqual([72, 172, 300, 372]);
    expect(sharedEdges(pieces, { ...DEFAULT_TABLE_SETTINGS, sameColumnEdgePt: 1 })).toEqual([72, 73.5, 172, 300, 372]);
  });
});
