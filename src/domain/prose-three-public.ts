import type { Block, Check, CheckRef } from '../model/index.js';
import { sameCheck, show, type Operand } from './check-builder.js';
import { decFromString, decToNumber } from './decimal.js';
import { proseRuns, provOf, type ProseRun } from './prose-runs.js';
import { findTable, operandAt, type ReadTable } from './table-finders.js';
import { headerPath } from './table-layout.js';

/**
 * `prose-three-public`: the 三公 figures of the explanation against a 三公 table that prints its
 * items as columns (the Shanghai `“三公”经费和机关运行经费预算表`, every 财政拨款“三公”经费支出决算表),
 * each figure mapped to its column by item and by which figure it is: `年初预算为0.95万元` is the
 * 预算数 column, `支出决算为0.00万元` the 决算数 column of the same item. A 三公 table with items as
 * rows is read by the prose-amount claims instead.
 */
export function checkProseThreePublic(tables: ReadTable[], blocks: Block[], docKind: string | null): Check[] {
  const t = findTable(tables, 'three_public_expenses');
  if (!t) return [];
  const columns = itemColumns(t);
  // items as columns: a 合计 column alone is a table with its items as rows
  if (new Set(columns.map((c) => c.item)).size < 3) return [];
  const row = t.layout.rows.find((r) => columns.some((c) => t.layout.amount(r, c.col).kind === 'number'));
  if (row === undefined) return [];
  const checks: Check[] = [];
  for (const run of proseRuns(blocks)) {
    for (const s of statements(run, docKind === '决算' ? '决算数' : '预算数')) {
      const col = columns.find((c) => c.item === s.item && (c.figure === s.figure || c.figure === null));
      const cell = col && operandAt(t, row, col.col);
      if (cell?.ref.unit !== '万元') continue;
      const c = sameCheck('prose', 'prose-three-public', s.stated, cell, `${s.item} ${s.figure}`, ['prose', 'cell']);
      if (c) checks.push(c);
      if (s.completion) {
        const budgetCol = columns.find((b) => b.item === s.item && b.figure === '预算数');
        const budget = budgetCol && operandAt(t, row, budgetCol.col);
        if (budget) checks.push(completionCheck(s, s.completion, budget));
      }
    }
  }
  return checks;
}

type Item = '三公经费' | '因公出国（境）费' | '公务用车购置及运行费' | '公务用车购置费' | '公务用车运行费' | '公务接待费' | '机关运行经费';
type Figure = '预算数' | '决算数';

/** Item names as the prose and the headers print them, most specific first. */
const ITEMS: [Item, RegExp][] = [
  ['公务用车购置及运行费', /公务用车购置及运(?:行|维)(?:维护)?(?:费|经费)?$/u],
  ['公务用车购置费', /(?:公务用车)?购置费$/u],
  ['公务用车运行费', /(?:公务用车)?运行(?:维护)?费$/u],
  ['因公出国（境）费', /因公出国[（(]境[）)]费$/u],
  ['公务接待费', /公务接待费$/u],
  ['机关运行经费', /机关运行经费(?:预算数|决算数)?$/u],
  ['三公经费', /三公[”"]?经费(?:财政拨款)?(?:支出)?$/u],
];

interface ItemColumn {
  col: number;
  item: Item;
  /** Null when the table prints one figure only (a 预算's table is all 预算数). */
  figure: Figure | null;
}

/** Each amount column named by its item (合计 → 三公经费, 小计 → 公务用车购置及运行费) and its figure. */
function itemColumns(t: ReadTable): ItemColumn[] {
  const out: ItemColumn[] = [];
  // every column, not only those holding amounts: a 决算 prints most of its 三公 columns blank
  for (const col of t.layout.cols.filter((c) => !t.layout.labelColumns.includes(c))) {
    const path = headerPath(t.layout.table, col).map((l) => l.replace(/\s+/gu, ''));
    const leaf = path.at(-1) ?? '';
    const figure: Figure | null = /^决算数?$/u.test(leaf) ? '决算数' : /^预算数?$/u.test(leaf) ? '预算数' : null;
    const labels = figure ? path.slice(0, -1) : path;
    const last = labels.at(-1) ?? '';
    let item: Item | undefined;
    if (last === '合计') item = '三公经费';
    else if (last === '小计' && labels.some((l) => l.includes('公务用车'))) item = '公务用车购置及运行费';
    else item = ITEMS.find(([, re]) => re.test(last))?.[0];
    if (item) out.push({ col, item, figure: item === '机关运行经费' && !figure ? '预算数' : figure });
  }
  return out;
}

interface Statement {
  item: Item;
  figure: Figure;
  stated: Operand;
  /** `完成预算的0%` right after an item's 决算 that the prose states without its 预算. */
  completion?: { percent: string; ref: Omit<CheckRef, 'role'> };
}

/** `，完成预算的0%`: the share of the item's 预算 its 决算 is said to be. */
const COMPLETION = /^[，,]?完成(?:年初|全年)?预算(?:数)?的(\d+(?:\.\d+)?)%/u;

/**
 * `prose-completion` for an item whose 预算 the prose does not state: the share recomputed from the
 * table's 预算数 of that item (a pass at the printed digits, a hint one unit of the last digit off,
 * else an error); of a 预算 of 0 or blank no share can be taken — an error.
 */
function completionCheck(s: Statement, completion: { percent: string; ref: Omit<CheckRef, 'role'> }, budget: Operand): Check {
  const said = Number(completion.percent);
  const refs: CheckRef[] = [
    { role: 'prose', ...completion.ref, value: said, unit: '%' },
    { role: 'cell', ...budget.ref },
  ];
  const base = decToNumber(budget.dec);
  const shown = budget.empty ? 'blank' : show(budget.dec);
  if (base === 0) {
    const message = `the text says ${s.item} 完成预算的${completion.percent}%, but its 预算数 in the 三公 table is ${shown}: no share can be taken of it`;
    return { rule: 'prose', name: 'prose-completion', status: 'fail', severity: 'error', message, expected: null, actual: said, difference: null, unit: '%', refs };
  }
  const digits = completion.percent.split('.')[1]?.length ?? 0;
  const computed = (decToNumber(s.stated.dec) / base) * 100;
  const exact = Math.abs(Number(computed.toFixed(digits)) - said) < 10 ** -digits / 10;
  const severity = exact ? null : Math.abs(computed - said) <= 10 ** -digits + 1e-9 ? 'hint' : 'error';
  const what = `${s.item} 决算 ${show(s.stated.dec)} of its 预算数 ${shown}`;
  const message = exact ? `${completion.percent}% is ${what} (${computed.toFixed(2)}%)` : `the text says ${completion.percent}%, but ${what} is ${computed.toFixed(2)}%`;
  return { rule: 'prose', name: 'prose-completion', status: exact ? 'pass' : 'fail', severity, message, expected: Number(computed.toFixed(2)), actual: said, difference: Number((said - computed).toFixed(2)), unit: '%', refs };
}

/** `因公出国（境）费决算为0.00万元`, `年初预算为0.95万元`, `公务接待费28.50万元`: an item, then its figure. */
const STATEMENT =
  /(“?三公”?经费|因公出国[（(]境[）)]费|公务用车购置及运(?:行|维)(?:维护)?费|公务用车购置费|公务用车运行(?:维护)?费|公务接待费|机关运行经费)((?:财政拨款)?(?:支出)?(?:年初|全年)?(?:预算|决算)?(?:数)?(?:安排)?(?:为|是)?)(\d+(?:\.\d+)?)万元/gu;
/** A second figure of the same item right after the first: `年初预算为0.95万元，支出决算为0.00万元`. */
const SECOND = /^[，,]?(?:支出)?(决算|预算)(?:数)?(?:为|是)?(\d+(?:\.\d+)?)万元/u;

/** `fallback`: the figure a statement naming neither means — the document's own (`公务接待费支出1.2万元` in a 决算 is its 决算数). */
function statements(run: ProseRun, fallback: Figure): Statement[] {
  const out: Statement[] = [];
  for (const m of run.text.matchAll(STATEMENT)) {
    const item = ITEMS.find(([, re]) => re.test(m[1]!.replace(/[“”]/gu, '')))?.[0];
    if (!item) continue;
    const from = m.index! + m[1]!.length + m[2]!.length;
    const figure: Figure = /决算/u.test(m[2]!) ? '决算数' : /预算/u.test(m[2]!) ? '预算数' : fallback;
    const stated = operand(run, from, m[3]!);
    const end = m.index! + m[0].length;
    const done = figure === '决算数' ? COMPLETION.exec(run.text.slice(end)) : null;
    const completion = done ? { percent: done[1]!, ref: spanRef(run, m.index!, end + done[0].length) } : undefined;
    out.push({ item, figure, stated, completion });
    const second = SECOND.exec(run.text.slice(end));
    if (second) out.push({ item, figure: second[1] === '决算' ? '决算数' : '预算数', stated: operand(run, end + second[0].length - second[2]!.length - 2, second[2]!) });
  }
  return out;
}

function operand(run: ProseRun, from: number, number: string): Operand {
  const printed = `${number}万元`;
  const dec = decFromString(number)!;
  return { dec, decimals: dec.scale, empty: false, ref: { tableOrder: null, row: null, col: null, ...provOf(run, from, from + printed.length), text: printed, value: Number(number), unit: '万元', label: `text: ${printed}` } };
}

function spanRef(run: ProseRun, from: number, to: number): Omit<CheckRef, 'role'> {
  const text = run.text.slice(from, to);
  return { tableOrder: null, row: null, col: null, ...provOf(run, from, to), text, value: null, unit: null, label: `text: ${text}` };
}
