import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProseClaims } from '../../src/domain/prose-claims.js';
import { collapseSpaces, removeFieldCodes } from '../../src/normalize/clean-text.js';
import { extractDocument } from '../../src/pipeline/extract-document.js';
import { sniffTextFormat } from '../../extractors/sniff.js';
import { isTocLine } from '../../extractors/pdf-text/extract-pdf-text.js';
import { buildDocument } from '../domain/build-table.js';
import { seedPath } from '../support/corpus.js';

// Each of these inputs took seconds to hours while its patterns were quadratic in a run's length
// (80k dots 14 s, 40k tabs 12 s, 80k digits 23 s, a .docx cell of 100k spaces 85 s). The tests
// assert the results; they finish in well under a second each now, and would time out before.
const RUN = 200_000;
const seed = fs.readFileSync(seedPath('004_3c83e1ac369f3f17'), 'utf8');

describe('runs of one character', () => {
  it('the pdf-text reader\'s table-of-contents test: its cases, and a line of a million dots in a seed (a fuzzed mutant ran past 121 s)', async () => {
    expect(isTocLine('一、收支总表 ........ 3')).toBe(true);
    expect(isTocLine('一、收支总表……\t12 ')).toBe(true);
    expect(isTocLine('目录···5')).toBe(true);
    expect(isTocLine('一、收支总表 .. 3')).toBe(false);
    expect(isTocLine('一、收支总表 ........')).toBe(false);
    expect(isTocLine('一、收支总表 ....x 3')).toBe(false);
    expect(isTocLine('.'.repeat(1_000_000))).toBe(false);
    expect(isTocLine(`${'.'.repeat(1_000_000)}7`)).toBe(true);
    expect(isTocLine('1'.repeat(1_000_000))).toBe(false);

    const pdfText = fs.readFileSync(seedPath('002_c52ee38ce6c6c3d2'), 'utf8');
    const lines = pdfText.split('\n');
    const withDots = [...lines.slice(0, 218), '.'.repeat(1_000_000), ...lines.slice(218)].join('\n');
    const [plain, dotted] = [extractDocument(new TextEncoder().encode(pdfText)), extractDocument(new TextEncoder().encode(withDots))];
    expect(dotted.ok && dotted.document.format).toBe('pdf-text');
    // the line of dots cuts the table it falls in (31 tables → 32); every table is still there
    expect(plain.ok && plain.document.tables.length).toBe(31);
    expect(dotted.ok && dotted.document.tables.length).toBe(32);
    expect(dotted.ok && dotted.document.tables.map((t) => t.title)).toEqual(expect.arrayContaining(plain.ok ? plain.document.tables.map((t) => t.title) : ['none']));
  }, 120_000);

  it('a line of dots is no table-of-contents entry unless a tab and a page number end it', () => {
    expect(sniffTextFormat(`${'.'.repeat(RUN)}\n${seed}`)).toBe('word-text');
    // table-of-contents lines alone are no evidence of a table; the same lines with a cell each are
    const toc = Array.from({ length: 4 }, (_, i) => `第${i + 1}表${'.'.repeat(RUN / 4)}\t${i + 3}`).join('\n');
    expect(sniffTextFormat(toc)).toBeNull();
    const rows = Array.from({ length: 4 }, (_, i) => `第${i + 1}表${'.'.repeat(RUN / 4)}x\t${i + 3}`).join('\n');
    expect(sniffTextFormat(rows)).toBe('pdf-text');
  });

  it('white space next to CJK and between other characters is collapsed', () => {
    expect(collapseSpaces(`项${'\t'.repeat(RUN)}目`)).toBe('项目');
    expect(collapseSpaces(`a${'\t'.repeat(RUN)}b`)).toBe('a b');
    expect(collapseSpaces(`12882${' '.repeat(RUN)}平方米`)).toBe('12882平方米');
    expect(removeFieldCodes(`一般公共预算支出表${' '.repeat(RUN)}x`)).toBe(`一般公共预算支出表${' '.repeat(RUN)}x`);
    expect(removeFieldCodes(`一般公共预算支出表${' '.repeat(RUN)}TC 一般公共预算支出表 \\f C \\l 1`)).toBe('一般公共预算支出表');
  });

  it('an amount after a line of digits is read; the digits are not an amount', () => {
    const claims = findProseClaims(buildDocument([], [`${'7'.repeat(RUN)}。2023年部门支出预算为8320.77万元，其中基本支出3611.85万元。`], 2023).blocks, 2023);
    expect(claims.map((c) => `${c.lead}|${c.printed}`)).toEqual(['2023年部门支出预算为|8320.77万元', '其中基本支出|3611.85万元']);
  });

  it('a figure split by 其中 is still checked against its parts in a seed with a line of digits (fuzzed mutants m00168, m00332, m00388: a line of a million 7s ran past their limit in enrich)', () => {
    // where m00168 put it: in seed 000's three-public table, whose total the text splits by 其中
    const lines = fs.readFileSync(seedPath('000_0018174054ff74da'), 'utf8').split('\n');
    const withDigits = [...lines.slice(0, 1135), '7'.repeat(RUN), ...lines.slice(1135)].join('\n');
    const r = extractDocument(new TextEncoder().encode(withDigits));
    if (!r.ok) throw new Error(r.error);
    expect(r.document.checks!.filter((c) => c.name === 'prose-parts').map((c) => `${c.status} ${c.message}`)).toEqual(['pass 929.90万元 = the 4 parts it lists after 其中']);
  });

  it('a .docx cell of 100,000 spaces between 序号 and 1 reads as 序号1', () => {
    const bytes = fs.readFileSync(path.resolve(__dirname, '../fixtures/reliability/docx-100k-spaces-in-cell-85s.docx'));
    const r = extractDocument(new Uint8Array(bytes));
    if (!r.ok) throw new Error(r.error);
    expect(r.document.tables.length).toBe(19);
    expect(r.document.tables.flatMap((t) => t.cells).filter((c) => c.text === '序号1').length).toBe(1);
  });
});
