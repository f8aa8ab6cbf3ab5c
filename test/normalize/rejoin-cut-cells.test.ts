import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../extractors/pdf/extract-pdf.js';
import type { RawTableBlock } from '../../src/model/index.js';
import { normalizeDocument } from '../../src/normalize/normalize-document.js';
import { isCutContinuation, rejoinCutRow } from '../../src/normalize/rejoin-cut-cells.js';
import type { WorkRow } from '../../src/normalize/work-cell.js';

// real input: the raw blocks the PDF reader gives for seed 002's rendering, pages 10–11 (办公楼修缮工程费绩效目标表)
const PDF = new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, '../../corpus/rendered/002_c52ee38ce6c6c3d2.pdf')));
const work = (cells: RawTableBlock['rows'][number]['cells']): WorkRow => cells.map((c) => ({ raw: c.raw, text: c.raw, prov: c.prov }));

describe('rows cut by a page break in a PDF (wrapsFromAbove)', () => {
  it('joins the tail even when it fills the key column, as the PDF shows it wrapping on', async () => {
    const raw = await extractPdf(PDF, { pages: [10, 11] });
    const tables = raw.blocks.filter((b): b is RawTableBlock => b.type === 'table');
    const onPage = (n: number) => tables.filter((t) => t.prov[0]?.kind === 'pdf' && t.prov[0].page === n);
    const above = onPage(10).at(-1)!.rows.at(-1)!;
    const tail = onPage(11)[0]!.rows[1]!;
    expect(tail.wrapsFromAbove).toBe(true);
    expect(above.cells.map((c) => c.raw)).toEqual(['', '经济效益', '保持办公大楼原有的使用功能，防止、减少', '保持办公大楼原有的使用功能，防止、减少', '比上年有', '合同约']);
    // 二级指标, the column every indicator row fills, holds the tail `指标`: text alone cannot tell it from a row
    expect(isCutContinuation(work(tail.cells), work(above.cells), [1, 2, 3, 4, 5])).toBe(false);
    expect(isCutContinuation(work(tail.cells), work(above.cells), [1, 2, 3, 4, 5], true)).toBe(true);
    const joined = rejoinCutRow(work(above.cells), work(tail.cells), true);
    expect(joined.map((c) => c.text)).toEqual(['', '经济效益指标', '保持办公大楼原有的使用功能，防止、减少和控制空调设备、电梯、消防、楼顶防水及公共区域的破损，达到保修目的', '保持办公大楼原有的使用功能，防止、减少和控制空调设备、电梯、消防、楼顶防水及公共区域的破损，达到保修目的', '比上年有所提高', '合同约定及工作计划']);
  });

  it('never drops a wrapped tail that repeats the end of the text above (指 / 标 after …标)', () => {
    const prov = [{ kind: 'pdf' as const, page: 1, bbox: [0, 0, 1, 1] as [number, number, number, number] }];
    const cell = (text: string) => ({ raw: text, text, prov });
    expect(rejoinCutRow([cell('目标')], [cell('标')], true).map((c) => c.text)).toEqual(['目标标']);
    expect(rejoinCutRow([cell('目标')], [cell('标')]).map((c) => c.text)).toEqual(['目标']);
  });

  it('gives the joined cell both pieces of provenance, one per page', async () => {
    const doc = normalizeDocument(await extractPdf(PDF, { pages: [9, 10, 11] }));
    const t = doc.tables.find((x) => x.title === '办公楼修缮工程费绩效目标表')!;
    const cell = t.cells.find((c) => c.text === '经济效益指标')!;
    expect(cell.prov.map((p) => (p.kind === 'pdf' ? p.page : null))).toEqual([10, 11]);
    expect(t.cells.some((c) => c.text === '指标')).toBe(false);
  });
});
