import type { Check, CheckRef } from '../model/index.js';
import { severityOf, show, type Operand } from './check-builder.js';
import { decToNumber, equalAt, shiftDec, subDec } from './decimal.js';
import type { ProseClaim, ProseTopic } from './prose-claims.js';
import { bareLabel, isTotalLabel, normalizeLabel, readOutline } from './row-outline.js';
import { amountColumn, findTable, operandAt, sideAt, totalAt, type ReadTable } from './table-finders.js';
import { moneyUnitExponent } from './units.js';

/** Finds the table cell a claim's lead describes, or null when no table states it. */
type Resolver = (tables: ReadTable[], lead: string) => Operand | null;

interface ClaimKind {
  name: string;
  /** Matched against the end of the lead (after linking words are peeled off). */
  label: RegExp;
  /** Topics the claim is read in (default: any). 三公 items are only read in 三公 sections, where they cannot mean the 基本支出 items of the same name. */
  topics?: ProseTopic[];
  target: Resolver;
}

const three = (row: RegExp): Resolver => (tables) => {
  const t = findTable(tables, 'three_public_expenses');
  if (!t) return null;
  const r = t.rowInfo.find((x) => x.label !== null && row.test(normalizeLabel(x.label)));
  const col = amountColumn(t, /^合计$/u);
  return r && col !== undefined ? operandAt(t, r.row, col) : null;
};

/** The 总计 row of a two-sided summary table: the 支出 side's, else the 收入 side's. */
function grandTotal(t: ReadTable | undefined): Operand | null {
  return sideAt(t, '支出', /^(?:支出)?总计$/u) ?? sideAt(t, '收入', /^(?:收入)?总计$/u);
}

/** The claims gongkai reads, most specific first. */
const CLAIMS: ClaimKind[] = [
  {
    name: '三公经费',
    label: /三公经费$/u,
    // the 小计 of the three items, not a 合计 that adds 会议费 and 培训费 (seed 001 L1399: 合计 98.9, 小计 18.9)
    target: (tables, lead) => three(/三公.*小计$/u)(tables, lead) ?? three(/^合计$/u)(tables, lead),
  },
  { name: '公务用车购置及运行维护费', label: /公务用车购置及运(?:行|维)(?:维护)?(?:费|经费)?$/u, topics: ['三公'], target: three(/^公务用车购置及运/u) },
  { name: '公务用车购置费', label: /公务用车购置(?:费)?$/u, topics: ['三公'], target: three(/^公务用车购置费$/u) },
  { name: '公务用车运行维护费', label: /(?:公务用车|公车)运行(?:维护)?(?:费|经费)$/u, topics: ['三公'], target: three(/^公务用车运行维护费$/u) },
  { name: '因公出国（境）费', label: /(?:因公|公务)出国(?:（境）|\(境\))?(?:费|经费)?$/u, topics: ['三公'], target: three(/^因公出国（境）费$/u) },
  { name: '公务接待费', label: /公务接待(?:费|经费)?$/u, topics: ['三公'], target: three(/^公务接待费$/u) },
  { name: '人员经费', label: /人员经费(?:支出)?(?:总计|合计|共计)?$/u, target: (tables) => totalAt(findTable(tables, 'general_budget_basic_expenditure'), /人员经费|人员支出/u) },
  {
    name: '公用经费',
    label: /公用经费(?:支出)?(?:总计|合计|共计)?$|(?:机关|事业)运行(?:经)?费(?:总计|合计|共计)?$/u,
    target: (tables) => totalAt(findTable(tables, 'general_budget_basic_expenditure'), /公用经费|公用支出/u),
  },
  {
    name: '基本支出',
    label: /基本支出$/u,
    target: (tables) => totalAt(findTable(tables, 'expenditure_summary'), /^基本支出$/u) ?? totalAt(findTable(tables, 'general_budget_expenditure'), /^基本支出$/u),
  },
  {
    name: '项目支出',
    label: /项目支出$/u,
    target: (tables) => totalAt(findTable(tables, 'expenditure_summary'), /^项目支出$/u) ?? totalAt(findTable(tables, 'general_budget_expenditure'), /^项目支出$/u),
  },
  {
    // 总计 is not 本年合计: it adds the balances carried over (收入支出决算总表 总计 2,995.39 vs 本年支出合计 2,940.05)
    name: '财政拨款收支总计',
    label: /财政拨款(?:收入支出|收支)(?:决算|预算)?总计$/u,
    target: (tables) => grandTotal(findTable(tables, 'fiscal_appropriation_summary')),
  },
  { name: '收支总计', label: /(?:收入支出|收支)(?:决算|预算)?总计$/u, target: (tables) => grandTotal(findTable(tables, 'revenue_expenditure_summary')) },
  {
    name: '政府性基金预算支出',
    label: /政府性基金预算(?:财政)?(?:拨款)?支出(?:预算|决算)?$/u,
    target: (tables) => totalAt(findTable(tables, 'gov_fund_expenditure'), /^合计$/u),
  },
  {
    name: '国有资本经营预算支出',
    label: /国有资本经营预算(?:财政)?(?:拨款)?支出(?:预算|决算)?$/u,
    target: (tables) => totalAt(findTable(tables, 'soe_capital_expenditure'), /^合计$/u),
  },
  {
    name: '支出总额',
    label: /(?:预算支出|支出预算|支出总计|支出合计|总支出|预算总体安排|预算收支安排|预算总额)$/u,
    target: (tables) => totalAt(findTable(tables, 'expenditure_summary'), /^合计$/u) ?? sideAt(findTable(tables, 'revenue_expenditure_summary'), '支出', /^本年支出合计$/u),
  },
  { name: '一般公共预算收入', label: /一般公共预算(?:拨款)?收入$/u, target: (tables) => sideAt(findTable(tables, 'revenue_expenditure_summary'), '收入', /一般公共预算/u) },
  { name: '政府性基金收入', label: /(?:政府性)?基金预算(?:拨款)?收入$/u, target: (tables) => sideAt(findTable(tables, 'revenue_expenditure_summary'), '收入', /政府性?基金/u) },
  {
    name: '收入总额',
    label: /(?:预算收入|收入预算|收入总计|收入合计|总收入)$/u,
    target: (tables) => sideAt(findTable(tables, 'revenue_expenditure_summary'), '收入', /^收入总计$/u) ?? totalAt(findTable(tables, 'revenue_summary'), /^合计$/u),
  },
  {
    name: '政府采购预算',
    label: /政府采购预算$/u,
    target: (tables) => {
      const t = findTable(tables, 'procurement');
      if (!t) return null;
      const row = t.layout.rows.find((r) => isTotalLabel(t.layout.text(r, t.layout.labelColumns[0] ?? 0)));
      const col = amountColumn(t, /^(?:合计|总计)$/u);
      return row !== undefined && col !== undefined ? operandAt(t, row, col) : null;
    },
  },
  {
    name: '固定资产',
    label: /年末固定资产(?:金额|总额|原值|总值)?$/u,
    target: (tables) => {
      const t = findTable(tables, 'fixed_assets');
      if (!t) return null;
      const col = t.layout.amountColumns.at(-1);
      const first = t.rowInfo.find((r) => r.label);
      const total = readOutline(t.rowInfo.filter((r) => r.label).map((r) => ({ row: r.row, label: r.label! }))).totals[0] ?? first?.row;
      return total !== undefined && col !== undefined ? operandAt(t, total, col) : null;
    },
  },
];

/** Linking words peeled off the end of a lead, one at a time (the shortest first), until a claim matches. */
const LINK = ['为', '是', '共', '达', '约', ':', '：', '安排', '预算', '支出', '共计', '合计', '总计', '财政拨款'];

function peel(lead: string): string {
  const w = LINK.find((x) => lead.endsWith(x));
  return w ? lead.slice(0, -w.length) : lead;
}

/** The 基本支出表 row (经济分类 款) or 固定资产 row a lead names exactly (`1、办公费：` → 30201 办公费). */
function namedRow(tables: ReadTable[], lead: string, topic: ProseTopic): { name: string; target: Operand } | null {
  const name = bareLabel(lead);
  if (!name) return null;
  if (topic !== '三公') {
    const basic = findTable(tables, 'general_budget_basic_expenditure');
    const r = basic?.rowInfo.find((x) => x.classification?.system === '经济分类' && x.classification.level === '款' && x.label && bareLabel(x.label) === name);
    const col = basic && amountColumn(basic, /^合计$/u);
    if (basic && r && col !== undefined) {
      const o = operandAt(basic, r.row, col);
      if (o) return { name, target: o };
    }
  }
  if (topic === '资产') {
    const assets = findTable(tables, 'fixed_assets');
    const r = assets?.rowInfo.find((x) => x.label && bareLabel(x.label) === name);
    const col = assets?.layout.amountColumns.at(-1);
    if (assets && r && col !== undefined) {
      const o = operandAt(assets, r.row, col);
      if (o) return { name, target: o };
    }
  }
  return null;
}

/**
 * Resolves a claim to its table cell: the claim kind whose label covers most of the lead's end
 * (`日常公用经费支出总计` is 公用经费, not 支出总计), else an exactly named row; linking words are
 * peeled off until one matches.
 */
export function resolveClaim(tables: ReadTable[], claim: ProseClaim): { name: string; target: Operand } | null {
  let lead = claim.lead;
  for (let i = 0; i < 6 && lead; i++) {
    let best: { kind: ClaimKind; at: number } | null = null;
    for (const k of CLAIMS) {
      if (k.topics && !k.topics.includes(claim.topic)) continue;
      const m = k.label.exec(lead);
      if (m && (!best || m.index < best.at)) best = { kind: k, at: m.index };
    }
    if (best) {
      const target = best.kind.target(tables, lead);
      return target ? { name: best.kind.name, target } : null;
    }
    const named = namedRow(tables, lead, claim.topic);
    if (named) return named;
    const peeled = peel(lead);
    if (peeled === lead) break;
    lead = peeled;
  }
  return null;
}

/**
 * Amounts stated in the narrative against the table cells they describe, in yuan, at the coarser
 * of the two printed precisions (prose `3万元` matches a table's 3.00; prose `1186.08元` does not
 * match a table's 1186.08 万元). A claim no table states is not checked.
 */
export function checkProse(tables: ReadTable[], claims: ProseClaim[]): Check[] {
  const checks: Check[] = [];
  for (const claim of claims) {
    const resolved = resolveClaim(tables, claim);
    if (!resolved) continue;
    const { name, target } = resolved;
    const tableUnit = target.ref.unit;
    const kt = moneyUnitExponent(tableUnit);
    const kp = moneyUnitExponent(claim.unit)!;
    // a table without a printed unit is compared as if in the prose's unit (seed 002's 资产构成情况表)
    const shift = kt === null ? 0 : kp - kt;
    const prose = shiftDec(claim.dec, shift);
    const proseDecimals = claim.decimals - shift;
    const precision = Math.min(proseDecimals, target.empty ? proseDecimals : target.decimals);
    const pass = equalAt(prose, target.dec, precision);
    const diff = subDec(prose, target.dec);
    const unit = tableUnit ?? claim.unit;
    const tableText = target.empty ? `nothing (${target.ref.text || 'blank'})` : `${target.ref.text}${tableUnit ?? ''}`;
    const message = pass
      ? `${name}: the text says ${claim.printed}, the table ${tableText}`
      : `${name}: the text says ${claim.printed}, but ${target.ref.label} is ${tableText} (differs by ${show(diff)}${unit})`;
    const proseRef: CheckRef = {
      role: 'prose',
      tableOrder: null,
      row: null,
      col: null,
      blockOrder: claim.blockOrder,
      text: claim.sentence,
      value: decToNumber(claim.dec),
      unit: claim.unit,
      label: `text: ${claim.lead}${claim.printed}`,
      prov: claim.prov,
    };
    checks.push({
      rule: 'prose',
      name: 'prose-amount',
      status: pass ? 'pass' : 'fail',
      severity: severityOf(pass, diff),
      message,
      expected: decToNumber(target.dec),
      actual: decToNumber(prose),
      difference: decToNumber(diff),
      unit,
      refs: [proseRef, { role: 'cell', ...target.ref }],
    });
  }
  return checks;
}
