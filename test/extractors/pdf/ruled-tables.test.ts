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
});
