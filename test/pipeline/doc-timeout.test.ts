import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { createWorkerPool } from '../../src/pipeline/worker-pool.js';
import { CORPUS, seedPath, tempDir } from '../support/corpus.js';

// A rendered PDF takes about a second to read: far past a limit of 50 ms.
const PDF = path.join(CORPUS, 'rendered', '000_0018174054ff74da.pdf');

describe('--doc-timeout', () => {
  it('fails a document past its time with the stage it was in, and replaces its worker', async () => {
    const pool = createWorkerPool(1);
    try {
      const late = await pool.extract(new Uint8Array(fs.readFileSync(PDF)), {}, 0.05);
      expect(late.ok).toBe(false);
      expect(!late.ok && late.error).toMatch(/^timed out after 0\.05 s \(stage (start|sniff|read pdf)\)$/);
      // the one worker was stopped mid-document; its replacement reads the next one
      const next = await pool.extract(new Uint8Array(fs.readFileSync(seedPath('004_3c83e1ac369f3f17'))));
      expect(next.ok).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('stops a document on the main thread (--jobs 0) at its next stage, and the run goes on', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.sqlite');
    const events: { source: string; outcome: string; error?: string }[] = [];
    const s = await runCorpus([seedPath('004_3c83e1ac369f3f17')], { db, jobs: 0, docTimeout: 0.001, onDocument: (e) => events.push(e) });
    expect(s.failed).toBe(1);
    // on a loaded machine 1 ms can pass before the first stage boundary: it may stop at any stage
    expect(events[0]!.error).toMatch(/^timed out after 0\.001 s \(stage (sniff|read word-text|normalize|enrich)\)$/);
    const again = await runCorpus([seedPath('004_3c83e1ac369f3f17')], { db: path.join(dir, 'h.sqlite'), jobs: 0 });
    expect([again.new, again.failed]).toEqual([1, 0]);
  });
});
