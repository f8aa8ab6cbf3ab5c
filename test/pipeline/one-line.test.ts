import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { oneLine } from '../../src/pipeline/one-line.js';

describe('oneLine', () => {
  it('gives a zod error as its first issue, where it is and how many more there are', () => {
    const bbox = z.object({ blocks: z.array(z.object({ bbox: z.array(z.number()) })) });
    const r = bbox.safeParse({ blocks: [{ bbox: [1, 2] }, { bbox: [Number.NaN, 'x'] }] });
    expect(r.success).toBe(false);
    expect(oneLine(r.error)).toBe('invalid blocks[1].bbox[0]: Invalid input: expected number, received NaN (and 1 more)');
  });

  it('folds a multi-line message into one line and names the error when its name says something', () => {
    const e = new Error('Bad entry\n  at   30R');
    e.name = 'XRefEntryException';
    expect(oneLine(e)).toBe('XRefEntryException: Bad entry at 30R');
    expect(oneLine(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
    expect(oneLine('plain')).toBe('plain');
    expect(oneLine(new Error('y'.repeat(400)))).toBe(`${'y'.repeat(299)}…`);
  });
});
