import { describe, expect, it } from 'vitest';
import { joinSplitRows } from '../../src/normalize/split-rows.js';

describe('joinSplitRows', () => {
  it('joins pieces whose cell counts add up to the width (seed 000: 3 + 1 + 2 of 6)', () => {
    expect(joinSplitRows([6, 3, 1, 2, 6], 6)).toEqual([[0], [1, 2, 3], [4]]);
  });
  it('joins two pieces (seed 004: 4 + 5 of 9)', () => {
    expect(joinSplitRows([9, 4, 5, 9], 9)).toEqual([[0], [1, 2], [3]]);
  });
  it('leaves short rows alone when no pieces add up', () => {
    expect(joinSplitRows([2, 5, 6], 6)).toEqual([[0], [1], [2]]);
  });
});
