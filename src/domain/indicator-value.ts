import type { IndicatorValue } from '../model/index.js';

type Operator = NonNullable<IndicatorValue['operator']>;

const PREFIX: [RegExp, Operator][] = [
  [/^(?:≥|>=|≧|大于等于|大于或等于|不低于|不少于|至少)/u, '≥'],
  [/^(?:≤|<=|≦|小于等于|小于或等于|不高于|不超过|不多于|最多)/u, '≤'],
  [/^(?:>|大于|高于|超过|多于)/u, '>'],
  [/^(?:<|小于|低于|少于)/u, '<'],
  [/^(?:=|等于)/u, '='],
  [/^(?:≈|约)/u, '≈'],
];
/** 以上/以下/以内 include the number itself (the convention of Chinese statutes). */
const SUFFIX: [RegExp, Operator][] = [
  [/(?:及|或)?以上$/u, '≥'],
  [/(?:及|或)?以下$/u, '≤'],
  [/以内$/u, '≤'],
];
const NUMBER = String.raw`\d+(?:\.\d+)?`;
/** A unit: a few characters that are not digits or sentence punctuation (%, 万元, 平方米, 元/平米/天, 个工作日). */
const UNIT = String.raw`[^\d\s，。,;；、:：()（）]{0,8}`;
const RANGE = new RegExp(`^(${NUMBER})(${UNIT})[-~～—–至到](${NUMBER})(${UNIT})$`, 'u');
const SINGLE = new RegExp(`^(${NUMBER})(${UNIT})$`, 'u');
const DATE = /^(\d{4})\s*年(?:\s*(\d{1,2})\s*月)?(?:\s*(\d{1,2})\s*日)?(?:底|末|初|中旬|上旬|下旬)?(前|之前|以前|内|之内)?$/u;

/**
 * Parses a 绩效 indicator value into operator, number, unit and the raw text: `≥95%`,
 * `≤14.98万元`, `=6条`, `<3 次`, `12882 平方米`, `≤4.3 元/平米/天`, `80-90%`, `95%及以上`;
 * `2023年12月底` is a date, `是否` a yes/no, `比上年有所提高` words only. A number is given only
 * where the value is a number as printed; text that merely contains digits stays text.
 */
export function parseIndicatorValue(raw: string): IndicatorValue {
  const base = { operator: null, number: null, upper: null, unit: null, raw } as const;
  let t = raw
    .replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[＞]/gu, '>')
    .replace(/[＜]/gu, '<')
    .replace(/[＝]/gu, '=')
    .replace(/[％]/gu, '%')
    .replace(/．/gu, '.')
    .replace(/\s+/gu, '');
  if (t === '') return { kind: 'text', ...base };
  if (/^(?:是否|是|否|是\/否)$/u.test(t)) return { kind: 'yes-no', ...base };
  const date = DATE.exec(t);
  if (date) return { kind: 'date', ...base, operator: date[4] ? '≤' : null };

  let operator: Operator | null = null;
  for (const [re, op] of PREFIX) {
    const m = re.exec(t);
    if (m) {
      operator = op;
      t = t.slice(m[0].length);
      break;
    }
  }
  if (operator === null) {
    for (const [re, op] of SUFFIX) {
      const m = re.exec(t);
      if (m) {
        operator = op;
        t = t.slice(0, m.index);
        break;
      }
    }
  }
  const range = RANGE.exec(t);
  if (range && (range[2] === '' || range[2] === range[4])) {
    return { kind: 'range', operator, number: Number(range[1]), upper: Number(range[3]), unit: range[4] || null, raw };
  }
  const single = SINGLE.exec(t);
  if (single) return { kind: 'number', operator, number: Number(single[1]), upper: null, unit: single[2] || null, raw };
  return { kind: 'text', ...base };
}
