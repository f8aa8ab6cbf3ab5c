import type { Block, Check, CheckRef } from '../model/index.js';
import { decFromString, decToNumber } from './decimal.js';
import { AMOUNT } from './prose-claims.js';
import { proseRuns, provOf, type ProseRun } from './prose-runs.js';
import { moneyUnitExponent } from './units.js';

/**
 * `prose-parts`: a figure the text splits itself — `政府采购金额为251.25万元，其中：货物采购金额4.79万元、
 * 工程采购金额0万元、服务采购金额246.47万元。` — must be the sum of the parts it lists (a `hint`
 * within 0.01 of its unit, else an `error`). Only a list that closes the sentence is read: a
 * nested 其中 (a part split again), an amount in brackets, or a change (`比上年减少…`) is no part,
 * and a sentence with a nested 其中 is left alone, since its parts cannot be told from their parts.
 */
export function checkProseParts(blocks: Block[]): Check[] {
  const checks: Check[] = [];
  for (const run of proseRuns(blocks)) {
    for (const m of run.text.matchAll(WHOLE)) {
      const total = amountAt(run, m.index!, m[1]!);
      const start = m.index! + m[0].length;
      const stop = run.text.slice(start).search(LIST_END);
      const list = run.text.slice(start, stop < 0 ? undefined : start + stop);
      const sentenceStart = run.text.lastIndexOf('。', m.index!) + 1;
      // a part split again (其中 … 其中), or parts told with what they mainly are: no list of the whole's parts
      if (/其中/u.test(list) || /其中/u.test(run.text.slice(sentenceStart, m.index!)) || SPLIT_AGAIN.test(list)) continue;
      const parts: { at: number; printed: string; value: number }[] = [];
      let depth = 0;
      let last = 0;
      for (const a of list.matchAll(AMOUNT)) {
        for (const ch of list.slice(last, a.index!)) depth += ch === '（' || ch === '(' ? 1 : ch === '）' || ch === ')' ? -1 : 0;
        last = a.index!;
        const before = list.slice(Math.max(0, a.index! - 8), a.index!);
        if (depth > 0 || /增加|减少|增长|下降|比|较|持平/u.test(before)) continue;
        parts.push({ at: start + a.index!, printed: a[0], value: yuan(a[0]) });
      }
      if (parts.length < 2) continue;
      const sum = parts.reduce((s, p) => s + p.value, 0);
      const unit = 10 ** moneyUnitExponent(total.unitWord)!;
      const diff = (total.value - sum) / unit;
      const severity = Math.abs(diff) < 1e-6 ? null : Math.abs(diff) <= 0.01 + 1e-6 ? 'hint' : 'error';
      const shown = (sum / unit).toFixed(Math.max(2, total.decimals));
      checks.push({
        rule: 'prose',
        name: 'prose-parts',
        status: severity ? 'fail' : 'pass',
        severity,
        message: severity
          ? `the text states ${total.printed}, but the ${parts.length} parts it lists after 其中 add up to ${shown}${total.unitWord}`
          : `${total.printed} = the ${parts.length} parts it lists after 其中`,
        expected: Number(shown),
        actual: total.value / unit,
        difference: Number(diff.toFixed(Math.max(2, total.decimals))),
        unit: total.unitWord,
        refs: [ref(run, 'total', total.at, total.at + total.printed.length, total.value / unit, total.unitWord), ...parts.map((p) => ref(run, 'part', p.at, p.at + p.printed.length, p.value / unit, total.unitWord))],
      });
    }
  }
  return checks;
}

/**
 * `…为251.25万元，其中：` — the whole, then the list. Digit runs bounded as in AMOUNT: an unbounded
 * `\d+`, tried from every digit of a long line of digits, was quadratic (a fuzzed text with a
 * line of a million 7s ran past its time limit; 40k digits took 3 s).
 */
const WHOLE = /((?:\d{1,3}(?:,\d{3}){1,6}|\d{1,16})(?:\.\d+)?)(万元|元|亿元)[，,]其中[：:]/gu;

/** Where a list of parts ends: the sentence, a new numbered section (`四、`), a new statement dated by its year. */
const LIST_END = /。|[一二三四五六七八九十]+、|(?:19|20)\d{2}年/u;
/** Words that open the parts of a part: `基本支出481.87万元，主要是人员经费…`. */
const SPLIT_AGAIN = /主要(?:是|为|包括|用于)|包括|含/u;

function amountAt(run: ProseRun, at: number, number: string) {
  const unitWord = /万元|亿元|元/u.exec(run.text.slice(at + number.length))![0];
  const printed = `${number}${unitWord}`;
  const decimals = number.includes('.') ? number.split('.')[1]!.length : 0;
  return { at, printed, unitWord, decimals, value: yuan(printed) };
}

function yuan(printed: string): number {
  const m = /((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(亿元|千万元|百万元|万元|千元|元)/u.exec(printed)!;
  return decToNumber(decFromString(m[1]!.replace(/,/g, ''))!) * 10 ** moneyUnitExponent(m[2]!)!;
}

/** Both the whole and its parts are prose: `prose`, in the order whole, parts. */
function ref(run: ProseRun, _role: 'total' | 'part', from: number, to: number, value: number, unit: string): CheckRef {
  const text = run.text.slice(from, to);
  return { role: 'prose', tableOrder: null, row: null, col: null, ...provOf(run, from, to), text, value, unit, label: `text: ${text}` };
}
