import type { Check } from '../model/index.js';
import { sameCheck, type Operand } from './check-builder.js';
import { normalizeLabel } from './row-outline.js';
import { amountColumn, findTable, operandAt, sideAt, sideItems, sideOf, totalAt, type ReadTable } from './table-finders.js';

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
  same('expenditure-total', sideAt(summary, '支出', /^本年支出合计$/u), totalAt(expenditure, /^合计$/u), '收支总表 本年支出合计 = 支出总表 合计');
  if (summary && expenditure) checks.push(...classTotals(summary, undefined, expenditure, /^合计$/u, '收支总表', '支出总表'));

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
    const a = sideAt(summary, '支出', new RegExp(`^${escape(item.label)}$`, 'u'), column);
    const b = operandAt(coded, cls.row, col);
    if (!a || !b) continue;
    const c = sameCheck('cross-table', 'class-total', a, b, `${summaryName} ${item.label} = ${codedName} ${cls.classification!.code} ${cls.label}`);
    if (c) checks.push(c);
  }
  return checks;
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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

