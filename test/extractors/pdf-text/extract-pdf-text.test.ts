import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../extractors/pdf-text/extract-pdf-text.js';
import { RawDocument, type RawTableBlock } from '../../../src/model/index.js';

const doc = (text: string) => RawDocument.parse(extractPdfText(text));
const tables = (text: string) => doc(text).blocks.filter((b): b is RawTableBlock => b.type === 'table');

describe('extractPdfText', () => {
  it('reads one row per line, cells between tabs, leading and trailing empty cells in place', () => {
    const [t] = tables('序号\t收入\t\t支出\t\n\t项目\t预算数\t项目\t预算数\n1\t一、一般公共预算拨款收入\t8900.03\t一、一般公共服务支出\t8309.97\n');
    expect(t!.layout).toBe('positional');
    expect(t!.rows.map((r) => r.cells.map((c) => c.raw))).toEqual([
      ['序号', '收入', '', '支出', ''],
      ['', '项目', '预算数', '项目', '预算数'],
      ['1', '一、一般公共预算拨款收入', '8900.03', '一、一般公共服务支出', '8309.97'],
    ]);
  });

  it('gives every cell the exact column span of its text on its line', () => {
    const src = '标题\n\n序号\t项目\n1\t行政运行\n';
    const cell = tables(src)[0]!.rows[1]!.cells[1]!;
    const p = cell.prov[0]!;
    if (p.kind !== 'text') throw new Error('text provenance expected');
    expect(p.start).toEqual({ line: 4, column: 3, offset: src.indexOf('行政运行') });
    expect(src.slice(p.start.offset, p.end.offset)).toBe('行政运行');
  });

  it('ends a table block at a blank line (a page break)', () => {
    expect(tables('a\t1\nb\t2\n\nc\t3\n')).toHaveLength(2);
  });

  it('reads dotted-leader lines as table-of-contents entries, not rows', () => {
    const d = doc('1、部门预算收支总表.....\t3\n2、部门预算收入总表.....\t5\n\n1、部门预算收支总表\n');
    expect(d.blocks.map((b) => b.type)).toEqual(['toc', 'toc', 'paragraph']);
  });

  it('marks markdown headings as headings and keeps prose as paragraphs', () => {
    const d = doc('## 一、部门职责\n\n- ①负责开发区机关事务的服务、保障工作。\n');
    expect(d.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph']);
  });
});
