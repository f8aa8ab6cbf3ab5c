import type { Block, Check, CheckRef, Document } from '../model/index.js';
import { proseRef, proseRuns, type ProseRun } from './prose-runs.js';

/**
 * Wording a reader would flag that needs more than one line to see, each a `warning`:
 * - `unmatched-bracket`: a bracket or quote opened and never closed, or closed by another kind
 *   (`行政事业单位医疗（款)`: a full-width `（` closed by a half-width `)`);
 * - `template-instruction`: a template's instruction to the author printed as is
 *   (`…仍保留该表格式，并在本表下方作下述说明`);
 * - `prose-year`: a date of the document's own state in another year (`截至2023年12月31日` in a
 *   2024 决算; a 预算 may date its assets at the end of the year before), or the document's
 *   subject dated another year (`本部门2023年度收入…`) where nothing compares two years;
 * - `comparison-wording`: `比2024年预算持平` — 比 goes with 增加/减少, 持平 with 与 (`与2024年预算持平`);
 * - `flat-with-change`: `…总计持平。主要原因：…减少支付` — 持平 (no change) explained by a
 *   reason that speaks of a change;
 * - `comparison-base`: one paragraph compares with the year before on two bases
 *   (`收入…比2024年预算执行数增加24,558.18万元` beside `支出…比2024年预算增加24,491.71万元`): the
 *   figures of that year are then not one set, and a reader cannot tell which changes add up;
 * - `sentence-cut`: a full stop inside a sentence, the comparison after it left without its
 *   subject (`（三）公务接待费1.00万元。与2024年预算持平，…`);
 * - `number-format`: an amount of 1,000 or more printed without the thousands separator the
 *   explanation prints most such amounts with (`3136.40万元` among `29,381.00万元`, `37,151.47万元`).
 * The explanation is read as runs of consecutive paragraphs, because PDFs break it at every line.
 */
export function checkWording(doc: Document): Check[] {
  const checks: Check[] = [];
  for (const run of proseRuns(doc.blocks)) {
    checks.push(...unmatchedBrackets(run), ...templateInstructions(run), ...proseYears(run, doc), ...comparisonWording(run), ...flatWithChange(run), ...comparisonBases(run), ...sentenceCuts(run));
  }
  for (const b of doc.blocks) if (b.type === 'heading') checks.push(...unmatchedBrackets(single(b)));
  checks.push(...numberFormat(proseRuns(doc.blocks)));
  return checks;
}

const single = (b: Block): ProseRun => ({ text: b.text.replace(/\s+/gu, ''), pieces: [{ start: 0, block: b }] });

const OPENERS: Record<string, string> = { '（': '）', '(': ')', '“': '”', '《': '》', '【': '】', '〔': '〕' };
const CLOSERS = new Set(Object.values(OPENERS));
/** `1）`, `(2)`, `①)`: a list number closed on its own — a numbering style, not a stray bracket. */
const LIST_NUMBER = /(?:^|[。；;：:，,\s])[（(]?[\d一二三四五六七八九十①-⑳]{1,3}$/u;

/** Each bracket left open or closed by another kind in a run, reported once per sentence it is in. */
function unmatchedBrackets(run: ProseRun): Check[] {
  const stack: { ch: string; at: number }[] = [];
  const bad: { at: number; what: string }[] = [];
  const text = run.text;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch in OPENERS) {
      stack.push({ ch, at: i });
      continue;
    }
    if (!CLOSERS.has(ch)) continue;
    const top = stack[stack.length - 1];
    if (top && OPENERS[top.ch] === ch) {
      stack.pop();
      continue;
    }
    if (!top && (ch === ')' || ch === '）') && LIST_NUMBER.test(text.slice(Math.max(0, i - 4), i))) continue;
    // a closer of another kind: `（款)` — the opener it was meant to close is left open too
    const meant = stack.findIndex((s) => OPENERS[s.ch] === ch);
    if (top && meant < 0) {
      stack.pop();
      bad.push({ at: top.at, what: `${top.ch} closed by ${ch}` });
    } else if (meant >= 0) {
      for (const s of stack.splice(meant + 1)) bad.push({ at: s.at, what: `${s.ch} never closed` });
      stack.pop();
    } else bad.push({ at: i, what: `${ch} never opened` });
  }
  for (const s of stack) bad.push({ at: s.at, what: `${s.ch} never closed` });
  const seen = new Set<string>();
  const checks: Check[] = [];
  for (const b of bad.sort((x, y) => x.at - y.at)) {
    const [from, to] = sentenceAround(text, b.at);
    const key = `${from}`;
    if (seen.has(key)) continue;
    seen.add(key);
    checks.push(finding('unmatched-bracket', `an unmatched bracket or quote (${b.what}): “${clip(text.slice(from, to), b.at - from)}”`, run, from, to));
  }
  return checks;
}

/** What a template tells its author to do, printed as if it were the disclosure's own text. */
const INSTRUCTION = /仍保留该表格式|(?:在|于)本表下方作(?:下述|如下)?说明|(?:请|须|需)(?:根据|按照?)实际情况(?:填写|填列|说明|修改)|此处(?:填写|填列|录入)|(?:填写|填列)说明[:：]/u;

function templateInstructions(run: ProseRun): Check[] {
  const checks: Check[] = [];
  const seen = new Set<number>();
  for (const m of run.text.matchAll(new RegExp(INSTRUCTION.source, 'gu'))) {
    const [from, to] = sentenceAround(run.text, m.index!);
    if (seen.has(from)) continue;
    seen.add(from);
    checks.push(finding('template-instruction', `a template’s instruction left in: “${clip(run.text.slice(from, to), m.index! - from)}”`, run, from, to));
  }
  return checks;
}

/** `比2024年预算持平`, `比上年执行数持平`: 比 … 持平, with no 增加/减少 between them. */
const BI_FLAT = /比(?:上年度?|(?:19|20)\d{2}年度?)[^，,。；;增减]{0,10}?持平/gu;

function comparisonWording(run: ProseRun): Check[] {
  return [...run.text.matchAll(BI_FLAT)].map((m) => {
    // with the clause before it, which names what is compared (`政府性基金拨款支出预算0万元，`)
    const [start, to] = clauseAround(run.text, m.index!);
    const from = start > 1 ? clauseAround(run.text, start - 2)[0] : start;
    return finding('comparison-wording', `“${m[0]}” mixes two wordings: 与…持平, or 比…增加/减少: “${clip(run.text.slice(from, to), m.index! - from)}”`, run, from, to);
  });
}

/** `比2024年预算执行数`, `与上年预算`: a comparison with a year and the figure of that year it is with. */
const YEAR_BASE = /[比与较](上年度?|(?:19|20)\d{2}年度?)(预算执行数|预算执行|执行数|预算数|预算|决算数|决算)/gu;
const BASE_OF: Record<string, string> = { 预算执行数: '执行数', 预算执行: '执行数', 执行数: '执行数', 预算数: '预算', 预算: '预算', 决算数: '决算', 决算: '决算' };

/** The first comparison on each base, per year compared with; a finding where one year has two. */
function comparisonBases(run: ProseRun): Check[] {
  const first = new Map<string, Map<string, RegExpMatchArray>>();
  for (const m of run.text.matchAll(YEAR_BASE)) {
    const year = m[1]!.replace(/度$/u, '');
    const bases = first.get(year) ?? first.set(year, new Map()).get(year)!;
    const base = BASE_OF[m[2]!]!;
    if (!bases.has(base)) bases.set(base, m);
  }
  const checks: Check[] = [];
  for (const bases of first.values()) {
    if (bases.size < 2) continue;
    const [a, b] = [...bases.values()].slice(0, 2) as [RegExpMatchArray, RegExpMatchArray];
    const [aFrom, aTo] = sentenceAround(run.text, a.index!);
    const [bFrom, bTo] = sentenceAround(run.text, b.index!);
    const c = finding('comparison-base', `the paragraph compares with “${a[1]}${a[2]}” and with “${b[1]}${b[2]}”, two bases for one year: “${clip(run.text.slice(aFrom, aTo), a.index! - aFrom)}” / “${clip(run.text.slice(bFrom, bTo), b.index! - bFrom)}”`, run, aFrom, aTo);
    checks.push({ ...c, refs: [...c.refs, textRef(run, bFrom, bTo)] });
  }
  return checks;
}

/** `…1.00万元。与2024年预算持平`: a sentence that opens with a comparison's predicate — its subject is before the full stop. */
const CUT_COMPARISON = /。((?:与|比|较)(?:上年度?|(?:19|20)\d{2}年度?)[^。，,；;：:]{0,12}?(?:持平|增加|减少|增长|下降))/gu;

function sentenceCuts(run: ProseRun): Check[] {
  return [...run.text.matchAll(CUT_COMPARISON)].map((m) => {
    const from = clauseAround(run.text, m.index!)[0];
    const to = clauseAround(run.text, m.index! + 1)[1];
    return finding('sentence-cut', `a full stop cuts a sentence: “${m[1]}” has no subject; it belongs to the sentence before: “${clip(run.text.slice(from, to), m.index! - from)}”`, run, from, to);
  });
}

/** `持平。主要原因：…`: a statement of no change and the reason given for it, up to the reason's sentence end. */
const FLAT_REASON = /持平[。，,；;]?(?:其?主要原因(?:是|为)?[:：]?)([^。]*)。?/gu;
/** Words of a change; `无增减` (no change) is none. */
const CHANGE_WORD = /(?<!无)(?:减少|增加|下降|增长|调减|调增|压减|缩减)/u;

function flatWithChange(run: ProseRun): Check[] {
  const checks: Check[] = [];
  for (const m of run.text.matchAll(FLAT_REASON)) {
    const word = CHANGE_WORD.exec(m[1]!);
    if (!word) continue;
    const from = clauseAround(run.text, m.index!)[0];
    const to = m.index! + m[0].length;
    checks.push(finding('flat-with-change', `the text says 持平 (no change), but the reason it gives speaks of a change (${word[0]}): “${clip(run.text.slice(from, to), m.index! - from)}”`, run, from, to));
  }
  return checks;
}

/** An amount of four digits or more before the point, with or without thousands separators. */
const BIG_AMOUNT = /(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d{4,})(?:\.\d+)?(?:万元|亿元|元)/gu;

/** Amounts without separators, where most amounts of the explanation (distinct figures) have them. */
function numberFormat(runs: ProseRun[]): Check[] {
  const found = runs.flatMap((run) => [...run.text.matchAll(BIG_AMOUNT)].map((m) => ({ run, m, separated: m[1]!.includes(',') })));
  const distinct = (xs: typeof found) => new Set(xs.map((x) => x.m[0])).size;
  const plain = found.filter((f) => !f.separated);
  if (plain.length === 0 || distinct(found.filter((f) => f.separated)) <= distinct(plain)) return [];
  return plain.map(({ run, m }) => {
    const [from, to] = clauseAround(run.text, m.index!);
    return finding('number-format', `${m[0]} is printed without the thousands separator the text prints its other amounts with: “${clip(run.text.slice(from, to), m.index! - from)}”`, run, from, to);
  });
}

/** Words that put a year beside another: a comparison, not a date of the document. */
const COMPARES = /相比|比较|对比|较|比|上年|同期|持平|增长|下降|增加|减少|以来|至今/u;

function proseYears(run: ProseRun, doc: Document): Check[] {
  const year = doc.year;
  if (year === null || (doc.docKind !== '预算' && doc.docKind !== '决算')) return [];
  // a 预算 reports its assets and vehicles at the end of the year before (截至2024年8月31日 in a 2025 预算)
  const asOfOk = doc.docKind === '预算' ? [year - 1, year] : [year];
  const subjects = ['本部门', '本单位', ...(doc.org.name ? [doc.org.name.replace(/\s+/gu, '')] : [])].map(escapeRegExp).join('|');
  const rules: { re: RegExp; ok: number[]; what: string }[] = [
    { re: /截至\s*((?:19|20)\d{2})\s*年/gu, ok: asOfOk, what: 'dates the state it reports' },
    { re: new RegExp(`(?:${subjects})((?:19|20)\\d{2})年度?(?![-—~～至到])`, 'gu'), ok: [year], what: 'dates its own figures' },
  ];
  const checks: Check[] = [];
  for (const { re, ok, what } of rules) {
    for (const m of run.text.matchAll(re)) {
      const y = Number(m[1]);
      if (ok.includes(y)) continue;
      const [from, to] = clauseAround(run.text, m.index!);
      if (COMPARES.test(run.text.slice(from, to))) continue;
      checks.push(finding('prose-year', `the text ${what} in ${y}, the document is the ${year} ${doc.docKind}: “${clip(run.text.slice(from, to), m.index! - from)}”`, run, from, to));
    }
  }
  return checks;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** The sentence [from, to) a place in a run is in: from the mark before it to the mark that ends it. */
function sentenceAround(text: string, at: number): [number, number] {
  return around(text, at, /[。！？；;]/u);
}

function clauseAround(text: string, at: number): [number, number] {
  return around(text, at, /[。！？；;，,]/u);
}

function around(text: string, at: number, end: RegExp): [number, number] {
  let from = at;
  while (from > 0 && !end.test(text[from - 1]!)) from--;
  let to = at;
  while (to < text.length && !end.test(text[to]!)) to++;
  return [from, Math.min(text.length, to + 1)];
}

/** A long sentence cut to the part around the place that matters. */
function clip(s: string, focus: number): string {
  if (s.length <= 60) return s;
  const from = Math.max(0, Math.min(focus - 25, s.length - 60));
  return `${from > 0 ? '…' : ''}${s.slice(from, from + 60)}${from + 60 < s.length ? '…' : ''}`;
}

function finding(name: string, message: string, run: ProseRun, from: number, to: number): Check {
  return { rule: 'text', name, status: 'fail', severity: 'warning', message, expected: null, actual: null, difference: null, unit: null, refs: [textRef(run, from, to)] };
}

/** A stretch of a run as the `text` side of a finding. */
function textRef(run: ProseRun, from: number, to: number): CheckRef {
  return { ...proseRef(run, from, to), role: 'text' };
}
