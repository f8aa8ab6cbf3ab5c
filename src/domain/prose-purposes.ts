import type { Block, Check } from '../model/index.js';
import { CHAIN, PIECE } from './prose-subjects.js';
import { proseRuns, provOf } from './prose-runs.js';
import { bareLabel } from './row-outline.js';

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
    for (const m of run.text.matchAll(CHAIN)) {
      const pieces = [...m[0].matchAll(PIECE)];
      const last = pieces[pieces.length - 1]!;
      if (last[3] !== '项') continue;
      const item = bareLabel(last[1]!.replace(/^、+/u, ''));
      const own = OWN_WORDS.find(([re]) => re.test(item));
      if (!own) continue;
      const after = m.index! + m[0].length;
      const rest = run.text.slice(after, after + 200);
      const next = rest.search(/[（(]\d{0,7}[类款项][）)]/u);
      const p = /主要用于[:：]?([^。；]*)/u.exec(next >= 0 ? rest.slice(0, next) : rest);
      if (!p) continue;
      const purpose = p[1]!;
      const others = OWN_WORDS.filter((o) => o !== own && o[1].test(purpose));
      if (own[1].test(purpose) || others.length === 0) continue;
      const from = m.index!;
      const to = after + p.index! + p[0].length;
      const text = run.text.slice(from, to);
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
        refs: [{ role: 'prose', tableOrder: null, row: null, col: null, ...provOf(run, from, to), text, value: null, unit: null, label: `text: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}` }],
      });
    }
  }
  return checks;
}
