import { describe, expect, it } from 'vitest';
import { findRuledTables } from '../../../extractors/pdf/ruled-tables.js';
import { renderedPages } from './rendered-pages.js';

describe('findRuledTables', () => {
  it('leaves places open at the frame out of the merged cell below them (seed 003 p. 8, 密码通信设备…绩效目标表)', async () => {
    const [content] = await renderedPages('003_fc1028512c8b7c0f', [8]);
    const table = findRuledTables(content!.segments, content!.glyphs).find((t) => t.cells.some((c) => c.text === '密码通信设备升级改造及管理费'))!;
    const row = (label: string) => table.cells.find((c) => c.col === 1 && c.text === label)!.row;
    const first = (r: number) => table.cells.find((c) => c.col === 0 && c.row <= r && r < c.row + c.rowspan)!;
    // a closed merged cell still spans its rows
    expect(first(row('数量指标'))).toMatchObject({ text: '产出指标', rowspan: 4 });
    expect(first(row('经济效益指标'))).toMatchObject({ text: '效益指标', rowspan: 1 });
    // LibreOffice left the frame open beside these three rows: empty places, not part of 满意度指标
    for (const label of ['社会效益指标', '生态效益指标', '可持续影响指标']) expect(first(row(label))).toMatchObject({ text: '', rowspan: 1, row: row(label) });
    expect(first(row('服务对象满意度指标'))).toMatchObject({ text: '满意度指标', rowspan: 1, row: row('服务对象满意度指标') });
  });

  it('puts text drawn over a bottom rule into the cell above the rule (seed 004 pp. 6 and 10: tails LibreOffice draws over the rule under an empty row)', async () => {
    const [p6, p10] = await renderedPages('004_3c83e1ac369f3f17', [6, 10]);
    const first6 = findRuledTables(p6!.segments, p6!.glyphs)[0]!;
    // the rule under the empty third row runs through the line `件、入侵检测及防篡改设备。`
    expect(first6.cells.find((c) => c.text === '件、入侵检测及防篡改设备。')).toMatchObject({ row: 2, col: 2 });
    expect(first6.cells.find((c) => c.row === 3 && c.col === 2)!.text.startsWith('根据国务院')).toBe(true);
    // on p. 10 the line `行维护` hangs over the table's bottom frame: it is still the last row's
    const first10 = findRuledTables(p10!.segments, p10!.glyphs)[0]!;
    expect(first10.cells.find((c) => c.text === '行维护')).toMatchObject({ row: first10.ys.length - 2, col: 2 });
  });
});

describe('findRuledTables on a grid without any outer frame', () => {
  // four columns (x 0–400), three rows (y 200–140); only the rules between them are drawn, and
  // the rule between columns 2 and 3 stops under the first row: a header cell spanning both
  const h = (y: number) => ({ x0: 0, y0: y, x1: 400, y1: y });
  const v = (x: number, y0: number) => ({ x0: x, y0, x1: x, y1: 200 });
  const segments = [h(180), h(160), v(100, 140), { x0: 200, y0: 140, x1: 200, y1: 180 }, v(300, 140)];
  const glyph = (ch: string, x0: number, y: number) => ({ ch, x0, x1: x0 + 8, y, size: 8, spaceBefore: false });
  const glyphs = [glyph('A', 192, 186), glyph('B', 200, 186), glyph('x', 40, 166), glyph('y', 340, 146)];

  it('keeps a merged cell on the unframed top row whole (no place there is "left open")', () => {
    const [table] = findRuledTables(segments, glyphs);
    expect(table!.xs).toEqual([0, 100, 200, 300, 400]);
    expect(table!.cells.find((c) => c.text === 'AB')).toMatchObject({ row: 0, col: 1, colspan: 2, rowspan: 1 });
    expect(table!.cells.filter((c) => c.row === 0).map((c) => c.colspan)).toEqual([1, 2, 1]);
    expect(table!.cells.find((c) => c.text === 'x')).toMatchObject({ row: 1, col: 0 });
    expect(table!.cells.find((c) => c.text === 'y')).toMatchObject({ row: 2, col: 3 });
  });
});
