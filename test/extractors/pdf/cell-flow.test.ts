import { describe, expect, it } from 'vitest';
import { joinWrapped } from '../../../src/text/wrapped-lines.js';
import { findRuledTables } from '../../../extractors/pdf/ruled-tables.js';
import { renderedPages } from './rendered-pages.js';

const cellTexts = async (seed: string, page: number) => {
  const [content] = await renderedPages(seed, [page]);
  return findRuledTables(content!.segments, content!.glyphs).flatMap((t) => t.cells.map((c) => c.text));
};

describe('wrapped lines inside a ruled cell', () => {
  it('joins `%` wrapped onto a line of its own to the number before it, without a space (seed 003 p. 7, 暑办 ≥95 / %)', async () => {
    const texts = await cellTexts('003_fc1028512c8b7c0f', 7);
    // the 指标值 cell of the 满意度 rows is too narrow for ≥95%: LibreOffice breaks inside the word
    expect(texts.filter((t) => t === '≥95%').length).toBeGreaterThan(3);
    expect(texts.some((t) => /\d %/u.test(t))).toBe(false);
  });

  it('starts a circled item (⑤) on a line of its own after a full line (seed 004 p. 9)', async () => {
    const texts = await cellTexts('004_3c83e1ac369f3f17', 9);
    const cell = texts.find((t) => t.includes('④数字旅游项目运营及推广'))!;
    expect(cell).toContain('④数字旅游项目运营及推广；\n⑤负责智慧城市指挥中心');
  });

  it('keeps an opening bracket with the character after it: a line starting 《北 after room for one character was broken in the source (seed 004 p. 4)', async () => {
    const texts = await cellTexts('004_3c83e1ac369f3f17', 4);
    const cell = texts.find((t) => t.includes('特约撰稿'))!;
    expect(cell).toContain('特约撰稿\n《北戴河年鉴》作为地方政府发行的正规出版物');
  });

  it('joins wrapped Latin words with a space, CJK and closing characters without one', () => {
    expect(joinWrapped('Sales of', 'goods')).toBe('Sales of goods');
    expect(joinWrapped('≥95', '%')).toBe('≥95%');
    expect(joinWrapped('(2022', ')')).toBe('(2022)');
    expect(joinWrapped('运转类公用', '项目经费')).toBe('运转类公用项目经费');
  });
});
