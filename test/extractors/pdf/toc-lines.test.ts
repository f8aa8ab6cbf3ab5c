import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../../extractors/pdf/page-blocks.js';
import type { Glyph, PageContent, Segment } from '../../../extractors/pdf/page-content.js';
import { pageTables } from '../../../extractors/pdf/page-tables.js';
import { isTocLine } from '../../../extractors/pdf/toc-lines.js';

const SIZE = 10;
/** Glyphs of `text` from x on baseline y: CJK and ellipses a whole em wide, others half. */
const run = (text: string, x: number, y: number): Glyph[] => {
  const out: Glyph[] = [];
  let at = x;
  for (const ch of Array.from(text)) {
    const w = /[\p{Script=Han}…]/u.test(ch) ? SIZE : SIZE * 0.5;
    out.push({ ch, x0: at, x1: at + w, y, size: SIZE, spaceBefore: false });
    at += w;
  }
  return out;
};
/** The four rules of a box. */
const rect = (x0: number, y0: number, x1: number, y1: number): Segment[] => [
  { x0, x1, y0, y1: y0 },
  { x0, x1, y0: y1, y1 },
  { x0, x1: x0, y0, y1 },
  { x0: x1, x1, y0, y1 },
];

/**
 * A table of contents laid out as Word does in corpus/real/putuo-2025-dept-budget-office.pdf
 * p.2: 目录, then one entry per line with an ellipsis leader and no page number, every line
 * boxed by borders that are not shown.
 */
function tocPage(): PageContent {
  const entries = ['目录', '一、部门主要职能……………………', '二、部门机构设置……………………', '五、部门预算表………………………', '1.2025年部门收入预算总表…………', '六、其他相关情况说明………………'];
  const glyphs: Glyph[] = [];
  const segments: Segment[] = [];
  entries.forEach((e, i) => {
    const top = 760 - i * 22;
    glyphs.push(...run(e, 72, top - 15));
    segments.push(...rect(68, top - 22, 520, top));
  });
  return { page: 2, view: [0, 0, 595, 842], glyphs, segments, shownGlyphs: glyphs.length, undecodedGlyphs: 0, shows: entries.length, emptyShows: 0, images: 0, nonFinite: 0 };
}

describe('table of contents', () => {
  it('tells an entry by its leader, with its page number or none, from prose ending in an ellipsis', () => {
    expect(isTocLine('一、部门主要职能……………………………')).toBe(true);
    expect(isTocLine('1. 2025年部门财务收支预算总表 ………… 12')).toBe(true);
    expect(isTocLine('第一部分 部门概况.......................3')).toBe(true);
    expect(isTocLine('二、收入决算表··3')).toBe(true);
    expect(isTocLine('主要职能包括：组织起草文件……')).toBe(false);
    expect(isTocLine('一、部门主要职能')).toBe(false);
    expect(isTocLine('1,234.50')).toBe(false);
  });

  it('is no table when Word boxes its lines (the ruled grid of 目录 and entries is dropped)', () => {
    expect(pageTables(tocPage(), 'auto', false)).toEqual([]);
    expect(pageTables(tocPage(), 'lattice', false)).toEqual([]);
  });

  it('becomes one toc block per entry, the 目录 title a text block, with no table on the page', () => {
    const items = layoutPage(tocPage());
    expect(items.map((i) => (i.kind === 'text' && i.block.type !== 'table' ? [i.block.type, i.block.raw] : ['table', '']))).toEqual([
      ['paragraph', '目录'],
      ['toc', '一、部门主要职能……………………'],
      ['toc', '二、部门机构设置……………………'],
      ['toc', '五、部门预算表………………………'],
      ['toc', '1.2025年部门收入预算总表…………'],
      ['toc', '六、其他相关情况说明………………'],
    ]);
    const first = items[1]!;
    expect(first.kind === 'text' && first.block.prov[0]).toMatchObject({ kind: 'pdf', page: 2 });
  });
});
