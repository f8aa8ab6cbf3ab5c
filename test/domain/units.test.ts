import { describe, expect, it } from 'vitest';
import { decFromString } from '../../src/domain/decimal.js';
import { moneyUnitExponent, toYuan } from '../../src/domain/units.js';

describe('units', () => {
  it('knows the money units budgets print', () => {
    expect(moneyUnitExponent('万元')).toBe(4);
    expect(moneyUnitExponent('元')).toBe(0);
    expect(moneyUnitExponent('千元')).toBe(3);
    expect(moneyUnitExponent('亿元')).toBe(8);
    expect(moneyUnitExponent('单位：万元')).toBe(4);
    expect(moneyUnitExponent('平方米')).toBeNull();
    expect(moneyUnitExponent(null)).toBeNull();
  });

  it('gives the value in yuan by shifting the printed digits, never rounding them', () => {
    expect(toYuan(decFromString('929.90')!, '万元')).toBe(9299000);
    expect(toYuan(decFromString('0.29')!, '万元')).toBe(2900);
    expect(toYuan(decFromString('2413.603435')!, '万元')).toBe(24136034.35);
    expect(toYuan(decFromString('1186.08')!, '元')).toBe(1186.08);
    expect(toYuan(decFromString('12')!, null)).toBeNull();
  });
});
