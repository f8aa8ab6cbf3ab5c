import { CJK_CLASS } from './cjk.js';

const CJK_END = new RegExp(`[${CJK_CLASS}]$`, 'u');
const CJK_START = new RegExp(`^[${CJK_CLASS}]`, 'u');
/** Characters no line break may come before (UAX #14 CL, CP, IS, PO, EX): the producer broke inside a word. */
const NO_BREAK_BEFORE = /^[%‰‱)\]},.;:!?]/u;

/**
 * A wrapped line joined to the text before it: CJK without a break, a character no line may
 * start with (`%` after `≥95`) without a space, Latin words with a space.
 */
export function joinWrapped(before: string, line: string): string {
  return before + wrapSeparator(before, line) + line;
}

/** What joins a wrapped line to the text before it: nothing, or a space between Latin words. */
export function wrapSeparator(before: string, line: string): '' | ' ' {
  return CJK_END.test(before) || CJK_START.test(line) || /-$/u.test(before) || NO_BREAK_BEFORE.test(line) ? '' : ' ';
}

/** Every line of a text joined as wrapped lines of one run (`事业单位\n经营收入` → `事业单位经营收入`). */
export function unwrapLines(text: string): string {
  if (!text.includes('\n')) return text;
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .reduce((s, l) => (s === '' ? l : joinWrapped(s, l)), '');
}
