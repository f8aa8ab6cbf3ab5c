import { describe, expect, it } from 'vitest';
import { classify, classifyRows, codeLevel, findCodeColumns, joinSplitCode, parentCode } from '../../src/domain/classification.js';
import { tableRole } from '../../src/domain/table-kinds.js';
import { layoutTable } from '../../src/domain/table-layout.js';
import { ALL_SEEDS } from '../support/corpus.js';
import { buildTable, seedDocument } from './build-table.js';

describe('科目 codes', () => {
  it('gives levels by length and parents one level up', () => {
    expect(classify('2010301', '功能分类')).toEqual({ system: '功能分类', code: '2010301', level: '项', parent: '20103' });
    expect(classify('20103', '功能分类')).toEqual({ system: '功能分类', code: '20103', level: '款', parent: '201' });
    expect(classify('201', '功能分类')).toEqual({ system: '功能分类', code: '201', level: '类', parent: null });
    expect(classify('30101', '经济分类')).toEqual({ system: '经济分类', code: '30101', level: '款', parent: '301' });
    expect(codeLevel('3010101', '经济分类')).toBeNull();
    expect(parentCode('201')).toBeNull();
  });

  it('reads codes printed with spaces', () => {
    expect(classify('201 03 01', '功能分类')?.code).toBe('2010301');
    expect(classify('2 0 1', '功能分类')?.code).toBe('201');
    expect(classify('12', '功能分类')).toBeNull();
  });
});

describe('classifyRows', () => {
  it('finds the code and name columns, and the 合计 row has a label but no code', () => {
    const t = buildTable({
      title: '部门预算支出总表',
      columns: ['序号', '功能分类科目/科目编码', '功能分类科目/科目名称', '合计'],
      rows: [
        ['1', '', '合计', '10.00'],
        ['2', '201', '一般公共服务支出', '10.00'],
        ['3', '201 03', '政府办公厅（室）及相关机构事务', '10.00'],
        ['4', '2010301', '行政运行', '10.00'],
      ],
    });
    const layout = layoutTable(t);
    const columns = findCodeColumns(layout);
    expect(columns).toMatchObject({ system: '功能分类', code: [1], name: 2, combined: false });
    expect(classifyRows(layout, columns).map((r) => [r.label, r.classification?.code ?? null, r.classification?.level ?? null, r.classification?.parent ?? null])).toEqual([
      ['合计', null, null, null],
      ['一般公共服务支出', '201', '类', null],
      ['政府办公厅（室）及相关机构事务', '20103', '款', '201'],
      ['行政运行', '2010301', '项', '20103'],
    ]);
  });

  it('reads a code and a name sharing one cell', () => {
    const t = buildTable({
      title: '支出决算表',
      columns: ['科目', '合计'],
      rows: [
        ['201 一般公共服务支出', '5.00'],
        ['20103 政府办公厅（室）及相关机构事务', '5.00'],
        ['2010301行政运行', '5.00'],
      ],
    });
    const layout = layoutTable(t);
    const rows = classifyRows(layout, findCodeColumns(layout));
    expect(rows.map((r) => [r.label, r.classification?.code])).toEqual([
      ['一般公共服务支出', '201'],
      ['政府办公厅（室）及相关机构事务', '20103'],
      ['行政运行', '2010301'],
    ]);
  });

  it('joins 决算 codes split into 类 / 款 / 项 columns, a row printing only its own part', () => {
    const t = buildTable({
      title: '支出决算表',
      columns: ['科目编码/类', '科目编码/款', '科目编码/项', '科目名称', '合计'],
      rows: [
        ['201', '', '', '一般公共服务支出', '5.00'],
        ['', '03', '', '政府办公厅（室）及相关机构事务', '5.00'],
        ['', '', '01', '行政运行', '5.00'],
        ['201', '03', '02', '一般行政管理事务', '0.00'],
      ],
    });
    const layout = layoutTable(t);
    expect(classifyRows(layout, findCodeColumns(layout)).map((r) => r.classification?.code)).toEqual(['201', '20103', '2010301', '2010302']);
  });

  it('joins 类 / 款 / 项 printed without leading zeros, under a one-level header, padding 款 and 项 to two digits', () => {
    // Shanghai 预算 tables print `201 | 03 | 01`, some others `201 | 3 | 1`; the cells stay as printed
    const t = buildTable({
      title: '2025年部门支出预算总表',
      columns: ['类', '款', '项', '功能分类科目名称', '合计'],
      rows: [
        ['', '', '', '合计', '9.00'],
        ['201', '', '', '一般公共服务支出', '9.00'],
        ['201', '3', '', '政府办公厅（室）及相关机构事务', '9.00'],
        ['201', '3', '1', '行政运行', '4.00'],
        ['201', '03', '50', '事业运行', '5.00'],
        ['', '', '2', '一般行政管理事务', '0.00'],
      ],
    });
    const layout = layoutTable(t);
    const columns = findCodeColumns(layout);
    expect(columns).toMatchObject({ code: [0, 1, 2], name: 3 });
    expect(classifyRows(layout, columns).map((r) => [r.label, r.classification?.code ?? null, r.classification?.level ?? null])).toEqual([
      ['合计', null, null],
      ['一般公共服务支出', '201', '类'],
      ['政府办公厅（室）及相关机构事务', '20103', '款'],
      ['行政运行', '2010301', '项'],
      ['事业运行', '2010350', '项'],
      ['一般行政管理事务', '2010302', '项'],
    ]);
    expect(layout.text(4, 1)).toBe('3');
  });

  it('reads no code from split parts that skip a level or are not digits', () => {
    expect(joinSplitCode(['201', '', '01'], null)).toBeNull();
    expect(joinSplitCode(['合计', '', ''], null)).toBeNull();
    expect(joinSplitCode(['', '', '01'], null)).toBeNull();
    expect(joinSplitCode(['301', '1'], null)).toBe('30101');
    expect(joinSplitCode(['', '5', ''], '2080101')).toBe('20805');
  });

  it('tells 经济分类 from 功能分类 by the header, else by the codes', () => {
    const t = buildTable({ title: 'x', columns: ['科目编码', '科目名称', '合计'], rows: [['301', '工资福利支出', '1.00'], ['30101', '基本工资', '1.00']] });
    const layout = layoutTable(t);
    expect(classifyRows(layout, findCodeColumns(layout))[1]!.classification).toEqual({ system: '经济分类', code: '30101', level: '款', parent: '301' });
  });

  it.each(ALL_SEEDS)('seed %s: every row of the 收入/支出 tables is the 合计 row or has a 功能分类 code, level and parent', (seed) => {
    const doc = seedDocument(seed);
    const roles = ['revenue_summary', 'expenditure_summary', 'general_budget_expenditure', 'gov_fund_expenditure', 'soe_capital_expenditure'];
    for (const t of doc.tables.filter((x) => roles.includes(tableRole(x.kind)))) {
      expect(t.rowInfo!.length, t.title!).toBe(t.nRows);
      for (const r of t.rowInfo!) {
        if (r.label === '合计') {
          expect(r.classification, `${t.title} ${r.label}`).toBeNull();
          continue;
        }
        const c = r.classification!;
        expect(c, `${t.title} row ${r.row} ${r.label}`).not.toBeNull();
        expect(c.system).toBe('功能分类');
        expect(c.level).toBe({ 3: '类', 5: '款', 7: '项' }[c.code.length]);
        expect(c.parent).toBe(c.level === '类' ? null : c.code.slice(0, c.code.length - 2));
        // the parent is printed in the same table, above
        if (c.parent) expect(t.rowInfo!.some((p) => p.classification?.code === c.parent && p.row < r.row), `${t.title} ${c.code}`).toBe(true);
      }
    }
  });

  it('gives the 基本支出表 rows their 经济分类 (seed 000)', () => {
    const t = seedDocument('000_0018174054ff74da').tables.find((x) => x.kind === 'general_budget_basic_expenditure')!;
    const coded = t.rowInfo!.filter((r) => r.classification);
    expect(coded.length).toBe(t.nRows - 1);
    expect(coded.every((r) => r.classification!.system === '经济分类')).toBe(true);
    expect(coded.find((r) => r.classification!.code === '30201')).toMatchObject({ label: '办公费', classification: { level: '款', parent: '302' } });
  });
});
