import type { Block, Check } from '../model/index.js';
import { CHAIN, chainPieces, type ChainPiece } from './prose-subjects.js';
import { proseRef, proseRuns, type ProseRun } from './prose-runs.js';

/**
 * `prose-purpose` (a warning): what a 项 is said to be used for (`主要用于：…`) fits the 项. Each
 * 项 below is known by its own words; a purpose that speaks only of another's (住房公积金
 * `主要用于：事业单位医疗保险支出`) is a sentence copied from the item before and not changed.
 * 项 not listed here are not judged: their purposes are free text.
 */
const OWN_WORDS: [item: RegExp, words: RegExp][] = [
  [/^住房公积金$/u, /公积金/u],
  [/^(?:购房补贴|提租补贴)$/u, /购房|房贴|住房|租/u],
  [/^(?:行政单位医疗|事业单位医疗|公务员医疗补助)$/u, /医疗|医保|医药/u],
  [/^机关事业单位基本养老保险缴费支出$/u, /养老|社会保险|社保/u],
  [/^机关事业单位职业年金缴费支出$/u, /年金/u],
  [/^(?:行政单位离退休|事业单位离退休)$/u, /离退休|退休|离休/u],
];

export function checkProsePurposes(blocks: Block[]): Check[] {
  const checks: Check[] = [];
  for (const run of proseRuns(blocks)) {
    for (const { item, from, to, purpose } of itemPurposes(run)) {
      const own = OWN_WORDS.find(([re]) => re.test(item));
      if (!own) continue;
      const others = OWN_WORDS.filter((o) => o !== own && o[1].test(purpose));
      if (own[1].test(purpose) || others.length === 0) continue;
      checks.push({
        rule: 'prose',
        name: 'prose-purpose',
        status: 'fail',
        severity: 'warning',
        message: `${item}（项） is said to be used for “${purpose}”, which is what another 项 pays for`,
        expected: null,
        actual: null,
        difference: null,
        unit: null,
        refs: [proseRef(run, from, to)],
      });
    }
  }
  return checks;
}

/** A 项 the explanation names with what it says the 项 is used for; [from, to) runs from the name to the purpose's end. */
export interface ItemPurpose {
  pieces: ChainPiece[];
  item: string;
  from: number;
  to: number;
  purpose: string;
}

/** Each 项 named in a run followed by its `主要用于：…` before the next 科目 is named (`…住房公积金（项）。主要用于：缴纳…`). */
export function* itemPurposes(run: ProseRun): Generator<ItemPurpose> {
  for (const m of run.text.matchAll(CHAIN)) {
    const pieces = chainPieces(m[0]);
    if (pieces.at(-1)!.level !== '项') continue;
    const after = m.index! + m[0].length;
    const rest = run.text.slice(after, after + 200);
    const next = rest.search(/[（(]\d{0,7}[类款项][）)]/u);
    const p = /主要用于[:：]?([^。；]*)/u.exec(next >= 0 ? rest.slice(0, next) : rest);
    if (!p) continue;
    yield { pieces, item: pieces.at(-1)!.name, from: m.index!, to: after + p.index! + p[0].length, purpose: p[1]! };
  }
}
