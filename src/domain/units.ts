import { decToNumber, shiftDec, type Dec } from './decimal.js';

/** Money units printed in budget tables and prose, as powers of ten of one yuan. */
const MONEY_UNITS: Record<string, number> = { 元: 0, 十元: 1, 百元: 2, 千元: 3, 万元: 4, 十万元: 5, 百万元: 6, 千万元: 7, 亿元: 8 };

/** The power of ten of one yuan a printed unit stands for (万元 → 4); null for units that are not money or not known. */
export function moneyUnitExponent(unit: string | null): number | null {
  if (!unit) return null;
  const u = unit.replace(/\s+/g, '').replace(/^(?:金额)?单位[:：]/u, '').replace(/^人民币/u, '');
  return MONEY_UNITS[u] ?? null;
}

/** An exact amount in yuan, from an amount in a printed unit; null when the unit is unknown. */
export function toYuanDec(d: Dec, unit: string | null): Dec | null {
  const k = moneyUnitExponent(unit);
  return k === null ? null : shiftDec(d, k);
}

/** The value in yuan as a number (exact decimal shift, then the nearest double); null when the unit is unknown. */
export function toYuan(d: Dec, unit: string | null): number | null {
  const y = toYuanDec(d, unit);
  return y === null ? null : decToNumber(y);
}
