import { describe, expect, it } from 'vitest';
import { classifyTableKind, classifyTableKindByHeader, TABLE_KINDS, tableRole } from '../../src/domain/table-kinds.js';
import { ALL_SEEDS } from '../support/corpus.js';
import { seedDocument } from './build-table.js';

describe('classifyTableKind (by title)', () => {
  it('names the nine 部门预算 tables', () => {
    expect(
      [
        '部门预算收支总表',
        '部门预算收入总表',
        '部门预算支出总表',
        '部门预算财政拨款收支总表',
        '部门预算一般公共预算财政拨款支出表',
        '部门预算一般公共预算财政拨款基本支出表',
        '部门预算政府性基金预算财政拨款支出表',
        '部门预算国有资本经营预算财政拨款支出表',
        '部门预算财政拨款“三公”经费支出表',
      ].map(classifyTableKind),
    ).toEqual([
      'budget_revenue_expenditure_summary',
      'budget_revenue_summary',
      'budget_expenditure_summary',
      'fiscal_appropriation_summary',
      'general_budget_expenditure',
      'general_budget_basic_expenditure',
      'gov_fund_expenditure',
      'soe_capital_expenditure',
      'three_public_expenses',
    ]);
  });

  it('names the Shanghai 部门 and 单位 预算 tables (corpus/real), 预算 before 总表 and 收支 for 收入支出', () => {
    const titles: [string, string][] = [
      ['2025年部门财务收支预算总表', 'budget_revenue_expenditure_summary'],
      ['2025年预算单位财务收支预算总表', 'budget_revenue_expenditure_summary'],
      ['2025年部门收入预算总表', 'budget_revenue_summary'],
      ['2025年预算单位收入预算总表', 'budget_revenue_summary'],
      ['2025年部门支出预算总表', 'budget_expenditure_summary'],
      ['2025年预算单位支出预算总表', 'budget_expenditure_summary'],
      ['2025年部门财政拨款收支预算总表', 'fiscal_appropriation_summary'],
      ['2025年预算单位财政拨款收支预算总表', 'fiscal_appropriation_summary'],
      ['2025年部门一般公共预算支出功能分类预算表', 'general_budget_expenditure'],
      ['2025年部门政府性基金预算支出功能分类预算表', 'gov_fund_expenditure'],
      ['2025年部门国有资本经营预算支出功能分类预算表', 'soe_capital_expenditure'],
      ['2025年部门一般公共预算基本支出部门预算经济分类预算表', 'general_budget_basic_expenditure'],
      ['2025年部门“三公”经费和机关运行经费预算表', 'three_public_expenses'],
      ['2025年单位“三公”经费和机关运行经费预算表', 'three_public_expenses'],
      ['单位收入支出决算总表', 'final_revenue_expenditure_summary'],
      ['部门决算单位构成', 'other'],
    ];
    for (const [title, id] of titles) expect(classifyTableKind(title), title).toBe(id);
  });

  it('names their 部门决算 equivalents, which share the role of the 预算 table', () => {
    const titles: [string, string][] = [
      ['收入支出决算总表', 'final_revenue_expenditure_summary'],
      ['收入决算表', 'final_revenue'],
      ['支出决算表', 'final_expenditure'],
      ['财政拨款收入支出决算总表', 'final_fiscal_appropriation_summary'],
      ['一般公共预算财政拨款支出决算表', 'final_general_budget_expenditure'],
      ['一般公共预算财政拨款基本支出决算表', 'final_general_budget_basic_expenditure'],
      ['政府性基金预算财政拨款收入支出决算表', 'final_gov_fund_expenditure'],
      ['国有资本经营预算财政拨款支出决算表', 'final_soe_capital_expenditure'],
      ['财政拨款“三公”经费支出决算表', 'final_three_public_expenses'],
    ];
    for (const [title, id] of titles) {
      expect(classifyTableKind(title), title).toBe(id);
      const budget = TABLE_KINDS.find((k) => k.docKind === '预算' && k.role === tableRole(id));
      expect(budget, title).toBeDefined();
    }
  });

  it('is tolerant: 政府基金 / 政府性基金, with or without 财政拨款, spaces', () => {
    expect(classifyTableKind('部门预算政府基金预算财政拨款支出表')).toBe('gov_fund_expenditure');
    expect(classifyTableKind('一般公共预算支出表')).toBe('general_budget_expenditure');
    expect(classifyTableKind('一般公共预算 基本支出表')).toBe('general_budget_basic_expenditure');
    expect(classifyTableKind('部门 收支 总表')).toBe('budget_revenue_expenditure_summary');
  });

  it('knows 绩效, 采购, 资产, 机构 tables, and keeps anything else as other', () => {
    expect(classifyTableKind('党史宣传研究工作经费绩效目标表')).toBe('performance_targets');
    expect(classifyTableKind('部门整体绩效目标表')).toBe('org_performance_targets');
    expect(classifyTableKind('部门职责-工作活动绩效目标')).toBe('activity_performance_targets');
    expect(classifyTableKind('部门政府采购预算')).toBe('procurement');
    expect(classifyTableKind('2022年资产构成情况表')).toBe('fixed_assets');
    expect(classifyTableKind('部门固定资产占用情况表')).toBe('fixed_assets');
    expect(classifyTableKind('部门机构设置情况')).toBe('org_structure');
    expect(classifyTableKind('人员编制情况表')).toBe('other');
    expect(classifyTableKind(null)).toBe('other');
  });
});

describe('classifyTableKindByHeader (when the title says nothing)', () => {
  it.each(ALL_SEEDS)('gives the seed %s tables their kinds back from header paths and row labels alone', (seed) => {
    const doc = seedDocument(seed);
    for (const t of doc.tables) {
      const labels = t.cells.filter((c) => !c.isHeader && c.text).map((c) => c.text);
      const byHeader = classifyTableKindByHeader(t.columns.map((c) => c.path), labels);
      // the 政府性基金 / 国有资本经营 tables print the same header as the 一般公共预算 table: only the title tells them apart
      const expected = ['gov_fund_expenditure', 'soe_capital_expenditure'].includes(t.kind) ? 'general_budget_expenditure' : t.kind;
      expect(byHeader, `${seed} ${t.title}`).toBe(expected);
    }
  });

  it('tells 决算 tables by their columns', () => {
    const expenditure = [['科目编码'], ['科目名称'], ['本年支出合计'], ['基本支出'], ['项目支出'], ['经营支出']];
    expect(classifyTableKindByHeader(expenditure)).toBe('budget_expenditure_summary');
    expect(classifyTableKindByHeader(expenditure, [], '决算')).toBe('final_expenditure');
    expect(classifyTableKindByHeader([['科目编码'], ['科目名称'], ['年初结转和结余'], ['本年收入'], ['事业收入']])).toBe('final_revenue');
    expect(classifyTableKindByHeader([['项目'], ['决算数']], ['一、因公出国（境）费'])).toBe('final_three_public_expenses');
    expect(classifyTableKindByHeader([['a'], ['b']])).toBe('other');
  });

  it('is used by enrichment for untitled tables', async () => {
    const { enrichDocument } = await import('../../src/domain/enrich-document.js');
    const doc = seedDocument('000_0018174054ff74da');
    const untitled = { ...doc, tables: doc.tables.map((t) => ({ ...t, title: null, kind: 'other' })) };
    expect(enrichDocument(untitled).tables.map((t) => t.kind).slice(0, 6)).toEqual(doc.tables.map((t) => t.kind).slice(0, 6));
  });
});
