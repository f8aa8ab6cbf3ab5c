import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document } from '../../src/model/index.js';
import { extractDocument } from '../../src/pipeline/extract-document.js';
import { openStore } from '../../src/store/index.js';
import { ALL_SEEDS, seedPath, tempDir } from '../support/corpus.js';
import { checkConsistency } from '../support/db-dump.js';

/** A small deterministic generator, so a failing case can be replayed from its number. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const seeds = ALL_SEEDS.map((s) => fs.readFileSync(seedPath(s), 'utf8').split('\n'));

/** One mutant: a window of a seed with lines cut, duplicated, shuffled, tab-riddled, junk bytes, truncated. */
function mutant(n: number): Buffer {
  const next = random(n);
  const pick = (k: number) => Math.floor(next() * k);
  const seed = seeds[n % seeds.length]!;
  const from = pick(seed.length);
  let lines = seed.slice(from, from + 20 + pick(200));
  for (let m = 1 + pick(5); m > 0; m--) {
    const i = pick(Math.max(1, lines.length));
    switch (pick(6)) {
      case 0: lines.splice(i, 1 + pick(5)); break;
      case 1: lines.splice(i, 0, ...lines.slice(i, i + 1 + pick(5))); break;
      case 2: lines = lines.map((l, k) => (k >= i && k < i + 10 ? lines[i + pick(10)] ?? l : l)); break;
      case 3: lines[i] = (lines[i] ?? '').split('').map((ch) => (next() < 0.2 ? `\t${ch}` : ch)).join(''); break;
      case 4: lines[i] = (lines[i] ?? '') + String.fromCharCode(...Array.from({ length: 1 + pick(8) }, () => pick(0x3000))); break;
      default: lines[i] = (lines[i] ?? '').slice(0, pick((lines[i] ?? '').length + 1));
    }
  }
  let bytes = Buffer.from(lines.join(pick(4) === 0 ? '\r\n' : '\n'), 'utf8');
  if (pick(5) === 0) bytes = bytes.subarray(0, pick(bytes.length + 1)); // truncated, maybe mid-character
  if (pick(10) === 0) bytes = Buffer.concat([bytes, Buffer.from(Array.from({ length: 16 }, () => pick(256)))]);
  return bytes;
}

describe('the text extractors on thousands of mutated seeds', () => {
  it('never crash: every mutant gives a valid Document or a one-line reason, and what is stored is whole', () => {
    const store = openStore(path.join(tempDir(), 'fuzz.sqlite'));
    const run = store.beginRun({ toolVersion: 'fuzz', extractorVersions: {}, options: {} });
    const outcomes = { ok: 0, failed: 0 };
    for (let n = 0; n < 2500; n++) {
      const bytes = mutant(n);
      let result: ReturnType<typeof extractDocument>;
      try {
        result = extractDocument(bytes);
      } catch (e) {
        throw new Error(`mutant ${n} crashed the extractor: ${(e as Error).stack}`);
      }
      if (result.ok) {
        outcomes.ok++;
        expect(() => Document.parse(result.document), `mutant ${n}`).not.toThrow();
      } else {
        outcomes.failed++;
        expect(result.error, `mutant ${n}`).toMatch(/^[^\n]{5,300}$/);
      }
      if (n % 10 === 0) {
        const file = { source: `mutant-${n}.txt`, sha256: String(n), bytes: bytes.length };
        if (result.ok) store.writeDocument(run, file, { document: result.document });
        else store.writeDocument(run, file, { failure: { format: result.format, error: result.error, extractor: { name: 'gongkai', version: 'fuzz' } } });
      }
    }
    store.close();
    expect(outcomes.ok).toBeGreaterThan(500);
    expect(outcomes.failed).toBeGreaterThan(50);
    expect(checkConsistency(store.file)).toEqual([]);
  }, 120_000);
});
