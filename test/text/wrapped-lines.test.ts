import { describe, expect, it } from 'vitest';
import { unwrapLines } from '../../src/text/wrapped-lines.js';

describe('unwrapLines', () => {
  it('joins a label broken over lines, a character on a line of its own too, CJK without a break', () => {
    expect(unwrapLines('一般公共预算\n财\n政拨款')).toBe('一般公共预算财政拨款');
    expect(unwrapLines('事业单位\n经营收入')).toBe('事业单位经营收入');
  });

  it('joins Latin words with a space, and leaves a one-line text as it is', () => {
    expect(unwrapLines('Sales of\ngoods')).toBe('Sales of goods');
    expect(unwrapLines('≥95\n%')).toBe('≥95%');
    expect(unwrapLines('合计')).toBe('合计');
  });
});
