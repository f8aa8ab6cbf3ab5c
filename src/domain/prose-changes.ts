import type { Block, Check, CheckRef } from '../model/index.js';
import { decFromString, decToNumber } from './decimal.js';
import { AMOUNT } from './prose-claims.js';
import { proseRuns, provOf, type ProseRun } from './prose-runs.js';
import { moneyUnitExponent } from './units.js';

/**
 * `prose-change-amount`: a change stated in words (`比2022年增加7.01万元`, `较上年减少3.4万元`,
 * `与上年持平`) where the text also states both years' figures of the same item
 * (`2023年“三公经费”为374.46万元` … `2022年三公经费为367.45万元`): the word must have the sign of
 * this year's figure minus the other's, and the amount must be their difference (a `hint` within
 * 0.01 of the unit, else an `error`). Where a year's figure is not stated, the change is not checked.
 */
export function checkProseChanges(blocks: Block[], year: number | null): Check[] {
  if (year === null) return [];
  const checks: Check[] = [];
  for (const run of proseRuns(blocks)) {
    const figures = statedFigures(run);
    for (const m of run.text.matchAll(CHANGE)) {
      const subject = label(m[1]!);
      const subjectYear = m[1]!.match(/((?:19|20)\d{2})年/u)?.[1];
      const current = subjectYear ? Number(subjectYear) : year;
      const other = m[2] ? Number(m[2]) : current - 1;
      const before = figures.filter((f) => f.at < m.index!);
      const now = findFigure(before, current, subject);
      const then = findFigure(before, other, subject);
      if (!now || !then || now === then) continue;
      const truth = now.value - then.value;
      const from = m.index! + m[0].length - (m[5]?.length ?? 0) - (m[4] === '持平' ? 2 : m[4]!.length);
      const stated = m[4] === '持平' ? 0 : amountValue(m[5]!) * (m[4] === '增加' ? 1 : -1);
      const diff = stated - truth;
      const unit = 10 ** moneyUnitExponent('万元')!;
      const severity = Math.abs(diff) < 1e-6 ? null : Math.abs(diff) <= 0.01 * unit + 1e-6 ? 'hint' : 'error';
      const item = [subject, now.label].sort((a, b) => a.length - b.length)[0];
      const what = `${item}: ${now.printed} (${current}) − ${then.printed} (${other}) = ${show(truth / unit)}万元`;
      const said = m[4] === '持平' ? '持平' : `${m[4]}${m[5]}`;
      checks.push({
        rule: 'prose',
        name: 'prose-change-amount',
        status: severity ? 'fail' : 'pass',
        severity,
        message: severity ? `the text says ${said}, but ${what}` : `${said}, as ${what}`,
        expected: Number((truth / unit).toFixed(2)),
        actual: Number((stated / unit).toFixed(2)),
        difference: Number((diff / unit).toFixed(2)),
        unit: '万元',
        refs: [ref(run, from, m.index! + m[0].length, stated / unit), ref(run, now.at, now.end, now.value / unit), ref(run, then.at, then.end, then.value / unit)],
      });
    }
  }
  return checks;
}

/** `X比2022年增加7.01万元`, `X较上年减少3.4万元`, `X与上年持平`: the subject, the other year, the word, the amount. */
const CHANGE = /([^，,。；;：:]{2,30}?)(?:比|较|与)(?:((?:19|20)\d{2})年度?|上年度?)(?:预算|决算)?(?:数)?(相比)?[，,]?(增加|减少|持平)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*万元)?/gu;

interface Figure {
  year: number;
  label: string;
  at: number;
  end: number;
  printed: string;
  /** In yuan. */
  value: number;
}

/** Every amount with the item named right before it and the year last named before it (`2022年三公经费为367.45万元`). */
function statedFigures(run: ProseRun): Figure[] {
  const out: Figure[] = [];
  for (const m of run.text.matchAll(AMOUNT)) {
    const head = run.text.slice(Math.max(0, m.index! - 40), m.index!);
    const lastYear = [...run.text.slice(0, m.index!).matchAll(/((?:19|20)\d{2})年/gu)].at(-1);
    const name = /([^，,。；;：:\d]{2,30})$/u.exec(head)?.[1];
    if (!lastYear || !name || /比|较|增加|减少|增长|下降/u.test(name)) continue;
    out.push({ year: Number(lastYear[1]), label: label(name), at: m.index!, end: m.index! + m[0].length, printed: m[0], value: amountValue(m[0]) });
  }
  return out;
}

/** An item's name with what does not name it dropped: the year, quotes, 总体, linking words. */
function label(s: string): string {
  return s
    .replace(/(?:19|20)\d{2}年度?/gu, '')
    .replace(/[“”"'‘’]/gu, '')
    .replace(/^(?:部门|本部门|本单位|其中)?年?度?/u, '')
    .replace(/(?:总体|合计|共计|预算|支出|安排|为|是)+$/u, '');
}

/** The latest figure of a year whose item is the subject's (one name containing the other). */
function findFigure(figures: Figure[], year: number, subject: string): Figure | undefined {
  return figures.filter((f) => f.year === year && f.label.length >= 2 && subject.length >= 2 && (f.label.endsWith(subject) || subject.endsWith(f.label))).at(-1);
}

function amountValue(printed: string): number {
  const m = /((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(亿元|千万元|百万元|万元|千元|元)/u.exec(printed)!;
  return decToNumber(decFromString(m[1]!.replace(/,/g, ''))!) * 10 ** moneyUnitExponent(m[2]!)!;
}

const show = (n: number) => n.toFixed(2);

function ref(run: ProseRun, from: number, to: number, value: number): CheckRef {
  const text = run.text.slice(from, to);
  return { role: 'prose', tableOrder: null, row: null, col: null, ...provOf(run, from, to), text, value, unit: '万元', label: `text: ${text}` };
}
