import { describe, expect, it } from 'vitest';
import { isPlainNumber, parsePlainNumber } from '../../src/text/plain-number.js';

describe('parsePlainNumber (the plain-number test normalisation relies on)', () => {
  it('is unchanged: plain numbers only', () => {
    expect(parsePlainNumber('1,234.50')).toBe(1234.5);
    expect(parsePlainNumber('－3')).toBe(-3);
    expect(parsePlainNumber('（3.20）')).toBeNull();
    expect(isPlainNumber('—')).toBe(false);
  });
});
