import { describe, expect, it } from 'vitest';
import { decFromString, equalAt, formatDec, roundDec, shiftDec, subDec, sumDec } from '../../src/domain/decimal.js';

const d = (s: string) => decFromString(s)!;

describe('exact decimals', () => {
  it('adds printed amounts exactly (no binary floating point)', () => {
    expect(formatDec(sumDec([d('0.1'), d('0.2')]))).toBe('0.3');
    expect(formatDec(sumDec([d('211.68'), d('221.71'), d('88.00'), d('67.53'), d('29.85'), d('37.02'), d('1.89'), d('55.13')]))).toBe('712.81');
    expect(formatDec(sumDec([d('18.9'), d('80.00')]))).toBe('98.90');
    expect(formatDec(sumDec([]))).toBe('0');
  });

  it('rounds half away from zero, also to tens and hundreds', () => {
    expect(roundDec(d('2413.603435'), 2)).toBe(241360n);
    expect(roundDec(d('0.125'), 2)).toBe(13n);
    expect(roundDec(d('-0.125'), 2)).toBe(-13n);
    expect(roundDec(d('1186.08'), -2)).toBe(12n);
  });

  it('compares at a given precision', () => {
    expect(equalAt(d('2413.603435'), d('2413.60'), 2)).toBe(true);
    expect(equalAt(d('1274.79'), d('1274.78'), 2)).toBe(false);
    expect(equalAt(d('3'), d('3.00'), 0)).toBe(true);
  });

  it('shifts the decimal point exactly (unit conversion) and subtracts', () => {
    expect(formatDec(shiftDec(d('929.90'), 4))).toBe('9299000');
    expect(formatDec(shiftDec(d('2413.603435'), 4))).toBe('24136034.35');
    expect(formatDec(shiftDec(d('1186.08'), -4))).toBe('0.118608');
    expect(formatDec(subDec(d('1274.78'), d('1274.79')))).toBe('-0.01');
  });

  it('refuses what is not a plain decimal', () => {
    expect(decFromString('1,234')).toBeNull();
    expect(decFromString('abc')).toBeNull();
  });
});
