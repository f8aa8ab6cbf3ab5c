import type { Block, Check, CheckRef } from '../model/index.js';
import { decFromString, decToNumber } from './decimal.js';
import { AMOUNT } from './prose-claims.js';
import { proseRuns, provOf, type ProseRun as Run } from './prose-runs.js';
import { moneyUnitExponent } from './units.js';

/**
 * Figures the explanation states about its own figures, recomputed from them:
 * - `prose-share`: `其中：基本支出2336.91万元，占79.49%` — the part over the total it is part of;
 * - `prose-change`: `减少56.95万元，下降1.87%` after `收入支出总计2995.39万元` — the change over
 *   the year before (this year's figure minus the change), and 减少 with 下降, 增加 with 增长; a
 *   percentage of a change from a year-before figure of 0 is an error (there is none);
 * - `prose-completion`: `年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%`,
 *   and the `决算数小于预算数` that follows it.
 * A percentage equal to the recomputed one at its printed digits passes; one off by at most one
 * unit of its last digit is a hint (the amounts it is computed from are rounded themselves);
 * anything further is an error. Explanations are printed over many lines, so consecutive
 * paragraphs are read as one run.
 */
export function checkProseRatios(blocks: Block[]): Check[] {
  const checks: Check[] = [];
  for (const run of proseRuns(blocks)) {
    const amounts = [...run.text.matchAll(AMOUNT)].map((m) => ({ at: m.index!, end: m.index! + m[0].length, printed: m[0], value: amountValue(m) }));
    const found = [...shares(run, amounts), ...changes(run, amounts), ...completions(run, amounts)];
    // in the order the text states them: by where each statement ends
    const end = (c: Check) => run.text.indexOf(c.refs[0]!.text) + c.refs[0]!.text.length;
    checks.push(...found.sort((a, b) => end(a) - end(b)));
  }
  return checks;
}


interface Amount {
  at: number;
  end: number;
  printed: string;
  /** In yuan, so that amounts in different units compare. */
  value: number;
}

function amountValue(m: RegExpMatchArray): number {
  const dec = decFromString(m[1]!.replace(/,/g, '') + (m[2] ?? ''))!;
  return decToNumber(dec) * 10 ** moneyUnitExponent(m[3]!)!;
}

/** How far past an amount its percentage is looked for (characters). */
const LOOK = 40;

/** A percentage printed right after an amount: `，占79.49%`; `占本年支出合计的100.00%` names another base and is left alone. */
const SHARE = /^[，,]?占(\d+(?:\.\d+)?)%/u;
const CHANGE = /^[，,]?(增长|下降)(\d+(?:\.\d+)?)%/u;
/** Half a cent, in yuan: amounts this close are the same printed figure. */
const HALF_CENT = 0.005;

function shares(run: Run, amounts: Amount[]): Check[] {
  const checks: Check[] = [];
  amounts.forEach((a, i) => {
    const m = SHARE.exec(run.text.slice(a.end, a.end + LOOK));
    if (!m) return;
    // the total the parts are of: the nearest amount before it that opens a list of parts
    const base = amounts.slice(0, i).reverse().find((b) => /^[，,：:]?(?:其中|主要用于|包括)/u.test(run.text.slice(b.end, b.end + 8)));
    if (!base || base.value === 0) return;
    const end = a.end + m[0].length;
    checks.push(percentCheck('prose-share', run, base, [a.at, end], m[1]!, (a.value / base.value) * 100, `${a.printed} of ${base.printed}`));
  });
  return checks;
}

function changes(run: Run, amounts: Amount[]): Check[] {
  const checks: Check[] = [];
  amounts.forEach((a, i) => {
    const m = CHANGE.exec(run.text.slice(a.end, a.end + LOOK));
    const word = /(增加|减少)$/u.exec(run.text.slice(Math.max(0, a.at - 2), a.at))?.[1];
    if (!m || !word || i === 0) return;
    const current = amounts[i - 1]!;
    const end = a.end + m[0].length;
    const up = word === '增加';
    if (up !== (m[1] === '增长')) {
      checks.push(wordCheck('prose-change', run, current.at, end, `${word} ${a.printed}, but ${m[1]} ${m[2]}%: the two words disagree`));
      return;
    }
    const before = up ? current.value - a.value : current.value + a.value;
    // a change from nothing has no percentage (`增加307.82万元，增长100.00%` where 307.82 is all of it)
    if (Math.abs(before) < HALF_CENT) {
      checks.push(wordCheck('prose-change', run, current.at, end, `the text says ${m[1]}${m[2]}%, but the year before's figure is ${current.printed} ${up ? '−' : '+'} ${a.printed} = 0: a change from 0 has no percentage`));
      return;
    }
    if (before < 0) return;
    checks.push(percentCheck('prose-change', run, current, [a.at - word.length, end], m[2]!, (a.value / before) * 100, `${word}${a.printed} over the year before (${current.printed} ${up ? '−' : '+'} ${a.printed})`));
  });
  return checks;
}

const COMPLETION = /^[，,]?完成(年初|全年)?预算(?:数)?的(\d+(?:\.\d+)?)%/u;
/** `决算数小于预算数`, `决算数与全年预算数基本持平` and their kin, read after the two figures they compare. */
const COMPARISON = /决算数?(大于|小于|等于|持平)(?:年初|全年)?预算数?|决算数?与(?:年初|全年)?预算数?(基本)?(持平|相等|一致)/u;
/** How far past the two figures their comparison is looked for (characters). */
const CMP_LOOK = 80;
/** `基本持平`: within this share of the budget. */
const ROUGHLY = 0.01;

/**
 * 预算为 A，决算为 B: each pair of a budget and the 决算 stated right after it; the completion
 * figure after them recomputed (against the budget it names: 完成年初预算 is of the 年初预算 even
 * where a 全年预算 is printed between them), and the comparison word after them checked against
 * the two figures, with or without a completion figure.
 */
function completions(run: Run, amounts: Amount[]): Check[] {
  const checks: Check[] = [];
  amounts.forEach((a, i) => {
    if (i === 0) return;
    const budget = amounts[i - 1]!;
    if (!/预算(?:数)?(?:为|是)?$/u.test(run.text.slice(Math.max(0, budget.at - 6), budget.at)) || !/决算(?:数)?(?:为|是)?$/u.test(run.text.slice(Math.max(0, a.at - 6), a.at))) return;
    let end = a.end;
    const m = COMPLETION.exec(run.text.slice(a.end, a.end + LOOK));
    if (m) {
      end = a.end + m[0].length;
      const base = namedBudget(run, amounts, i, m[1]) ?? budget;
      if (base.value > 0) checks.push(percentCheck('prose-completion', run, base, [a.at, end], m[2]!, (a.value / base.value) * 100, `决算 ${a.printed} of ${m[1] ?? ''}预算 ${base.printed}`));
      else checks.push(wordCheck('prose-completion', run, base.at, end, `the text says 完成${m[1] ?? ''}预算的${m[2]}%, but that 预算 is ${base.printed}: no share can be taken of it${base !== budget ? ` (${m[2]}% is of ${budget.printed})` : ''}`));
    }
    // the next pair of figures ends the reach of this one's comparison
    const nextPair = amounts.slice(i + 1).find((b) => /预算(?:数)?(?:为|是)?$/u.test(run.text.slice(Math.max(0, b.at - 6), b.at)));
    const next = run.text.slice(end, Math.min(end + CMP_LOOK, nextPair?.at ?? Infinity));
    const cmp = COMPARISON.exec(next);
    if (!cmp) return;
    const truth = a.value < budget.value ? '小于' : a.value > budget.value ? '大于' : '等于';
    const said = cmp[1] ?? (cmp[2] ? '基本等于' : '等于');
    const word = cmp[1] ?? `与预算${cmp[2] ?? ''}${cmp[3]}`;
    const roughlyEqual = Math.abs(a.value - budget.value) <= ROUGHLY * budget.value;
    const holds = said === '基本等于' ? roughlyEqual : (said === '持平' ? '等于' : said) === truth;
    const cmpEnd = end + cmp.index + cmp[0].length;
    if (!holds) checks.push(wordCheck('prose-comparison', run, budget.at, cmpEnd, `the text says 决算${word}, but 决算 ${a.printed} ${truth} 预算 ${budget.printed}`));
    else checks.push({ ...wordCheck('prose-comparison', run, budget.at, cmpEnd, `决算 ${a.printed} ${truth} 预算 ${budget.printed}, as the text says`), status: 'pass', severity: null });
  });
  return checks;
}

/** The budget figure a completion names (年初 / 全年), looked for back to the sentence start; null when none is named. */
function namedBudget(run: Run, amounts: Amount[], i: number, which: string | undefined): Amount | null {
  if (!which) return null;
  for (let j = i - 1; j >= 0; j--) {
    const b = amounts[j]!;
    if (/[。；]/u.test(run.text.slice(b.end, amounts[j + 1]!.at))) return null;
    if (new RegExp(`${which}预算(?:数)?(?:为|是)?$`, 'u').test(run.text.slice(Math.max(0, b.at - 8), b.at))) return b;
  }
  return null;
}

/** `base` is the figure the percentage is computed against, `stated` the span that prints the percentage. */
function percentCheck(name: string, run: Run, base: Amount, stated: [number, number], printed: string, computed: number, what: string): Check {
  const said = Number(printed);
  const digits = printed.includes('.') ? printed.split('.')[1]!.length : 0;
  const unit = 10 ** -digits;
  const exact = Math.abs(Number(computed.toFixed(digits)) - said) < unit / 10;
  const near = Math.abs(computed - said) <= unit + 1e-9;
  const severity = exact ? null : near ? 'hint' : 'error';
  const shown = computed.toFixed(Math.max(2, digits));
  const message = exact ? `${printed}% is ${what} (${shown}%)` : `the text says ${printed}%, but ${what} is ${shown}%`;
  const refs = [ref(run, stated[0], stated[1], said, '%'), ref(run, base.at, base.end, base.value, '元')];
  return { rule: 'prose', name, status: exact ? 'pass' : 'fail', severity, message, expected: Number(shown), actual: said, difference: Number((said - computed).toFixed(Math.max(2, digits))), unit: '%', refs };
}

function wordCheck(name: string, run: Run, from: number, to: number, message: string): Check {
  return { rule: 'prose', name, status: 'fail', severity: 'error', message, expected: null, actual: null, difference: null, unit: null, refs: [ref(run, from, to, null, null)] };
}

function ref(run: Run, from: number, to: number, value: number | null, unit: string | null): CheckRef {
  const text = run.text.slice(from, to);
  return { role: 'prose', tableOrder: null, row: null, col: null, ...provOf(run, from, to), text, value, unit, label: `text: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}` };
}

