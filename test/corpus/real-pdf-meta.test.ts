import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/index.js';
import { extractDocumentAsync } from '../../src/pipeline/extract-document.js';
import { CORPUS } from '../support/corpus.js';

/** A real Putuo PDF (corpus/real/) through extract → normalize → enrich, some pages or all. */
async function real(name: string, pages?: number[]): Promise<Document> {
  const r = await extractDocumentAsync(new Uint8Array(fs.readFileSync(path.join(CORPUS, 'real', name))), pages ? { pages } : {});
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  return r.document;
}

const docs: Record<string, Document> = {};
beforeAll(async () => {
  docs.office = await real('putuo-2025-dept-budget-office.pdf');
  docs.commerce = await real('putuo-2025-unit-budget-commerce.pdf');
  docs.finance = await real('putuo-2024-final-accounts-finance.pdf', [1, 2, 5, 6]);
  docs.social = await real('putuo-2024-final-accounts-social-work.pdf', [1, 2, 4]);
}, 120_000);

describe('corpus/real: what the document is', () => {
  it('names the org from the org lines, else the cover title; no code is printed, none is made up', () => {
    expect(docs.office!.org).toEqual({ code: null, name: '上海市普陀区人民政府办公室' });
    expect(docs.commerce!.org).toEqual({ code: null, name: '上海市普陀区商务委员会' });
    expect(docs.finance!.org).toEqual({ code: null, name: '上海市普陀区财政局' });
    expect(docs.social!.org).toEqual({ code: null, name: '中共上海市普陀区委社会工作部' });
  });

  it('tells a 部门 budget from a 单位 budget by the cover, though a unit’s table titles say 部门预算经济分类', () => {
    expect([docs.office!.docScope, docs.commerce!.docScope, docs.finance!.docScope, docs.social!.docScope]).toEqual(['部门', '单位', '部门', '部门']);
  });

  it('reads the dotted table of contents as toc blocks, not as a table', () => {
    const office = docs.office!;
    expect(office.blocks.filter((b) => b.type === 'toc').map((b) => b.text)).toHaveLength(16);
    expect(office.blocks.find((b) => b.type === 'toc')!.text).toMatch(/^一、部门主要职能…+$/u);
    expect(office.tables.some((t) => t.cells.some((c) => /……/u.test(c.text)))).toBe(false);
  });

  it('gives every table its title and the kind of what it is (corpus/real/README.md)', () => {
    const kinds = (d: Document) => d.tables.map((t) => [t.title, t.kind]);
    expect(kinds(docs.office!)).toEqual([
      ['2025年部门财务收支预算总表', 'budget_revenue_expenditure_summary'],
      ['2025年部门收入预算总表', 'budget_revenue_summary'],
      ['2025年部门支出预算总表', 'budget_expenditure_summary'],
      ['2025年部门财政拨款收支预算总表', 'fiscal_appropriation_summary'],
      ['2025年部门一般公共预算支出功能分类预算表', 'general_budget_expenditure'],
      ['2025年部门政府性基金预算支出功能分类预算表', 'gov_fund_expenditure'],
      ['2025年部门国有资本经营预算支出功能分类预算表', 'soe_capital_expenditure'],
      ['2025年部门一般公共预算基本支出部门预算经济分类预算表', 'general_budget_basic_expenditure'],
      ['2025年部门“三公”经费和机关运行经费预算表', 'three_public_expenses'],
    ]);
    expect(kinds(docs.commerce!)).toEqual([
      ['2025年预算单位财务收支预算总表', 'budget_revenue_expenditure_summary'],
      ['2025年预算单位收入预算总表', 'budget_revenue_summary'],
      ['2025年预算单位支出预算总表', 'budget_expenditure_summary'],
      ['2025年预算单位财政拨款收支预算总表', 'fiscal_appropriation_summary'],
      ['2025年预算单位一般公共预算支出功能分类预算表', 'general_budget_expenditure'],
      ['2025年预算单位政府性基金预算支出功能分类预算表', 'gov_fund_expenditure'],
      ['2025年预算单位国有资本经营预算支出功能分类预算表', 'soe_capital_expenditure'],
      ['2025年预算单位一般公共预算基本支出部门预算经济分类预算表', 'general_budget_basic_expenditure'],
      ['2025年单位“三公”经费和机关运行经费预算表', 'three_public_expenses'],
    ]);
    expect(kinds(docs.finance!)).toEqual([
      ['部门决算单位构成', 'other'],
      ['收入支出决算总表', 'final_revenue_expenditure_summary'],
    ]);
    expect(kinds(docs.social!)).toEqual([['部门决算单位构成', 'other']]);
  });

  it('reads 类 | 款 | 项 printed in three columns as one 科目 code, the cells as printed', () => {
    const t = docs.office!.tables.find((x) => x.title === '2025年部门收入预算总表')!;
    const rows = (t.rowInfo ?? []).filter((r) => r.classification !== null).slice(0, 3);
    expect(rows.map((r) => [r.label, r.classification!.code, r.classification!.level])).toEqual([
      ['一般公共服务支出', '201', '类'],
      ['政府办公厅（室）及相关机构事务', '20103', '款'],
      ['行政运行', '2010301', '项'],
    ]);
    expect(t.cells.filter((c) => c.row === rows[2]!.row && c.col < 3).map((c) => c.text)).toEqual(['201', '03', '01']);
  });
});
