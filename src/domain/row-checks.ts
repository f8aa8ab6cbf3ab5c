import type { Check, TableRow } from '../model/index.js';
import { cellOperand, sameCheck, sumCheck, type Operand } from './check-builder.js';
import { isTotalLabel, normalizeLabel, numberingLevel, readOutline, type Outline } from './row-outline.js';
import { tableRole } from './table-kinds.js';
import { headerPath, TOTAL_WORD, type TableLayout } from './table-layout.js';

/**
 * Row arithmetic within one table:
 * - across a row: a 合计/小计/总计 column = Σ the columns beside it under the same header
 *   (合计 = 基本支出 + 项目支出 + …; 人员经费 + 公用经费 = 合计; 本年收入/小计 = Σ 本年收入/*);
 * - down a column: 小计/合计 rows = Σ their items (三公, 资产, 采购, 工作活动), 本年收入合计 =
 *   Σ 收入 items and 收入总计 = 本年收入合计 + 结转 in the two-sided 收支总表, 收入总计 = 支出总计;
 * - 绩效目标表 project info: 预算数 = 财政资金 + 其他资金.
 */
export function checkRows(layout: TableLayout, rowInfo: TableRow[]): Check[] {
  const role = tableRole(layout.table.kind);
  const checks = [...columnTotals(layout, rowInfo)];
  if (role === 'revenue_expenditure_summary' || role === 'fiscal_appropriation_summary') checks.push(...twoSided(layout));
  else if (role === 'procurement') checks.push(...procurement(layout));
  else if (role === 'three_public_expenses' || role === 'fixed_assets' || role === 'activity_performance_targets') {
    const labelled = rowInfo.filter((r) => !r.classification && r.label !== null).map((r) => ({ row: r.row, label: r.label! }));
    checks.push(...outlineSums(layout, readOutline(labelled), rowInfo, role === 'three_public_expenses'));
  } else if (role === 'performance_targets') checks.push(...projectFunds(layout));
  return checks;
}

const byRow = new WeakMap<TableRow[], Map<number, string | null>>();

/** A row's label for messages (`20103 政府办公厅（室）及相关机构事务`), looked up by cell row. */
export function rowLabelOf(rowInfo: TableRow[], row: number): string | null {
  let m = byRow.get(rowInfo);
  if (!m) {
    m = new Map(rowInfo.map((r) => [r.row, [r.classification?.code, r.label].filter(Boolean).join(' ') || null]));
    byRow.set(rowInfo, m);
  }
  return m.get(row) ?? null;
}

/** For each 合计/小计/总计 column: the columns that add up to it, one per sibling header (a sibling group by its own 小计). */
export function totalColumnParts(layout: TableLayout): { total: number; parts: number[] }[] {
  const paths = new Map(layout.amountColumns.map((c) => [c, headerPath(layout.table, c)]));
  const out: { total: number; parts: number[] }[] = [];
  for (const [t, path] of paths) {
    if (!TOTAL_WORD.test(path.at(-1) ?? '')) continue;
    const parent = path.slice(0, -1);
    const under = [...paths].filter(([c, p]) => c !== t && p.length > parent.length && parent.every((x, i) => p[i] === x));
    const groups = new Map<string, [number, string[]][]>();
    for (const e of under) groups.set(e[1][parent.length]!, [...(groups.get(e[1][parent.length]!) ?? []), e]);
    const parts: number[] = [];
    for (const members of groups.values()) {
      if (members.length === 1 && members[0]![1].length === parent.length + 1) parts.push(members[0]![0]);
      else {
        const sub = members.find(([, p]) => p.length === parent.length + 2 && TOTAL_WORD.test(p.at(-1)!));
        if (sub) parts.push(sub[0]);
        else parts.push(...members.map(([c]) => c));
      }
    }
    if (parts.length) out.push({ total: t, parts });
  }
  return out;
}

function columnTotals(layout: TableLayout, rowInfo: TableRow[]): Check[] {
  const checks: Check[] = [];
  const title = layout.table.title ?? '(untitled)';
  for (const { total, parts } of totalColumnParts(layout)) {
    const names = parts.map((c) => headerPath(layout.table, c).at(-1)).join(' + ');
    const totalName = headerPath(layout.table, total).join('/');
    for (const r of layout.rows) {
      const label = rowLabelOf(rowInfo, r);
      const t = cellOperand(layout, r, total, label);
      const ps = parts.map((c) => cellOperand(layout, r, c, label));
      if (!t || ps.some((p) => !p)) continue;
      const c = sumCheck('row-arithmetic', 'column-total', t, ps as Operand[], `${title} · ${label ?? `row ${r - layout.table.headerRows + 1}`}: ${totalName} = ${names}`);
      if (c) checks.push(c);
    }
  }
  return checks;
}

/** Σ checks of an outline in every amount column: complete groups, then leading totals over the top-level items. */
function outlineSums(layout: TableLayout, outline: Outline, rowInfo: TableRow[], threePublic: boolean): Check[] {
  const checks: Check[] = [];
  const title = layout.table.title ?? '(untitled)';
  const label = (r: number) => rowLabelOf(rowInfo, r);
  for (const col of layout.amountColumns) {
    const column = headerPath(layout.table, col).join('/');
    const sum = (name: string, total: number, parts: number[], what: string) => {
      const t = cellOperand(layout, total, col, label(total));
      const ps = parts.map((r) => cellOperand(layout, r, col, label(r)));
      if (!t || ps.some((p) => !p)) return;
      const c = sumCheck('row-arithmetic', name, t, ps as Operand[], `${title} · ${column} · ${what}`);
      if (c) checks.push(c);
    };
    for (const g of outline.groups) if (g.complete) sum('subtotal', g.parent, g.children, `${label(g.parent)} = Σ ${g.kind === 'of-which' ? '其中' : 'items'}`);
    if (!outline.top.length) continue;
    const [first, second] = outline.totals;
    if (threePublic && first !== undefined && second !== undefined) {
      // 合计 / “三公”经费小计 / 一、二、三 the three items / 四、会议费 五、培训费 (seed 001 L1399)
      const family = outline.top.filter((r) => /因公出国|公务用车|公务接待/u.test(label(r) ?? ''));
      const others = outline.top.filter((r) => !family.includes(r));
      sum('subtotal', second, family, `${label(second)} = Σ 因公出国 + 公务用车 + 公务接待`);
      sum('subtotal', first, [second, ...others], `${label(first)} = ${label(second)}${others.length ? ' + other items' : ''}`);
    } else for (const t of outline.totals) sum('subtotal', t, outline.top, `${label(t)} = Σ items`);
  }
  return checks;
}

/**
 * 政府采购预算: 合计 = Σ unit rows (an org's 小计, or its name with no goods but amounts), each
 * unit row = Σ its goods below; without unit rows, 合计 = Σ goods.
 */
function procurement(layout: TableLayout): Check[] {
  const t = layout.table;
  const goodsCol = t.columns.findIndex((c) => /采购物品|品目/u.test(c.path.join('')));
  const labelCol = layout.labelColumns[0];
  if (labelCol === undefined || goodsCol < 0) return [];
  const rows = layout.rows.filter((r) => layout.text(r, labelCol) !== '' || layout.text(r, goodsCol) !== '');
  const totalRow = rows.find((r) => isTotalLabel(layout.text(r, labelCol)) && !/小计$/u.test(layout.text(r, labelCol)));
  const units: { row: number; goods: number[] }[] = [];
  const loose: number[] = [];
  const printsAmount = (r: number) => layout.amountColumns.some((c) => layout.text(r, c) !== '');
  for (const r of rows) {
    if (r === totalRow) continue;
    // a row with neither goods nor amounts is the rest of a label cut by a line or page break (`运转类公用项目经费` / `(2022年)`)
    if (layout.text(r, goodsCol) === '' && !printsAmount(r)) continue;
    if (layout.text(r, goodsCol) === '') units.push({ row: r, goods: [] });
    else if (units.length) units[units.length - 1]!.goods.push(r);
    else loose.push(r);
  }
  const checks: Check[] = [];
  const label = (r: number) => layout.text(r, labelCol) || layout.text(r, goodsCol);
  for (const col of layout.amountColumns) {
    if (/单价|预算资金/u.test(headerPath(t, col).join('/'))) continue;
    const column = headerPath(t, col).join('/');
    const sum = (total: number, parts: number[], what: string) => {
      const o = cellOperand(layout, total, col, label(total));
      const ps = parts.map((r) => cellOperand(layout, r, col, label(r)));
      if (!o || ps.some((p) => !p)) return;
      const c = sumCheck('row-arithmetic', 'subtotal', o, ps as Operand[], `${t.title ?? '(untitled)'} · ${column} · ${what}`);
      if (c) checks.push(c);
    };
    for (const u of units) if (u.goods.length) sum(u.row, u.goods, `${label(u.row)} = Σ its goods`);
    if (totalRow !== undefined) sum(totalRow, units.length ? [...units.map((u) => u.row), ...loose] : loose, `${label(totalRow)} = Σ ${units.length ? 'units' : 'goods'}`);
  }
  return checks;
}

/**
 * The two-sided 收支总表 and 财政拨款收支总表: on each side (收入 | 支出), 本年合计 = Σ items
 * above it, 总计 = 本年合计 + the 结转 rows below it (each its own amount, or Σ its numbered
 * parts); and 收入总计 = 支出总计.
 */
function twoSided(layout: TableLayout): Check[] {
  const t = layout.table;
  const title = t.title ?? '(untitled)';
  const checks: Check[] = [];
  const grand: Record<string, { row: number; col: number } | undefined> = {};
  for (const side of ['收入', '支出']) {
    const cols = t.columns.filter((c) => c.path[0]?.replace(/\s+/g, '') === side).map((c) => c.index);
    const labelCol = cols.find((c) => !layout.amountColumns.includes(c) && layout.rows.some((r) => layout.text(r, c) !== ''));
    const amountCols = cols.filter((c) => layout.amountColumns.includes(c));
    if (labelCol === undefined || amountCols.length === 0) continue;
    const labelled = layout.rows.filter((r) => layout.text(r, labelCol) !== '').map((r) => ({ row: r, label: normalizeLabel(layout.text(r, labelCol)) }));
    const yearTotal = labelled.find((x) => /^本年.*合计$/u.test(x.label));
    const grandTotal = labelled.find((x) => /总计$/u.test(x.label));
    if (!yearTotal) continue;
    const items = readOutline(labelled.filter((x) => x.row < yearTotal.row).map((x) => ({ row: x.row, label: layout.text(x.row, labelCol) })));
    const carry: { row: number; parts: number[] }[] = [];
    if (grandTotal) {
      for (const x of labelled.filter((y) => y.row > yearTotal.row && y.row < grandTotal.row)) {
        if (numberingLevel(layout.text(x.row, labelCol)) !== null && carry.length) carry[carry.length - 1]!.parts.push(x.row);
        else carry.push({ row: x.row, parts: [] });
      }
    }
    const label = (r: number) => layout.text(r, labelCol);
    for (const col of amountCols) {
      const column = headerPath(t, col).join('/');
      const op = (r: number) => cellOperand(layout, r, col, label(r));
      const sum = (total: number, parts: number[], what: string) => {
        const o = op(total);
        const ps = parts.map(op);
        if (!o || ps.some((p) => !p)) return null;
        return sumCheck('row-arithmetic', 'subtotal', o, ps as Operand[], `${title} · ${column} · ${what}`);
      };
      const found: (Check | null)[] = [];
      for (const g of items.groups) if (g.complete) found.push(sum(g.parent, g.children, `${label(g.parent)} = Σ its parts`));
      found.push(sum(yearTotal.row, items.top, `${label(yearTotal.row)} = Σ ${side} items`));
      if (grandTotal) {
        for (const c of carry) if (c.parts.length) found.push(sum(c.row, c.parts, `${label(c.row)} = Σ its parts`));
        // a 结转 row printed blank stands for the sum of its parts
        const carryRows = carry.flatMap((c) => {
          const o = op(c.row);
          return o?.empty && c.parts.length ? c.parts : [c.row];
        });
        found.push(sum(grandTotal.row, [yearTotal.row, ...carryRows], `${label(grandTotal.row)} = ${label(yearTotal.row)} + 结转`));
      }
      checks.push(...found.filter((c): c is Check => c !== null));
    }
    if (grandTotal) grand[side] = { row: grandTotal.row, col: amountCols[0]! };
  }
  const rev = grand['收入'];
  const exp = grand['支出'];
  if (rev && exp) {
    const a = cellOperand(layout, rev.row, rev.col, layout.text(rev.row, rev.col - 1) || '收入总计');
    const b = cellOperand(layout, exp.row, exp.col, layout.text(exp.row, exp.col - 1) || '支出总计');
    if (a && b) {
      const c = sameCheck('row-arithmetic', 'balance', a, b, `${title}: 收入总计 = 支出总计`);
      if (c) checks.push(c);
    }
  }
  return checks;
}

/** 绩效目标表 project info (seed 003): 预算数 = 其中：财政资金 + 其他资金, read from the label/value pairs of its row. */
function projectFunds(layout: TableLayout): Check[] {
  const checks: Check[] = [];
  for (const r of layout.rows) {
    if (normalizeLabel(layout.text(r, 0)) !== '预算规模及资金用途') continue;
    const pairs = projectInfoPairs(layout, r);
    const total = pairs.find((p) => /^预算数|^预算金额|^资金总额/u.test(p.label));
    const parts = pairs.filter((p) => p !== total && /资金$/u.test(p.label));
    if (!total || parts.length < 2) continue;
    const o = cellOperand(layout, r, total.col, total.label);
    const ps = parts.map((p) => cellOperand(layout, r, p.col, p.label));
    if (!o || ps.some((p) => !p)) continue;
    const c = sumCheck('row-arithmetic', 'project-funds', o, ps as Operand[], `${layout.table.title ?? '(untitled)'} · ${total.label} = ${parts.map((p) => p.label).join(' + ')}`);
    if (c) checks.push(c);
  }
  return checks;
}

/** The label → amount pairs of a 绩效目标表 project-info row: each amount cell after a label cell. */
export function projectInfoPairs(layout: TableLayout, row: number): { label: string; col: number }[] {
  const out: { label: string; col: number }[] = [];
  // the block is ragged as printed: its row may be wider than the indicator header (seed 003 L80)
  const width = Math.max(layout.table.nCols, ...layout.table.cells.filter((x) => x.row === row).map((x) => x.col + 1));
  for (let c = 1; c < width; c++) {
    const label = normalizeLabel(layout.text(row, c - 1));
    const text = layout.text(row, c);
    if (label && text && /^[-（(]?[\d,.]+[）)]?$/u.test(text) && !/^[\d,.]+$/u.test(label)) out.push({ label, col: c });
  }
  return out;
}
