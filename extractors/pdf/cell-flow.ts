import type { TextLine } from './text-lines.js';

/** Cell padding a producer leaves inside the rules (points), beside the last line of a full cell. */
const PADDING = 6;

/** A numbered item (`2.`, `（2）`, `二、`, `②`) starts a line of its own even after a full line. */
const LIST_ITEM = /^(?:\d{1,2}[.、．]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,3}、|[\u2460-\u2473])/u;

const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef，。、；：？！）》”’]/u;
const OPENING = /[《〈「『【〔（“‘([{]/u;

/**
 * True when `line` is the wrapped continuation of `prev` inside one cell whose right rule is at
 * `right`: the producer broke the line because the cell was full — `prev` leaves less room than
 * the first word of `line` needs. A line that ends early was broken in the source, and a
 * numbered item starts a line of its own.
 *
 * `widest`, the right end of the cell's widest line, is the width the producer actually filled
 * when all of the cell's lines are known: padding differs between producers, so a line that
 * leaves room for the next word before the widest line ends was broken in the source even where
 * the rule is further off (Chromium: `…并接受出版社审查` one character short, then `按照…`). A
 * numbered item after a line that is full by both measures is a run-in list the producer
 * wrapped (`…达到可使用状态` filling the cell, then `3.保证…`), as the text export prints it.
 */
export function isSoftWrap(prev: TextLine, line: TextLine, right: number, widest?: number): boolean {
  if (widest === undefined) {
    if (LIST_ITEM.test(line.text)) return false;
    return prev.x1 + firstWordWidth(line) + prev.size * 0.3 >= right - PADDING;
  }
  const word = firstWordWidth(line, true);
  return prev.x1 + word + prev.size * 0.3 >= right - PADDING && prev.x1 + word > widest + ROUNDING_PT;
}

/**
 * How far (points) a word may reach past the widest line and still count as fitting. The widest
 * line proves the producer had at least that much room, so a word that ends inside it would have
 * fitted; only rounding of glyph positions is allowed for (Chromium's full lines end within
 * 0.001 pt of each other, and a word one 0.2 pt too long was wrapped).
 */
const ROUNDING_PT = 0.05;

/**
 * The right end of a cell's widest line, a line's closing punctuation left out: a producer may
 * hang a comma or full stop past the edge it fills (LibreOffice's hanging punctuation), which
 * would make room that no other line had.
 */
export function widestLine(lines: TextLine[]): number {
  let widest = Number.NEGATIVE_INFINITY;
  for (const l of lines) {
    let k = l.glyphs.length - 1;
    while (k > 0 && CJK_PUNCT.test(l.glyphs[k]!.ch)) k--;
    widest = Math.max(widest, l.glyphs[k]?.x1 ?? l.x1);
  }
  return widest;
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
 * With `breakBeforeHan`, a run of Latin or digits ends where a Han character follows (a line may
 * break there: `3.` then `保证`, `2016` then `年`).
 */
function firstWordWidth(line: TextLine, breakBeforeHan = false): number {
  const gs = line.glyphs;
  const first = gs[0]!;
  let h = 0;
  while (h + 1 < gs.length && OPENING.test(gs[h]!.ch)) h++;
  if (HAN.test(gs[h]!.ch)) {
    let k = h;
    while (k + 1 < gs.length && CJK_PUNCT.test(gs[k + 1]!.ch)) k++;
    return gs[k]!.x1 - first.x0;
  }
  let end = 0;
  while (end + 1 < gs.length && !gs[end + 1]!.spaceBefore && gs[end + 1]!.x0 - gs[end]!.x1 < gs[end]!.size * 0.2 && !(breakBeforeHan && HAN.test(gs[end + 1]!.ch))) end++;
  return gs[end]!.x1 - first.x0;
}

const HAN = /\p{Script=Han}/u;
