import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enrichDocument } from '../../src/domain/enrich-document.js';
import { openStore } from '../../src/store/index.js';
import { tempDir } from '../support/corpus.js';
import { buildDocument, buildTable } from './build-table.js';

/**
 * A 基本支出 table printed as two panels, 人员经费 on the left and 公用经费 on the right, each
 * with its own 科目编码 / 科目名称 / 决算数: every printed row holds two rows of the budget.
 */
function basicExpenditure(rightTotal = '30.00', panels: number[] | null = [0, 3]) {
  const table = buildTable({
    title: '一般公共预算财政拨款基本支出决算表',
    columns: ['经济分类/科目编码', '科目名称', '决算数', '经济分类/科目编码', '科目名称', '决算数'],
    rows: [
      ['301', '工资福利支出', '100.00', '302', '商品和服务支出', rightTotal],
      ['30101', '基本工资', '60.00', '30201', '办公费', '10.00'],
      ['30102', '津贴补贴', '40.00', '30202', '印刷费', '15.00'],
      ['303', '对个人和家庭的补助', '5.00', '30205', '水费', '5.00'],
      ['30302', '退休费', '5.00', '', '', ''],
    ],
  });
  return enrichDocument(buildDocument([panels ? { ...table, panels } : table], [], 2024));
}

describe('a table printed as side-by-side panels', () => {
  it('reads each panel’s rows with their own 科目: 302 beside 301 in one printed row', () => {
    const t = basicExpenditure().tables[0]!;
    const codes = (panel: number | undefined) => t.rowInfo!.filter((r) => r.panel === panel).map((r) => [r.row, r.classification?.code]);
    expect(codes(undefined)).toEqual([[1, '301'], [2, '30101'], [3, '30102'], [4, '303'], [5, '30302']]);
    expect(codes(1)).toEqual([[1, '302'], [2, '30201'], [3, '30202'], [4, '30205']]);
    expect(t.amounts!.filter((a) => a.col === 5).map((a) => [a.item, a.panel])).toEqual([['商品和服务支出', 1], ['办公费', 1], ['印刷费', 1], ['水费', 1]]);
  });

  it('sums each panel’s 款 into its own 类: no false alarm, and a changed figure on the right fires there', () => {
    const sums = (doc: ReturnType<typeof basicExpenditure>) => doc.checks!.filter((c) => c.name === 'class-sum').map((c) => [c.status, c.refs.map((r) => `${r.row}:${r.col}:${r.text}`).join(' ')]);
    expect(sums(basicExpenditure())).toEqual([
      ['pass', '1:2:100.00 2:2:60.00 3:2:40.00'],
      ['pass', '4:2:5.00 5:2:5.00'],
      ['pass', '1:5:30.00 2:5:10.00 3:5:15.00 4:5:5.00'],
    ]);
    expect(sums(basicExpenditure('31.00')).filter(([s]) => s === 'fail')).toEqual([['fail', '1:5:31.00 2:5:10.00 3:5:15.00 4:5:5.00']]);
    // read as one panel, the right panel's 科目 are lost: 301's 款 are summed in the right 决算数 too, a false alarm
    expect(sums(basicExpenditure('30.00', null)).some(([s]) => s === 'fail')).toBe(true);
  });

  it('gives each fact the 科目 of its own panel in the store', () => {
    const store = openStore(path.join(tempDir(), 'panels.sqlite'));
    const run = store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} });
    const doc = basicExpenditure();
    const id = store.writeDocument(run, { source: 'basic.txt', sha256: 'ab'.repeat(32), bytes: 1 }, { document: doc });
    expect([...store.facts()].filter((f) => f.row === 1).map((f) => [f.col, f.code, f.item, f.printed])).toEqual([
      [2, '301', '工资福利支出', '100.00'],
      [5, '302', '商品和服务支出', '30.00'],
    ]);
    expect(store.readDocument(id)).toEqual(doc);
    store.close();
  });
});
