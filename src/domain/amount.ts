import { decFromString, type Dec } from './decimal.js';

/**
 * An amount as printed in a budget table cell:
 * - `number`: `929.90`, `1,234.50`, `-3.20`, `（3.20）` (accounting negative), `0`;
 * - `nil`: a dash (`—`, `——`, `-`, `---`) — printed "nothing", counted as 0 in sums;
 * - `blank`: nothing printed;
 * - `text`: anything else (never turned into a number).
 */
export type PrintedAmount =
  | { kind: 'number'; dec: Dec; value: number; decimals: number }
  | { kind: 'nil' | 'blank' | 'text' };

const FULL_WIDTH_DIGIT = /[０-９．]/g;
/** The longest printed amount read as a number: 30 digits with their separators, sign and point. */
const MAX_AMOUNT_CHARS = 42;

/** Reads a cell's clean text as a printed amount; the digits are kept exactly (see PrintedAmount). */
export function readAmount(text: string): PrintedAmount {
  let t = text.trim().replace(FULL_WIDTH_DIGIT, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (t === '') return { kind: 'blank' };
  if (/^[-—–－−─━]+$/u.test(t.replace(/\s+/g, ''))) return { kind: 'nil' };
  let negative = false;
  const paren = /^[（(]\s*(.+?)\s*[）)]$/u.exec(t);
  if (paren) {
    negative = true;
    t = paren[1]!;
  }
  t = t.replace(/^[−－–]/u, '-');
  if (!/^[-+]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?$/u.test(t)) return { kind: 'text' };
  if (negative && /^[-+]/.test(t)) return { kind: 'text' };
  // no budget prints an amount of more than 30 digits; a run of a million (a damaged file) is no
  // number whose value a double could hold (it was stored as null, and the store refused it)
  if (t.length > MAX_AMOUNT_CHARS) return { kind: 'text' };
  const dec = decFromString(t.replace(/[,，+]/gu, ''))!;
  const signed = negative ? { units: -dec.units, scale: dec.scale } : dec;
  return { kind: 'number', dec: signed, value: Number((negative ? '-' : '') + t.replace(/[,，+]/gu, '')), decimals: dec.scale };
}
