import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../extractors/pdf/extract-pdf.js';
import type { RawRow, RawTableBlock } from '../../src/model/index.js';
import { normalizeDocument } from '../../src/normalize/normalize-document.js';
import { NORMALIZE_VOCABULARY } from '../../src/domain/normalize-vocabulary.js';
import { isCutContinuation, rejoinWrappedTail } from '../../src/normalize/rejoin-cut-cells.js';
import type { WorkRow } from '../../src/normalize/work-cell.js';

// real input: the raw blocks the PDF reader gives for seed 002's rendering, pages 10–11 (办公楼修缮工程费绩效目标表)
const PDF = new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, '../../corpus/rendered/002_c52ee38ce6c6c3d2.pdf')));
const PDF004 = new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, '../../corpus/rendered/004_3c83e1ac369f3f17.pdf')));
/** A raw grid row as normalisation works on it: its cells and the places it continues a merge from above ("") in column order. */
const work = (r: RawRow): WorkRow =>
  [...r.cells.map((c) => ({ col: c.col ?? 0, cell: { raw: c.raw, text: c.raw, prov: c.prov } })), ...(r.covered ?? []).map((v) => ({ col: v.col, cell: { raw: '', text: '', prov: v.prov } }))]
    .sort((a, b) => a.col - b.col)
    .map((x) => x.cell);

describe('rows cut by a page break in a PDF (wrapsFromAbove)', () => {
  it('joins the tail even when it fills the key column, as the PDF shows it wrapping on', async () => {
    const raw = await extractPdf(PDF, { pages: [10, 11] });
    const tables = raw.blocks.filter((b): b is RawTableBlock => b.type === 'table');
    const onPage = (n: number) => tables.filter((t) => t.prov[0]?.kind === 'pdf' && t.prov[0].page === n);
    const above = onPage(10).at(-1)!.rows.at(-1)!;
    const tail = onPage(11)[0]!.rows[1]!;
    expect(tail.wrapsFromAbove).toBe(true);
    expect(work(above).map((c) => c.raw)).toEqual(['', '经济效益', '保持办公大楼原有的使用功能，防止、减少', '保持办公大楼原有的使用功能，防止、减少', '比上年有', '合同约']);
    // 二级指标, the column every indicator row fills, holds the tail `指标`: the text rule cannot tell it from a row
    expect(isCutContinuation(work(tail), work(above), [1, 2, 3, 4, 5])).toBe(false);
    const [joined] = rejoinWrappedTail([work(above)], work(tail))!;
    expect(joined!.map((c) => c.text)).toEqual(['', '经济效益指标', '保持办公大楼原有的使用功能，防止、减少和控制空调设备、电梯、消防、楼顶防水及公共区域的破损，达到保修目的', '保持办公大楼原有的使用功能，防止、减少和控制空调设备、电梯、消防、楼顶防水及公共区域的破损，达到保修目的', '比上年有所提高', '合同约定及工作计划']);
    expect(joined![1]!.prov.map((p) => (p.kind === 'pdf' ? p.page : null))).toEqual([10, 11]);
  });

  it('joins a tail cell to a merged cell above, printed once in its first row (seed 004 pp. 9–10, …线路运 / 行维护)', async () => {
    const raw = await extractPdf(PDF004, { pages: [9, 10] });
    const tables = raw.blocks.filter((b): b is RawTableBlock => b.type === 'table');
    const piece = tables[0]!.rows.map(work);
    const tail = tables[1]!.rows.find((r) => r.wrapsFromAbove && r.cells.some((c) => c.raw === '行维护'))!;
    // the last row above prints "" under the merged 内容描述 cell
    expect(piece.at(-1)![2]!.text).toBe('');
    const rows = rejoinWrappedTail(piece, work(tail))!;
    const cell = rows.flat().find((c) => c.text.includes('⑥智慧城市指挥系统网络线路运'))!;
    expect(cell.text.endsWith('⑥智慧城市指挥系统网络线路运行维护')).toBe(true);
    expect(cell.prov.map((p) => (p.kind === 'pdf' ? p.page : null))).toEqual([9, 10]);
  });

  it('takes no tail whose filled cell has nothing above it to continue', () => {
    const prov = [{ kind: 'pdf' as const, page: 1, bbox: [0, 0, 1, 1] as [number, number, number, number] }];
    const cell = (text: string) => ({ raw: text, text, prov });
    expect(rejoinWrappedTail([[cell('a'), cell('')]], [cell(''), cell('b')])).toBeNull();
    // a wrapped tail that repeats the end of the text above is still a piece of its own (…目标 / 标)
    expect(rejoinWrappedTail([[cell('目标')]], [cell('标')])![0]![0]!.text).toBe('目标标');
  });

  it('joins with the separator the format gives: a new numbered item on its own line, Latin words with a space', async () => {
    const raw = await extractPdf(PDF, { pages: [11, 12] });
    const tables = raw.blocks.filter((b): b is RawTableBlock => b.type === 'table');
    const tail = tables.find((t) => t.prov[0]?.kind === 'pdf' && t.prov[0].page === 12)!.rows[1]!;
    expect(tail.cells.map((c) => c.joinAbove ?? null)).toEqual([null, null, null, '\n', null, null]);
    const doc = normalizeDocument(await extractPdf(PDF, { pages: [11, 12] }), NORMALIZE_VOCABULARY);
    const goal = doc.tables.find((t) => t.title === '车辆平台专项经费（司机劳务费）绩效目标表')!.cells.find((c) => c.text.startsWith('1.驾驶员岗位'))!;
    expect(goal.text).toMatch(/并按相应惩罚机制执行\n3\.整合资源/u);
    const prov = [{ kind: 'pdf' as const, page: 1, bbox: [0, 0, 1, 1] as [number, number, number, number] }];
    expect(rejoinWrappedTail([[{ raw: 'Sales of', text: 'Sales of', prov }]], [{ raw: 'goods', text: 'goods', prov, joinAbove: ' ' }])![0]![0]!.text).toBe('Sales of goods');
  });

  it('gives the joined cell both pieces of provenance, one per page', async () => {
    const doc = normalizeDocument(await extractPdf(PDF, { pages: [9, 10, 11] }), NORMALIZE_VOCABULARY);
    const t = doc.tables.find((x) => x.title === '办公楼修缮工程费绩效目标表')!;
    const cell = t.cells.find((c) => c.text === '经济效益指标')!;
    expect(cell.prov.map((p) => (p.kind === 'pdf' ? p.page : null))).toEqual([10, 11]);
    expect(t.cells.some((c) => c.text === '指标')).toBe(false);
  });
});
