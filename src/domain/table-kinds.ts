/**
 * Stable ids for the kinds of table found in 部门预算/决算 disclosures, recognised from the clean
 * title. Order matters: more specific titles come first. Unknown titles are `other`, never dropped.
 */
const KINDS: [id: string, pattern: RegExp][] = [
  ['three_public_expenses', /三公/u],
  ['performance_targets', /绩效目标表$/u],
  ['activity_performance_targets', /工作活动绩效目标/u],
  ['org_performance_targets', /整体绩效目标/u],
  ['procurement', /政府采购/u],
  ['fixed_assets', /固定资产|资产构成|国有资产/u],
  ['org_structure', /机构设置/u],
  ['fiscal_appropriation_summary', /财政拨款收支总表|财政拨款收入支出决算总表/u],
  ['budget_revenue_expenditure_summary', /收支总表|收入支出决算总表/u],
  ['budget_revenue_summary', /收入总表|收入决算表/u],
  ['budget_expenditure_summary', /支出总表|支出决算表$/u],
  ['general_budget_basic_expenditure', /一般公共预算.*基本支出/u],
  ['general_budget_expenditure', /一般公共预算.*支出/u],
  ['gov_fund_expenditure', /政府性?基金/u],
  ['soe_capital_expenditure', /国有资本经营/u],
];

/** The kind id of a table from its clean title (`other` when unknown or untitled). */
export function classifyTableKind(title: string | null): string {
  if (!title) return 'other';
  const t = title.replace(/\s+/g, '');
  for (const [id, re] of KINDS) if (re.test(t)) return id;
  return 'other';
}
