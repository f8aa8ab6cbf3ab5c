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
