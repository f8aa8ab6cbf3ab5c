import { describe, expect, it } from 'vitest';
import { readAmount } from '../../src/domain/amount.js';
import { formatDec } from '../../src/domain/decimal.js';

const number = (text: string) => {
  const a = readAmount(text);
  return a.kind === 'number' ? { value: a.value, decimals: a.decimals, exact: formatDec(a.dec) } : a.kind;
};

describe('readAmount', () => {
  it('reads amounts as printed, keeping every digit after the point', () => {
    expect(number('929.90')).toEqual({ value: 929.9, decimals: 2, exact: '929.90' });
    expect(number('1,234.50')).toEqual({ value: 1234.5, decimals: 2, exact: '1234.50' });
    expect(number('-3.20')).toEqual({ value: -3.2, decimals: 2, exact: '-3.20' });
    expect(number('0')).toEqual({ value: 0, decimals: 0, exact: '0' });
    expect(number('2413.603435')).toEqual({ value: 2413.603435, decimals: 6, exact: '2413.603435' });
    expect(number('482.4310')).toEqual({ value: 482.431, decimals: 4, exact: '482.4310' });
  });

  it('reads a parenthesized amount as negative (accounting style), full- or half-width', () => {
    expect(number('（3.20）')).toEqual({ value: -3.2, decimals: 2, exact: '-3.20' });
    expect(number('(1,200)')).toEqual({ value: -1200, decimals: 0, exact: '-1200' });
  });

  it('tells dashes (printed nothing) from blanks and from text, and never makes a number of text', () => {
    for (const dash of ['—', '——', '-', '---', '－']) expect(number(dash)).toBe('nil');
    expect(number('')).toBe('blank');
    expect(number('  ')).toBe('blank');
    for (const text of ['95%', '≥95%', '12882平方米', '合计', '1.2.3', '（-3.20）', '3.20元']) expect(number(text)).toBe('text');
  });

  it('reads full-width digits', () => {
    expect(number('１２.５０')).toEqual({ value: 12.5, decimals: 2, exact: '12.50' });
  });
});

describe('an amount of a million digits (a damaged file)', () => {
  it('is text, not a number a double cannot hold; 30 digits are still a number', () => {
    expect(readAmount('7'.repeat(1_000_000))).toEqual({ kind: 'text' });
    const thirty = readAmount('123456789012345678901234567890');
    expect(thirty.kind === 'number' && Number.isFinite(thirty.value)).toBe(true);
  });
});
