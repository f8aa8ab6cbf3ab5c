import { describe, expect, it } from 'vitest';
import type { Glyph } from '../../../extractors/pdf/page-content.js';
import { documentTables } from '../../../extractors/pdf/page-tables.js';

/** A line of text at baseline `y`: each piece starts at its x, its characters 10 pt wide (digits and points 5). */
function line(y: number, pieces: [number, string][]): Glyph[] {
  return pieces.flatMap(([x, text]) => {
    let at = x;
    return Array.from(text).map((ch) => {
      const w = /[\d.]/.test(ch) ? 5 : 10;
      const g: Glyph = { ch, x0: at, x1: at + w, y, size: 10, spaceBefore: false };
      at += w;
      return g;
    });
  });
}

const grid = (t: { ys: number[]; cells: { row: number; col: number; colspan: number; text: string }[] }) =>
  Array.from({ length: t.ys.length - 1 }, (_, r) => t.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col).map((c) => (c.colspan > 1 ? `${c.text}×${c.colspan}` : c.text)));

describe('an unruled 收支总表: headings centred over two columns, names longer than the heading above them', () => {
  // as the scan of seed 001's page 1 without borders prints it (corpus/scans/001-p1-unruled.pdf):
  // 收入 centred over 项目 | 预算数 starts inside the names' column, right of where 项目 ends
  const glyphs = [
    ...line(700, [[150, '收入'], [400, '支出']]),
    ...line(680, [[30, '序号'], [100, '项目'], [230, '预算数'], [330, '项目'], [480, '预算数']]),
    ...line(660, [[30, '1'], [60, '一般公共预算拨款收入'], [230, '1274.78'], [330, '一般公共服务支出'], [480, '1085.26']]),
    ...line(640, [[30, '2'], [60, '政府性基金预算拨款收入'], [330, '外交支出']]),
    ...line(620, [[30, '3'], [330, '国防支出'], [480, '55.13']]),
  ];
  const content = { page: 1, view: [0, 0, 595, 842] as [number, number, number, number], glyphs, segments: [], shownGlyphs: glyphs.length, undecodedGlyphs: 0, shows: 1, emptyShows: 0, images: 0, nonFinite: 0 };

  it('gives five columns, not a column for each heading that the names then fill twice, and each heading spans its two', () => {
    const [t] = documentTables(content, 'stream', false);
    expect(grid(t!)).toEqual([
      ['', '收入×2', '支出×2'],
      ['序号', '项目', '预算数', '项目', '预算数'],
      ['1', '一般公共预算拨款收入', '1274.78', '一般公共服务支出', '1085.26'],
      ['2', '政府性基金预算拨款收入', '', '外交支出', ''],
      ['3', '', '', '国防支出', '55.13'],
    ]);
  });
});
