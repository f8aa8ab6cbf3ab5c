import type { TextLine } from './text-lines.js';

/** Cell padding a producer leaves inside the rules (points), beside the last line of a full cell. */
const PADDING = 6;

/** A numbered item (`2.`, `（2）`, `二、`, `②`) starts a line of its own even after a full line. */
const LIST_ITEM = /^(?:\d{1,2}[.、．]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,3}、|[\u2460-\u2473])/u;

const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef，。、；：？！）》”’]/u;
const OPENING = /[《〈「『【〔（“‘]/u;

/**
 * True when `line` is the wrapped continuation of `prev` inside one cell whose right rule is at
 * `right`: the producer broke the line because the cell was full — `prev` leaves less room than
 * the first word of `line` needs. A line that ends early was broken in the source, and a
 * numbered item starts a line of its own.
 */
export function isSoftWrap(prev: TextLine, line: TextLine, right: number): boolean {
  if (LIST_ITEM.test(line.text)) return false;
  return prev.x1 + firstWordWidth(line) + prev.size * 0.3 >= right - PADDING;
}

/**
 * True when `line` opens the item after the last numbered item of `text` (`2.…` then `3.…`,
 * `（2）` then `（3）`, `②` then `③`): one list going on, its next item on a line of its own.
 */
export function continuesList(text: string, line: string): boolean {
  const items = text.split('\n').map(itemNumber).filter((n): n is { style: string; n: number } => n !== null);
  const last = items[items.length - 1];
  const next = itemNumber(line);
  return !!last && !!next && next.style === last.style && next.n === last.n + 1;
}

function itemNumber(line: string): { style: string; n: number } | null {
  const circled = /^[\u2460-\u2473]/u.exec(line);
  if (circled) return { style: 'circled', n: circled[0].codePointAt(0)! - 0x245f };
  const m = /^(?:(\d{1,2})([.、．])|([（(])(\d{1,2})[）)])/u.exec(line);
  if (!m) return null;
  return m[1] !== undefined ? { style: `d${m[2]}`, n: Number(m[1]) } : { style: 'paren', n: Number(m[4]) };
}

/**
 * CJK breaks anywhere, but closing punctuation never starts a line (it goes down with the
 * character before it) and an opening bracket never ends one (it goes down with the one after).
 */
function firstWordWidth(line: TextLine): number {
  const gs = line.glyphs;
  const first = gs[0]!;
  let h = 0;
  while (h + 1 < gs.length && OPENING.test(gs[h]!.ch)) h++;
  if (/\p{Script=Han}/u.test(gs[h]!.ch)) {
    let k = h;
    while (k + 1 < gs.length && CJK_PUNCT.test(gs[k + 1]!.ch)) k++;
    return gs[k]!.x1 - first.x0;
  }
  let end = 0;
  while (end + 1 < gs.length && !gs[end + 1]!.spaceBefore && gs[end + 1]!.x0 - gs[end]!.x1 < gs[end]!.size * 0.2) end++;
  return gs[end]!.x1 - first.x0;
}
