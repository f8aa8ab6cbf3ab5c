import type { TextLine } from './text-lines.js';

/** Cell padding a producer leaves inside the rules (points), beside the last line of a full cell. */
const PADDING = 6;

/** A numbered item (`2.`, `（2）`, `二、`, `②`) starts a line of its own even after a full line. */
const LIST_ITEM = /^(?:\d{1,2}[.、．]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,3}、|[\u2460-\u2473])/u;

const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef，。、；：？！）》”’]/u;
const OPENING = /[《〈「『【〔（“‘]/u;
/** Characters no line break may come before (UAX #14 CL, CP, IS, PO, EX): the producer broke inside a word. */
const NO_BREAK_BEFORE = /^[%‰‱)\]},.;:!?]/u;
const CJK_END = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u;
const CJK_START = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

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
 * A wrapped line joined to the text before it: CJK without a break, a character no line may
 * start with (`%` after `≥95`) without a space, Latin words with a space.
 */
export function joinWrapped(before: string, line: string): string {
  if (CJK_END.test(before) || CJK_START.test(line) || /-$/u.test(before) || NO_BREAK_BEFORE.test(line)) return before + line;
  return `${before} ${line}`;
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
