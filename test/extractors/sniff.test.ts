import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffBytes, sniffTextFormat } from '../../extractors/sniff.js';
import { seedPath } from '../support/corpus.js';

describe('sniffTextFormat', () => {
  it.each([
    ['000_0018174054ff74da', 'word-text'],
    ['001_655c0751f88457f2', 'word-text'],
    ['002_c52ee38ce6c6c3d2', 'pdf-text'],
    ['003_fc1028512c8b7c0f', 'word-text'],
    ['004_3c83e1ac369f3f17', 'word-text'],
  ])('detects seed %s as %s by content', (seed, format) => {
    expect(sniffTextFormat(fs.readFileSync(seedPath(seed), 'utf8'))).toBe(format);
  });

  it('does not take a few tab-separated lines of prose for a table', () => {
    const prose = '部门职责：\t负责机关事务的服务、保障工作。\n机构设置：\t本部门设综合科、财务科。\n\n说明\t以上内容为本部门情况。\n';
    expect(sniffTextFormat(prose)).toBeNull();
  });

  it('does not take prose indented with tabs for a Word export', () => {
    const prose = '\t按照预算管理有关规定，目前我部门预算的编制实行综合预算管理。\n\n\t2022年预算收入为929.90万元。\n\n\t其中：一般公共预算收入929.90万元。\n';
    expect(sniffTextFormat(prose)).toBeNull();
  });

  it('finds a small Word-export table and a small converted table', () => {
    expect(sniffTextFormat('\t序号\n\t项目\n\t金额\n\n\t1\n\t合计\n\t929.90\n\n')).toBe('word-text');
    expect(sniffTextFormat('序号\t项目\t金额\n1\t合计\t929.90\n2\t行政运行\t336.49\n')).toBe('pdf-text');
  });
});

describe('sniffBytes', () => {
  it('tells containers apart from text by their magic bytes', () => {
    expect(sniffBytes(new Uint8Array())).toBe('empty');
    expect(sniffBytes(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffBytes(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('zip');
    expect(sniffBytes(Buffer.from('\t序号\n'))).toBe('text-or-binary');
  });
});
