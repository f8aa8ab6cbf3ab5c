import type { Block, Provenance } from '../model/index.js';
import { decFromString, type Dec } from './decimal.js';
import { numberingLevel } from './row-outline.js';

/** What a stretch of prose is about, from the section it is in: the claims it can make depend on it. */
export type ProseTopic = '三公' | '公用经费' | '资产' | '采购' | 'general';

/**
 * An amount stated in prose: `基本支出481.87万元` is the lead `基本支出` and 481.87 万元. The
 * lead is the text just before the number, back to the previous amount or punctuation, with
 * linking words (为, 共计安排 …) still on it.
 */
export interface ProseClaim {
  blockOrder: number;
  /** The lead with quotes and white space removed (`我部门财政拨款三公经费预算安排`). */
  lead: string;
  /** The sentence it is in, for people. */
  sentence: string;
  /** The number and unit as printed (`433.32万元`). */
  printed: string;
  dec: Dec;
  decimals: number;
  unit: string;
  topic: ProseTopic;
  prov: Provenance[];
}

// digit runs bounded (no amount has more than 16 digits before its point or 6 comma groups): an
// unbounded run, tried from every digit of a long line of digits, made it quadratic (80k: 23 s)
export const AMOUNT = /(\d{1,3}(?:,\d{3}){1,6}|\d{1,16})(\.\d+)?\s*(亿元|千万元|百万元|万元|千元|元)/gu;
/** Where a lead starts: punctuation, or the end of the amount before it (parentheses: see leadAfter). */
const CLAUSE_BREAK = /[，,。；;、！!？?\n]/u;
/** Leads about another period or a change are not claims about this budget's amounts. */
const NOT_THIS_BUDGET = /上年(?!末)|去年|上一年|同期|较|比上年|增加|减少|增长|下降|增减|拟|预计|计划/u;
const YEAR = /((?:19|20)\d{2})\s*年/gu;

/** The topic a section heading sets for the prose under it. */
export function topicOf(text: string): ProseTopic {
  if (/三公/u.test(text)) return '三公';
  if (/机关运行|运行经费|公用经费/u.test(text)) return '公用经费';
  if (/国有资产|固定资产|资产/u.test(text)) return '资产';
  if (/采购/u.test(text)) return '采购';
  return 'general';
}

/** A block that opens a section: a heading, or a short numbered line stating no amount (`四、财政拨款“三公”经费…`). */
function isSectionHeading(b: Block): boolean {
  if (b.type === 'heading') return true;
  const t = b.text.trim();
  return t.length <= 40 && !new RegExp(AMOUNT.source, 'u').test(t) && (numberingLevel(t) !== null || /^第.{1,3}部分/u.test(t));
}

/**
 * The amounts stated in a document's prose about its own budget year: sentences (or the part of
 * a sentence) dated another year are skipped (seed 002 L408 gives 2022's 三公经费 after 2023's),
 * and so are leads about changes (较上年减少…) or plans (拟购置).
 */
export function findProseClaims(blocks: Block[], year: number | null): ProseClaim[] {
  const claims: ProseClaim[] = [];
  let topic: ProseTopic = 'general';
  for (const b of blocks) {
    if (b.type === 'table' || b.type === 'toc') continue;
    if (isSectionHeading(b)) {
      topic = topicOf(b.text);
      continue;
    }
    // a paragraph about 三公经费 or 固定资产 is read as such wherever it stands (seed 004 L1307 follows the 采购 section)
    const paragraphTopic = /三公|固定资产/u.test(b.text) ? topicOf(b.text) : topic;
    for (const sentence of b.text.split(/(?<=[。！？!?])/u)) {
      let from = 0;
      // the last year said before each amount, read on as the amounts go (not again from the sentence's start for each)
      const years = new RegExp(YEAR.source, 'gu');
      let said: number | null = null;
      for (const m of sentence.matchAll(AMOUNT)) {
        for (let y = years.exec(sentence); y; y = years.exec(sentence)) {
          if (y.index + y[0].length > m.index) {
            years.lastIndex = y.index;
            break;
          }
          said = Number(y[1]);
        }
        const start = lastBreak(sentence, from, m.index) + 1;
        from = m.index + m[0].length;
        const lead = leadAfter(sentence.slice(start, m.index)).replace(/[\s“”"‘’'「」]/gu, '');
        if (said !== null && year !== null && said !== year) continue;
        if (lead === '' || NOT_THIS_BUDGET.test(lead)) continue;
        const dec = decFromString(m[1]!.replace(/,/g, '') + (m[2] ?? ''))!;
        claims.push({
          blockOrder: b.order,
          lead,
          sentence: sentence.trim(),
          printed: m[0].replace(/\s+/gu, ''),
          dec,
          decimals: dec.scale,
          unit: m[3]!,
          topic: paragraphTopic,
          prov: b.prov,
        });
      }
    }
  }
  return claims;
}

/**
 * The lead inside an open parenthesis (`…1.25万元（其中：公务用车购置费为` → `其中：公务用车购置费为`),
 * while a closed one stays part of a name (`因公出国（境）费`, seed 000 L1685).
 */
function leadAfter(s: string): string {
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i]!;
    if (c === '）' || c === ')') depth++;
    else if (c === '（' || c === '(') {
      if (depth === 0) return s.slice(i + 1);
      depth--;
    }
  }
  const close = Math.max(s.lastIndexOf('）'), s.lastIndexOf(')'));
  // a parenthesis closed but never opened here: the lead starts after it (`政府办（含所属单位）上年末…` is cut at the clause)
  return depth > 0 && close >= 0 ? s.slice(close + 1) : s;
}

/** The last clause break in `s` between `from` and `to`, or `from - 1`: a lead never reaches back past the amount before it. */
function lastBreak(s: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (CLAUSE_BREAK.test(s[i]!)) return i;
  return from - 1;
}
