import type { Check } from '../model/index.js';
import { sameCheck, sumCheck, type Operand } from './check-builder.js';
import { bareLabel, normalizeLabel } from './row-outline.js';
import { amountColumn, findTable, operandAt, sideAt, sideItems, sideOf, totalAt, totalRow, type ReadTable } from './table-finders.js';
import { headerPath } from './table-layout.js';

/**
 * Totals that must agree between the nine tables of a 部门预算 (or their 决算 equivalents):
 * - 收支总表 收入总计 = 收入总表 合计; 本年支出合计 = 支出总表 合计; each 支出 item = the 类 of that name;
 * - 财政拨款收支总表: 一般公共预算 revenue = the 收支总表's; its 一般公共预算 / 政府性基金 /
 *   国有资本经营 spending = the totals of those tables, class by class;
 * - 一般公共预算财政拨款支出表 基本支出 = 基本支出表 合计;
 * - when all revenue is 一般公共预算拨款 (nothing else, nothing carried over), the 支出总表 and the
 *   一般公共预算财政拨款支出表 print the same amounts, row by row.
 */
export function checkCrossTable(tables: ReadTable[]): Check[] {
  const summary = findTable(tables, 'revenue_expenditure_summary');
  const revenue = findTable(tables, 'revenue_summary');
  const expenditure = findTable(tables, 'expenditure_summary');
  const fiscal = findTable(tables, 'fiscal_appropriation_summary');
  const general = findTable(tables, 'general_budget_expenditure');
  const basic = findTable(tables, 'general_budget_basic_expenditure');
  const fund = findTable(tables, 'gov_fund_expenditure');
  const soe = findTable(tables, 'soe_capital_expenditure');
  const checks: Check[] = [];
  const same = (name: string, a: Operand | null, b: Operand | null, what: string) => {
    if (!a || !b) return;
    const c = sameCheck('cross-table', name, a, b, what);
    if (c) checks.push(c);
  };

  same('revenue-total', sideAt(summary, '收入', /^收入总计$/u), totalAt(revenue, /^合计$/u), '收支总表 收入总计 = 收入总表 合计');
  // a 收入决算表 / 支出决算表 names its total column 本年收入合计 / 本年支出合计: this year's flows, without the balances
  same('revenue-total', sideAt(summary, '收入', /^本年收入合计$/u), totalAt(revenue, /^本年收入合计$/u), '收支总表 本年收入合计 = 收入表 本年收入合计');
  same('expenditure-total', sideAt(summary, '支出', /^本年支出合计$/u), totalAt(expenditure, /^(?:本年支出)?合计$/u), '收支总表 本年支出合计 = 支出总表 合计');
  if (summary && expenditure) checks.push(...classTotals(summary, undefined, expenditure, /^(?:本年支出)?合计$/u, '收支总表', '支出总表'));
  if (summary && revenue) checks.push(...revenueItems(summary, revenue));

  same('general-budget-revenue', sideAt(fiscal, '收入', /一般公共预算/u), sideAt(summary, '收入', /一般公共预算/u), '财政拨款收支总表 一般公共预算拨款 = 收支总表 一般公共预算拨款收入');
  const fiscalSpending: [string, RegExp, ReadTable | undefined, string][] = [
    ['general-budget-total', /一般公共预算/u, general, '一般公共预算财政拨款支出表'],
    ['gov-fund-total', /政府性?基金/u, fund, '政府性基金预算财政拨款支出表'],
    ['soe-capital-total', /国有资本经营/u, soe, '国有资本经营预算财政拨款支出表'],
  ];
  for (const [name, column, table, tableName] of fiscalSpending) {
    if (!fiscal || !table) continue;
    same(name, sideAt(fiscal, '支出', /^本年支出合计$/u, column), totalAt(table, /^合计$/u), `财政拨款收支总表 本年支出合计 (${column.source}) = ${tableName} 合计`);
    checks.push(...classTotals(fiscal, column, table, /^合计$/u, '财政拨款收支总表', tableName));
  }

  same('basic-total', totalAt(general, /^基本支出$/u), totalAt(basic, /^合计$/u), '一般公共预算财政拨款支出表 基本支出 = 基本支出表 合计');
  const split = basic && personnelAndPublic(basic);
  const generalBasic = totalAt(general, /^基本支出$/u);
  if (split && generalBasic) {
    const c = sumCheck('cross-table', 'basic-split', generalBasic, split, '一般公共预算财政拨款支出表 基本支出 = 基本支出表 人员经费合计 + 公用经费合计');
    if (c) checks.push(c);
  }

  if (summary && expenditure && general && onlyGeneralBudget(summary)) {
    for (const column of [/^合计$/u, /^基本支出$/u, /^项目支出$/u]) {
      same('same-as-general-budget', totalAt(expenditure, column), totalAt(general, column), `支出总表 = 一般公共预算财政拨款支出表 (all revenue is 一般公共预算拨款) · 合计 · ${column.source.replace(/[\^$]/g, '')}`);
      const ec = amountColumn(expenditure, column);
      const gc = amountColumn(general, column);
      if (ec === undefined || gc === undefined) continue;
      for (const r of expenditure.rowInfo) {
        if (!r.classification) continue;
        const g = general.rowInfo.find((x) => x.classification?.code === r.classification!.code);
        if (!g) continue;
        same('same-as-general-budget', operandAt(expenditure, r.row, ec), operandAt(general, g.row, gc), `支出总表 = 一般公共预算财政拨款支出表 (all revenue is 一般公共预算拨款) · ${r.classification.code} · ${column.source.replace(/[\^$]/g, '')}`);
      }
    }
  }
  return checks;
}

/**
 * Each 支出 item of a two-sided summary (一、一般公共服务支出 784.52) against the 类 row of the
 * same name in a coded table. Items without a 类 of that name are not checked.
 */
function classTotals(summary: ReadTable, column: RegExp | undefined, coded: ReadTable, codedColumn: RegExp, summaryName: string, codedName: string): Check[] {
  const checks: Check[] = [];
  const side = sideOf(summary, '支出');
  const col = amountColumn(coded, codedColumn);
  if (!side || col === undefined) return checks;
  const classes = coded.rowInfo.filter((r) => r.classification?.level === '类' && r.label);
  for (const item of sideItems(summary, '支出')) {
    const cls = classes.find((c) => normalizeLabel(c.label!) === item.label);
    if (!cls) continue;
    const a = sideAt(summary, '支出', new RegExp(`^${escapeRegExp(item.label)}$`, 'u'), column);
    const b = operandAt(coded, cls.row, col);
    if (!a || !b) continue;
    const c = sameCheck('cross-table', 'class-total', a, b, `${summaryName} ${item.label} = ${codedName} ${cls.classification!.code} ${cls.label}`);
    if (c) checks.push(c);
  }
  return checks;
}

/**
 * The revenue items of a 收支总表 against the 合计 row of the 收入 table's column of that name
 * (上级补助收入, 事业收入, 经营收入, 附属单位上缴收入, 其他收入); its 财政拨款收入 column against
 * the sum of the 财政拨款 items (一般公共预算 + 政府性基金 + 国有资本经营).
 */
function revenueItems(summary: ReadTable, revenue: ReadTable): Check[] {
  const checks: Check[] = [];
  const items = sideItems(summary, '收入').map((i) => ({ ...i, name: bareLabel(i.label) }));
  const side = sideOf(summary, '收入');
  const total = totalRow(revenue);
  if (!side || !total) return checks;
  for (const col of revenue.layout.amountColumns) {
    const leaf = headerPath(revenue.layout.table, col).at(-1) ?? '';
    const b = operandAt(revenue, total.row, col);
    if (!b) continue;
    if (leaf === '财政拨款收入') {
      const parts = items.filter((i) => /财政拨款/u.test(i.name)).map((i) => operandAt(summary, i.row, side.amountCols[0]!));
      if (parts.length < 2 || parts.some((p) => !p)) continue;
      const c = sumCheck('cross-table', 'revenue-items', b, parts as Operand[], `收入表 合计 · 财政拨款收入 = 收支总表 财政拨款 items`);
      if (c) checks.push(c);
      continue;
    }
    const item = items.find((i) => i.name === leaf);
    const a = item && operandAt(summary, item.row, side.amountCols[0]!);
    if (!a) continue;
    const c = sameCheck('cross-table', 'revenue-items', a, b, `收支总表 ${leaf} = 收入表 合计 · ${leaf}`);
    if (c) checks.push(c);
  }
  return checks;
}

/**
 * 人员经费 and 公用经费 of a 基本支出 table: the amounts of its rows labelled 人员经费(合计) and
 * 公用经费(合计) — in a table printed as two panels, each panel's total row. Null unless both are printed.
 */
function personnelAndPublic(basic: ReadTable): Operand[] | null {
  const { layout } = basic;
  const at = (label: RegExp): Operand | null => {
    for (const r of layout.rows) {
      for (const c of layout.cols) {
        if (!label.test(normalizeLabel(layout.text(r, c)))) continue;
        const col = layout.amountColumns.find((a) => a > c);
        const o = col === undefined ? null : operandAt(basic, r, col);
        if (o && !o.empty) return o;
      }
    }
    return null;
  };
  const personnel = at(/^人员经费(?:合计|小计)?$/u);
  const pub = at(/^公用经费(?:合计|小计)?$/u);
  return personnel && pub ? [personnel, pub] : null;
}

/** True when the 收支总表 shows revenue from 一般公共预算拨款 only: every other revenue row, and 结转, prints nothing. */
function onlyGeneralBudget(summary: ReadTable): boolean {
  const side = sideOf(summary, '收入');
  if (!side) return false;
  const col = side.amountCols[0]!;
  let general = false;
  for (const r of summary.layout.rows) {
    const label = normalizeLabel(summary.layout.text(r, side.labelCol));
    if (!label || /合计$|总计$/u.test(label)) continue;
    const o = operandAt(summary, r, col);
    if (!o) return false;
    if (/一般公共预算/u.test(label)) general ||= !o.empty;
    else if (!o.empty && o.dec.units !== 0n) return false;
  }
  return general;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

