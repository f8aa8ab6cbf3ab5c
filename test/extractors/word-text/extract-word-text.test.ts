import { describe, expect, it } from 'vitest';
import { extractWordText } from '../../../extractors/word-text/extract-word-text.js';
import { RawDocument, type RawTableBlock } from '../../../src/model/index.js';

const tables = (text: string) => RawDocument.parse(extractWordText(text)).blocks.filter((b): b is RawTableBlock => b.type === 'table');
const cellTexts = (t: RawTableBlock) => t.rows.map((r) => r.cells.map((c) => c.raw));

describe('extractWordText', () => {
  it('reads one cell per tab line and ends rows at blank lines', () => {
    const [t] = tables('标题\n\t序号\n\t项目\n\n\t1\n\t行政运行\n');
    expect(cellTexts(t!)).toEqual([['序号', '项目'], ['1', '行政运行']]);
  });

  it('keeps empty cells in place', () => {
    const [t] = tables('\t1\n\t\n\t合计\n\n');
    expect(cellTexts(t!)).toEqual([['1', '', '合计']]);
  });

  it('joins continuation lines into the cell above with "\\n"', () => {
    const [t] = tables('\t绩效目标\n\t1.第一段\n2.第二段\n\n\t下一行\n\n');
    expect(cellTexts(t!)).toEqual([['绩效目标', '1.第一段\n2.第二段'], ['下一行']]);
  });

  it('records each cell\'s exact span in the source', () => {
    const src = '标题\n\t序号\n\t1.第一段\n2.第二段\n\n\t下一行\n\n';
    const [t] = tables(src);
    const cell = t!.rows[0]!.cells[1]!;
    const p = cell.prov[0]!;
    if (p.kind !== 'text') throw new Error('text provenance expected');
    expect(src.slice(p.start.offset, p.end.offset)).toBe(cell.raw);
    expect(p.start).toEqual({ line: 3, column: 2, offset: src.indexOf('1.第一段') });
    expect(p.end.line).toBe(4);
  });

  it('starts a new table after two blank lines (the paragraph Word puts between tables)', () => {
    const ts = tables('\t绩效目标\n\t目标\n\n\n \n\t一级指标\n\t二级指标\n\n');
    expect(ts.map(cellTexts)).toEqual([[['绩效目标', '目标']], [['一级指标', '二级指标']]]);
  });

  it('drops "page number" lines and keeps text between tables as prose blocks', () => {
    const doc = extractWordText('\t1\n\n\n\npage number\npage number\n[bookmark: _Toc_1]部门预算收入总表\n\t2\n\n');
    expect(doc.blocks.map((b) => b.type)).toEqual(['table', 'heading', 'table']);
    expect(JSON.stringify(doc)).not.toContain('page number');
  });

  it('does not continue a plain number with the prose after a table (seed 000 L3149)', () => {
    const doc = extractWordText('\t4、其他固定资产\n\t1875\n\t673.22\n 八、名词解释\n1、一般公共预算拨款收入：指……\n');
    expect(doc.blocks.map((b) => b.type)).toEqual(['table', 'paragraph', 'paragraph']);
    expect(cellTexts(doc.blocks[0] as RawTableBlock)).toEqual([['4、其他固定资产', '1875', '673.22']]);
  });

  it('does not swallow prose that runs to the end of the file', () => {
    const doc = extractWordText('\t资产总额\n\t说明文字\n八、名词解释\n');
    expect(doc.blocks.map((b) => b.type)).toEqual(['table', 'paragraph']);
  });

  it('reads a cell paragraph after an empty paragraph inside the cell (seed 003 L1399-1401)', () => {
    const ts = tables('\t绩效目标\n\t1.确保运转。   \n\n2.严格标准。   \n\n\n\n\t一级指标\n\n');
    expect(cellTexts(ts[0]!)).toEqual([['绩效目标', '1.确保运转。   \n\n2.严格标准。   ']]);
    expect(ts).toHaveLength(2);
  });

  it('does not take a title after one blank line as a cell paragraph', () => {
    const doc = extractWordText('\t项目\n\t说明\n\n2、部门预算收入总表\n\t1\n\n');
    expect(doc.blocks.map((b) => b.type)).toEqual(['table', 'paragraph', 'table']);
  });

  it('counts CRLF line ends as one break and keeps offsets exact', () => {
    const src = '标题\r\n\t序号\r\n\t项目\r\n\r\n';
    const [t] = tables(src);
    const p = t!.rows[0]!.cells[1]!.prov[0]!;
    if (p.kind !== 'text') throw new Error('text provenance expected');
    expect(p.start.line).toBe(3);
    expect(src.slice(p.start.offset, p.end.offset)).toBe('项目');
  });
});
