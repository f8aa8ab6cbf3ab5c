import { describe, expect, it } from 'vitest';
import { findRuledTables } from '../../../extractors/pdf/ruled-tables.js';
import { rowsWrappedFromAbove } from '../../../extractors/pdf/wrapped-rows.js';
import { renderedPages } from './rendered-pages.js';

/** The last table piece on page `from` and the first on the page after it, as the PDF holds them. */
async function piecesAcross(seed: string, from: number) {
  const [a, b] = await renderedPages(seed, [from, from + 1]);
  const prev = findRuledTables(a!.segments, a!.glyphs);
  const next = findRuledTables(b!.segments, b!.glyphs);
  return { prev: prev[prev.length - 1]!, next: next[0]! };
}

const rowTexts = (t: { cells: { row: number; text: string }[] }, r: number) => t.cells.filter((c) => c.row === r).map((c) => c.text);

describe('rowsWrappedFromAbove', () => {
  it('sees the rest of a row cut by the page break, its key column cut too (seed 002 pp. 10–11, 经济效益 / 指标)', async () => {
    const { prev, next } = await piecesAcross('002_c52ee38ce6c6c3d2', 10);
    // row 0 is the repeated header, row 1 the tail
    expect(rowTexts(next, 1).slice(0, 2)).toEqual(['', '指标']);
    expect(rowsWrappedFromAbove(prev, next).map((w) => w.row)).toContain(1);
  });

  it('sees a tail that fills only some cells, and one cut inside a word (seed 003 pp. 7–8, 满意度指 / 标, ≥95 / %)', async () => {
    const { prev, next } = await piecesAcross('003_fc1028512c8b7c0f', 7);
    expect(rowTexts(next, 0)).toEqual(['标', '指标', '', '', '%', '划']);
    expect(rowsWrappedFromAbove(prev, next).map((w) => w.row)).toContain(0);
  });

  it('sees a cell going on with the next item of its numbered list, on a line of its own (seed 002 pp. 11–12, 绩效目标 1. 2. / 3.)', async () => {
    const { prev, next } = await piecesAcross('002_c52ee38ce6c6c3d2', 11);
    expect(rowTexts(next, 1)[3]!.startsWith('3.整合资源')).toBe(true);
    const tail = rowsWrappedFromAbove(prev, next).find((w) => w.row === 1)!;
    expect([...tail.joins.values()]).toEqual(['\n']);
  });

  it('says how each tail cell joins: CJK and a word cut before % without a space', async () => {
    const { prev, next } = await piecesAcross('003_fc1028512c8b7c0f', 7);
    const tail = rowsWrappedFromAbove(prev, next).find((w) => w.row === 0)!;
    expect([...tail.joins].map(([c, j]) => [c.text, j])).toEqual([['标', ''], ['指标', ''], ['%', ''], ['划', '']]);
  });

  it('does not take a row of its own for a tail (seed 002 pp. 20–21: the page ends after a whole row)', async () => {
    const { prev, next } = await piecesAcross('002_c52ee38ce6c6c3d2', 20);
    expect(rowTexts(next, 1).slice(0, 3)).toEqual(['', '社会效益指标', '云视讯系统正常使用，保障工作顺利开展']);
    expect(rowsWrappedFromAbove(prev, next).map((w) => w.row)).not.toContain(1);
  });
});
