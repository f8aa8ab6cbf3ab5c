import { describe, expect, it } from 'vitest';
import { fuzz } from '../../scripts/fuzz/harness.js';

// A fixed-seed slice of `npm run fuzz`: text, .docx, PDF and spreadsheet mutants (flipped bytes,
// cuts, NULs, shuffled lines, deleted tabs, runs of a million dots/tabs/digits/spaces, 1M spaces
// in a .docx cell, 20,000 nested content controls, swapped PDF operators) beside good documents.
describe('npm run fuzz (fixed-seed slice)', () => {
  it('no crash, timeout, internal error, inconsistent record, provenance outside the source, half-written or changed good document', async () => {
    const s = await fuzz({ n: 24, seed: 2026, jobs: 2 });
    expect(s.problems).toEqual([]);
    expect(s.mutants).toBe(24);
    expect({ timeouts: s.timeouts, crashes: s.crashes, internalErrors: s.internalErrors, inconsistent: s.inconsistent, provenanceOutside: s.provenanceOutside, halfWritten: s.halfWritten, goodChanged: s.goodChanged }).toEqual({
      timeouts: 0,
      crashes: 0,
      internalErrors: 0,
      inconsistent: 0,
      provenanceOutside: 0,
      halfWritten: 0,
      goodChanged: 0,
    });
    // the mutants are not all refused, nor all read: both paths are exercised
    expect(s.ok + s.partial).toBeGreaterThan(4);
    expect(s.failed).toBeGreaterThan(2);
  }, 300_000);
});
