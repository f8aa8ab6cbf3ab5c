import type { NormalizeVocabulary } from '../model/index.js';
import { tableKindByTitle } from '../normalize/table-kind.js';

/**
 * Stable ids for the kinds of table found in 部门预算/决算 disclosures: the nine 部门预算 tables,
 * their 部门决算 equivalents, 绩效目标, 政府采购, 国有资产, 机构设置 — and `other`, never dropped.
 * A kind's `role` is what the table is for whatever the document kind, so that checks written
 * for 预算 tables also run on their 决算 equivalents.
 */
export interface TableKindInfo {
  id: string;
  /** The usual title (部门预算 wording, or 部门决算 for final_* kinds). */
  label: string;
  docKind: '预算' | '决算' | null;
  role: TableRole;
}

/** What a table is for, shared by a 预算 kind and its 决算 equivalent (checks are written per role). */
export type TableRole =
  | 'revenue_expenditure_summary'
  | 'revenue_summary'
  | 'expenditure_summary'
  | 'fiscal_appropriation_summary'
  | 'general_budget_expenditure'
  | 'general_budget_basic_expenditure'
  | 'gov_fund_expenditure'
  | 'soe_capital_expenditure'
  | 'three_public_expenses'
  | 'performance_targets'
  | 'org_performance_targets'
  | 'activity_performance_targets'
  | 'procurement'
  | 'fixed_assets'
  | 'org_structure'
  | 'other';

const k = (id: string, label: string, docKind: TableKindInfo['docKind'], role: TableRole): TableKindInfo => ({ id, label, docKind, role });

/** Every kind id gongkai gives, with its role. */
export const TABLE_KINDS: TableKindInfo[] = [
  k('budget_revenue_expenditure_summary', '部门预算收支总表', '预算', 'revenue_expenditure_summary'),
  k('budget_revenue_summary', '部门预算收入总表', '预算', 'revenue_summary'),
  k('budget_expenditure_summary', '部门预算支出总表', '预算', 'expenditure_summary'),
  k('fiscal_appropriation_summary', '部门预算财政拨款收支总表', '预算', 'fiscal_appropriation_summary'),
  k('general_budget_expenditure', '部门预算一般公共预算财政拨款支出表', '预算', 'general_budget_expenditure'),
  k('general_budget_basic_expenditure', '部门预算一般公共预算财政拨款基本支出表', '预算', 'general_budget_basic_expenditure'),
  k('gov_fund_expenditure', '部门预算政府性基金预算财政拨款支出表', '预算', 'gov_fund_expenditure'),
  k('soe_capital_expenditure', '部门预算国有资本经营预算财政拨款支出表', '预算', 'soe_capital_expenditure'),
  k('three_public_expenses', '部门预算财政拨款“三公”经费支出表', '预算', 'three_public_expenses'),
  k('final_revenue_expenditure_summary', '收入支出决算总表', '决算', 'revenue_expenditure_summary'),
  k('final_revenue', '收入决算表', '决算', 'revenue_summary'),
  k('final_expenditure', '支出决算表', '决算', 'expenditure_summary'),
  k('final_fiscal_appropriation_summary', '财政拨款收入支出决算总表', '决算', 'fiscal_appropriation_summary'),
  k('final_general_budget_expenditure', '一般公共预算财政拨款支出决算表', '决算', 'general_budget_expenditure'),
  k('final_general_budget_basic_expenditure', '一般公共预算财政拨款基本支出决算表', '决算', 'general_budget_basic_expenditure'),
  k('final_gov_fund_expenditure', '政府性基金预算财政拨款收入支出决算表', '决算', 'gov_fund_expenditure'),
  k('final_soe_capital_expenditure', '国有资本经营预算财政拨款支出决算表', '决算', 'soe_capital_expenditure'),
  k('final_three_public_expenses', '财政拨款“三公”经费支出决算表', '决算', 'three_public_expenses'),
  k('performance_targets', '项目绩效目标表', null, 'performance_targets'),
  k('org_performance_targets', '部门整体绩效目标表', null, 'org_performance_targets'),
  k('activity_performance_targets', '部门职责-工作活动绩效目标', null, 'activity_performance_targets'),
  k('procurement', '部门政府采购预算', null, 'procurement'),
  k('fixed_assets', '部门固定资产占用情况表', null, 'fixed_assets'),
  k('org_structure', '部门机构设置情况', null, 'org_structure'),
  k('other', '(unknown)', null, 'other'),
];

const BY_ID = new Map(TABLE_KINDS.map((x) => [x.id, x]));

/** The role of a kind id (`other` for ids this build does not know). */
export function tableRole(kind: string): TableRole {
  return BY_ID.get(kind)?.role ?? 'other';
}

/**
 * Title patterns, most specific first. Titles are compared without white space; 政府基金 and
 * 政府性基金, 一般公共预算 with or without 财政拨款 are the same table (seed 000 prints
 * 政府基金预算财政拨款支出表). 决算 titles name the 决算 kinds. Shanghai names its 预算 tables
 * with 预算 before 总表 and 收支 for 收入支出 (`2025年部门财务收支预算总表`,
 * `2025年预算单位财政拨款收支预算总表`, `…一般公共预算支出功能分类预算表`), 部门 or 单位 alike.
 */
const BY_TITLE: [kind: string, title: RegExp][] = [
  ['final_three_public_expenses', /三公.*决算/u],
  ['three_public_expenses', /三公/u],
  ['activity_performance_targets', /工作活动绩效目标/u],
  ['org_performance_targets', /整体(?:支出)?绩效目标/u],
  ['performance_targets', /绩效目标(?:表|申报表)?$/u],
  ['procurement', /政府采购/u],
  ['fixed_assets', /固定资产|资产构成|国有资产|资产占用/u],
  ['org_structure', /机构设置/u],
  ['final_fiscal_appropriation_summary', /财政拨款收入支出决算总表|财政拨款收支决算总表/u],
  ['fiscal_appropriation_summary', /财政拨款收入?支出?(?:预算)?总表/u],
  ['final_revenue_expenditure_summary', /收入支出决算总表|收支决算总表/u],
  ['budget_revenue_expenditure_summary', /收入?支出?(?:预算)?总表/u],
  ['final_general_budget_basic_expenditure', /一般公共预算.*基本支出.*决算/u],
  ['general_budget_basic_expenditure', /一般公共预算.*基本支出/u],
  ['final_general_budget_expenditure', /一般公共预算.*支出决算/u],
  ['general_budget_expenditure', /一般公共预算.*支出/u],
  ['final_gov_fund_expenditure', /政府性?基金.*决算/u],
  ['gov_fund_expenditure', /政府性?基金/u],
  ['final_soe_capital_expenditure', /国有资本经营.*决算/u],
  ['soe_capital_expenditure', /国有资本经营/u],
  ['final_revenue', /收入决算表/u],
  ['budget_revenue_summary', /收入(?:预算)?总表/u],
  ['final_expenditure', /支出决算表/u],
  ['budget_expenditure_summary', /支出(?:预算)?总表/u],
];

/** The kinds normalisation names tables by, from their titles (src/normalize/table-kind.ts). */
export const TABLE_KINDS_BY_TITLE: NormalizeVocabulary['tableKinds'] = {
  byTitle: BY_TITLE.map(([kind, title]) => ({ kind, title })),
  unknown: 'other',
};

/** The kind id of a table from its clean title (`other` when unknown or untitled). */
export function classifyTableKind(title: string | null): string {
  return tableKindByTitle(title, TABLE_KINDS_BY_TITLE);
}

/**
 * The kind of a table whose title says nothing (or is missing), from its header paths and the
 * texts of its body: the columns every kind prints are distinctive enough (科目编码 + 人员经费/
 * 公用经费 is the 基本支出表, 一级指标/二级指标 a 绩效目标表 …). A table is a 决算 table in a
 * 决算 document, or when its columns say so (决算数, 年初结转, 年末结转).
 */
export function classifyTableKindByHeader(paths: string[][], rowLabels: string[] = [], docKind: '预算' | '决算' | null = null): string {
  const cols = paths.map((p) => p.join('/').replace(/\s+/g, ''));
  const has = (re: RegExp) => cols.some((c) => re.test(c));
  const labels = rowLabels.map((l) => l.replace(/\s+/g, ''));
  const final = docKind === '决算' || has(/决算|年初结转|年末结转/u);
  const pick = (budget: string, fin: string) => (final ? fin : budget);
  if (has(/一级指标/u) && has(/二级指标|三级指标/u)) return 'performance_targets';
  if (has(/职责活动|工作活动/u) && has(/绩效/u)) return 'activity_performance_targets';
  if (has(/采购物品|政府采购目录|政府采购金额/u)) return 'procurement';
  if (has(/单位名称/u) && has(/单位性质|经费保障|单位规格/u)) return 'org_structure';
  if (has(/固定资产类别|价值（?金额单位|资产总额/u) || labels.some((l) => /^资产总额$|固定资产/u.test(l))) return 'fixed_assets';
  if (has(/因公出国/u) || labels.some((l) => /因公出国/u.test(l))) return pick('three_public_expenses', 'final_three_public_expenses');
  const coded = has(/科目编码|科目代码|^科目|功能分类|经济分类/u);
  if (coded && has(/人员经费/u) && has(/公用经费/u)) return pick('general_budget_basic_expenditure', 'final_general_budget_basic_expenditure');
  if (coded && has(/财政拨款收入|事业收入|上级补助收入|本年收入/u)) return pick('budget_revenue_summary', 'final_revenue');
  if (coded && has(/经营支出|上缴上级支出|上解上级支出|对附属单位补助支出/u)) return pick('budget_expenditure_summary', 'final_expenditure');
  if (coded && has(/基本支出/u) && has(/项目支出/u)) return pick('general_budget_expenditure', 'final_general_budget_expenditure');
  if (has(/^收入\//u) && has(/^支出\//u)) {
    if (has(/^支出\/.*一般公共预算/u)) return pick('fiscal_appropriation_summary', 'final_fiscal_appropriation_summary');
    return pick('budget_revenue_expenditure_summary', 'final_revenue_expenditure_summary');
  }
  return 'other';
}
