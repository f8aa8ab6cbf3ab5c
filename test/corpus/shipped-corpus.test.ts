import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/pipeline/discover.js';
import { CORPUS } from '../support/corpus.js';

describe('the shipped corpus', () => {
  it('gives `gongkai run corpus` (npm start) documents only: goldens, difference lists and notes are ignored', () => {
    const files = [...discoverFiles([CORPUS])];
    expect(files.filter((f) => !/\.(?:txt|pdf|docx?|xlsx?)$/u.test(f))).toEqual([]);
    expect(files.some((f) => f.includes(`${path.sep}real${path.sep}`))).toBe(true);
  });
});
