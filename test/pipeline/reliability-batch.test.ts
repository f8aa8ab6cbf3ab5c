import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportJson } from '../../src/export/index.js';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { openStore } from '../../src/store/index.js';
import { CORPUS, seedPath, tempDir } from '../support/corpus.js';

// Every input that once broke the pipeline (../shared/reliability, copied here): slow patterns, a
// PDF that leaves rejected promises behind, NaN coordinates, deep nesting, bad bytes, UTF-16
// without a BOM, CRLF, terminal escapes.
const RELIABILITY = path.resolve(__dirname, '../fixtures/reliability');
const GOOD = [seedPath('000_0018174054ff74da'), seedPath('004_3c83e1ac369f3f17'), ...['001_655c0751f88457f2.docx', '003_fc1028512c8b7c0f.pdf', '004_3c83e1ac369f3f17.xlsx'].map((f) => path.join(CORPUS, 'rendered', f))];

function exported(db: string) {
  const store = openStore(db);
  try {
    return exportJson(store);
  } finally {
    store.close();
  }
}

describe('the reliability inputs in a batch with good documents', () => {
  const dir = tempDir();
  const good = path.join(dir, 'good');
  const bad = path.join(dir, 'reliability');
  fs.mkdirSync(good);
  fs.mkdirSync(bad);
  for (const f of GOOD) fs.copyFileSync(f, path.join(good, path.basename(f)));
  for (const f of fs.readdirSync(RELIABILITY)) fs.copyFileSync(path.join(RELIABILITY, f), path.join(bad, f));
  const alone = (async () => {
    const db = path.join(dir, 'alone.sqlite');
    await runCorpus([good], { db, jobs: 2 });
    return exported(db);
  })();

  for (const jobs of [2, 0]) {
    it(`each get ok or a one-line reason of their own, and leave the good documents as they are (--jobs ${jobs})`, async () => {
      const db = path.join(dir, `mixed-${jobs}.sqlite`);
      const s = await runCorpus([bad, good], { db, jobs });
      expect(s.files).toBe(GOOD.length + fs.readdirSync(RELIABILITY).length);
      expect(s.interrupted).toBe(false);
      const docs = exported(db);
      const isGood = (source: string) => source.includes('/good/');
      for (const d of docs.filter((d) => !isGood(d.source))) {
        if (d.status === 'failed') {
          expect(d.error, d.source).toMatch(/^[^\n]{5,300}$/);
          expect(d.error, d.source).not.toMatch(/^(internal error|worker crashed|worker exited)/);
        } else expect(['ok', 'partial'], d.source).toContain(d.status);
      }
      // the one that fails, and why; every other reliability input is read
      expect(docs.filter((d) => d.status === 'failed').map((d) => [path.basename(d.source), d.error])).toEqual([
        ['docx-12000-nested-sdt-stack-overflow.docx', 'unreadable .docx: word/document.xml has elements nested more than 500 deep (<w:sdt> in <w:sdtContent>)'],
      ]);
      const goodDocs = docs.filter((d) => isGood(d.source));
      expect(goodDocs.length).toBe(GOOD.length);
      expect(goodDocs).toEqual(await alone);
    }, 180_000);
  }
});

describe('a table cell of a million digits', () => {
  // through a worker: its JSON reply turned the value Infinity into null, which the store refused
  it('is stored as text in a document that is read, and the run goes on', async () => {
    const dir = tempDir();
    const lines = fs.readFileSync(seedPath('004_3c83e1ac369f3f17'), 'utf8').split('\n');
    // line 235 is the cell `\t44.90` of a table
    expect(lines[234]).toBe('\t44.90');
    lines[234] = `\t${'7'.repeat(1_000_000)}`;
    fs.writeFileSync(path.join(dir, 'digits.txt'), lines.join('\n'));
    fs.copyFileSync(seedPath('000_0018174054ff74da'), path.join(dir, 'z-seed.txt'));
    const s = await runCorpus([dir], { db: path.join(tempDir(), 'g.sqlite'), jobs: 1 });
    expect([s.new, s.failed]).toEqual([2, 0]);
  }, 60_000);
});
