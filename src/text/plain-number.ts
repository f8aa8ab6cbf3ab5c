/**
 * The number printed in a cell, or null when the cell is not a plain number. Thousands
 * separators and a leading minus are read; anything else (units, ranges, 95%, an accounting
 * （3.20）) is left to the readers that know what it means (src/domain/amount.ts), so that a
 * value is never invented from text.
 */
export function parsePlainNumber(text: string): number | null {
  const t = text.trim().replace(/[−－]/g, '-');
  if (!/^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** True for a clean cell text that is a plain number (used to tell body rows from header rows). */
export function isPlainNumber(text: string): boolean {
  return parsePlainNumber(text) !== null;
}
