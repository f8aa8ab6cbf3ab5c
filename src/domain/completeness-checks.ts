import type { Block, Check, CheckRef, Document, Table } from '../model/index.js';
import { TABLE_KINDS, tableRole, type TableRole } from './table-kinds.js';

/**
 * The nine tables a 部门预算 and a 部门决算 must publish — the national set, which Hebei and
 * Shanghai print under their own names (部门财务收支预算总表 …) — by what each table is, never by
 * its exact title.
 */
const REQUIRED_ROLES: TableRole[] = [
  'revenue_expenditure_summary',
  'revenue_summary',
  'expenditure_summary',
  'fiscal_appropriation_summary',
  'general_budget_expenditure',
  'general_budget_basic_expenditure',
  'gov_fund_expenditure',
  'soe_capital_expenditure',
  'three_public_expenses',
];

/**
 * The Shanghai sets name the same nine tables their own way, the 部门 set (`2025年部门财务收支预算总表`)
 * and the 单位 set (`2025年预算单位财务收支预算总表`, its 基本支出 split into 人员经费 and 公用经费) apart;
 * a missing table is reported by the name its own set gives it.
 */
const SHANGHAI_BUDGET: Record<'部门' | '单位', Partial<Record<TableRole, string>>> = {
  部门: {
    revenue_expenditure_summary: '部门财务收支预算总表',
    revenue_summary: '部门收入预算总表',
    expenditure_summary: '部门支出预算总表',
    fiscal_appropriation_summary: '部门财政拨款收支预算总表',
    general_budget_expenditure: '部门一般公共预算支出功能分类预算表',
    gov_fund_expenditure: '部门政府性基金预算支出功能分类预算表',
    soe_capital_expenditure: '部门国有资本经营预算支出功能分类预算表',
    general_budget_basic_expenditure: '部门一般公共预算基本支出部门预算经济分类预算表',
    three_public_expenses: '部门“三公”经费和机关运行经费预算表',
  },
  单位: {
    revenue_expenditure_summary: '预算单位财务收支预算总表',
    revenue_summary: '预算单位收入预算总表',
    expenditure_summary: '预算单位支出预算总表',
    fiscal_appropriation_summary: '预算单位财政拨款收支预算总表',
    general_budget_expenditure: '预算单位一般公共预算支出功能分类预算表',
    gov_fund_expenditure: '预算单位政府性基金预算支出功能分类预算表',
    soe_capital_expenditure: '预算单位国有资本经营预算支出功能分类预算表',
    general_budget_basic_expenditure: '预算单位一般公共预算基本支出部门预算经济分类预算表',
    three_public_expenses: '单位“三公”经费和机关运行经费预算表',
  },
};
/** Titles only the Shanghai 预算 sets print. */
const SHANGHAI_TITLE = /财务收支预算总表|功能分类预算表|经济分类预算表|机关运行经费预算表/u;

/** A document holding fewer of the nine is no disclosure of the set (a file of 绩效目标表, one table cut out): nothing is missing from it. */
const MIN_PRESENT = 3;

/** Words that say why a table is empty: 本部门无…, 没有…故本表无数据, 空表. */
const WHY_EMPTY = /本(?:部门|单位)(?:本年度?)?(?:无|没有)|空表|无数据|无(?:相关)?(?:收入|支出|收支|经费|此项)|故本表|此表为空|不涉及/u;

/**
 * Completeness: each of the nine tables the document's kind requires that it does not print
 * (`missing-table`), and each printed one that holds no amount and says nowhere why — in the
 * table or in the lines right below it (`empty-table-unexplained`). Both are warnings.
 */
export function checkCompleteness(doc: Document & { docScope?: string | null }): Check[] {
  if (!doc.docKind) return [];
  const shanghai = doc.docKind === '预算' && doc.tables.some((t) => t.title && SHANGHAI_TITLE.test(t.title));
  const scope = doc.docScope === '单位' ? '单位' : '部门';
  const set = shanghai ? `${scope}预算` : doc.docKind;
  const byRole = new Map<TableRole, Table>();
  for (const t of doc.tables) {
    const role = tableRole(t.kind);
    if (REQUIRED_ROLES.includes(role) && !byRole.has(role)) byRole.set(role, t);
  }
  if (byRole.size < MIN_PRESENT) return [];
  const checks: Check[] = [];
  for (const role of REQUIRED_ROLES) {
    const t = byRole.get(role);
    const name = (shanghai ? SHANGHAI_BUDGET[scope][role] : undefined) ?? requiredName(role, doc.docKind);
    if (!t) {
      checks.push(finding('missing-table', `the ${set} has no ${name}, one of the nine tables it must publish`, []));
      continue;
    }
    if (holdsAmounts(t) || saysWhyEmpty(t, blocksBelow(doc.blocks, t.order))) continue;
    const ref: CheckRef = { role: 'text', tableOrder: t.order, row: null, col: null, blockOrder: null, text: t.title ?? '', value: null, unit: null, label: `the title of ${t.title ?? name}`, prov: t.prov.slice(0, 1) };
    checks.push(finding('empty-table-unexplained', `${t.title ?? name} is empty and says nowhere why (本部门无… / 空表说明)`, [ref]));
  }
  return checks;
}

function requiredName(role: TableRole, docKind: string): string {
  return TABLE_KINDS.find((k) => k.role === role && k.docKind === docKind)?.label ?? role;
}

/** A table holds amounts when a body cell prints a number other than zero. */
function holdsAmounts(t: Table): boolean {
  return t.cells.some((c) => !c.isHeader && c.value !== null && c.value !== 0);
}

function saysWhyEmpty(t: Table, below: Block[]): boolean {
  return t.cells.some((c) => WHY_EMPTY.test(c.text)) || below.some((b) => WHY_EMPTY.test(b.text));
}

/** The prose right below a table, up to the next table or heading (a 说明 printed under it). */
function blocksBelow(blocks: Block[], tableOrder: number): Block[] {
  const at = blocks.findIndex((b) => b.type === 'table' && b.tableOrder === tableOrder);
  if (at < 0) return [];
  const out: Block[] = [];
  for (const b of blocks.slice(at + 1)) {
    if (b.type === 'table' || b.type === 'heading') break;
    out.push(b);
  }
  return out;
}

function finding(name: string, message: string, refs: CheckRef[]): Check {
  return { rule: 'completeness', name, status: 'fail', severity: 'warning', message, expected: null, actual: null, difference: null, unit: null, refs };
}
