import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../src/pipeline/worker-pool.js';
import { seedPath } from '../support/corpus.js';

describe('a worker’s heap limit', () => {
  it('fails a document that needs more with "too large to process", once, and the next document is read', async () => {
    // seed 000 forty times (2 MB) needs a few hundred MB of heap: over a limit of 128 MB
    const big = Buffer.from(fs.readFileSync(seedPath('000_0018174054ff74da'), 'utf8').repeat(40));
    const pool = createWorkerPool(1, { heapMb: 128 });
    try {
      const r = await pool.extract(new Uint8Array(big));
      expect(r).toEqual({ ok: false, format: null, error: 'too large to process (needed more than the 128 MB a document may use)' });
      const next = await pool.extract(new Uint8Array(fs.readFileSync(seedPath('004_3c83e1ac369f3f17'))));
      expect(next.ok).toBe(true);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
