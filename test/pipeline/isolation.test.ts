import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { inDocumentScope, keepUnhandledRejections } from '../../src/pipeline/document-scope.js';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { createWorkerPool } from '../../src/pipeline/worker-pool.js';
import { CORPUS, seedPath, tempDir } from '../support/corpus.js';

const BAD_XREF = path.resolve(__dirname, '../fixtures/reliability/pdf-bad-xref-entry-unhandled-rejection-jobs0-crash.pdf');
const GOOD_PDFS = ['000_0018174054ff74da', '001_655c0751f88457f2'].map((s) => path.join(CORPUS, 'rendered', `${s}.pdf`));

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a document’s unhandled errors', () => {
  it('are kept for the document whose work raised them, and dropped once it has finished', async () => {
    const remove = keepUnhandledRejections();
    try {
      // A rejects one promise while it runs and leaves one to reject after it has finished, while B runs
      const a = inDocumentScope(async () => {
        void Promise.reject(new Error('A while running'));
        setTimeout(() => void Promise.reject(new Error('A after finishing')), 30);
        await later(10);
        return 'A';
      });
      const b = inDocumentScope(async () => {
        await later(80);
        return 'B';
      });
      const [ra, rb] = await Promise.all([a, b]);
      expect(ra).toEqual({ value: 'A', unhandled: ['A while running'] });
      expect(rb).toEqual({ value: 'B', unhandled: [] });
    } finally {
      remove();
    }
  });

  // pdfjs leaves 20 rejected promises behind on this file's broken xref entries
  for (const jobs of [2, 0]) {
    it(`from a PDF with a broken xref entry land on that PDF only and end no worker (--jobs ${jobs})`, async () => {
      const dir = tempDir();
      const input = path.join(dir, 'in');
      fs.mkdirSync(input);
      fs.copyFileSync(BAD_XREF, path.join(input, 'a-bad-xref.pdf'));
      GOOD_PDFS.forEach((f, i) => fs.copyFileSync(f, path.join(input, `b${i}-${path.basename(f)}`)));
      fs.copyFileSync(seedPath('004_3c83e1ac369f3f17'), path.join(input, 'c-seed.txt'));
      const db = path.join(dir, 'g.sqlite');
      const s = await runCorpus([input], { db, jobs });
      expect([s.files, s.failed]).toEqual([4, 0]);
      const conn = new Database(db, { readonly: true });
      const rows = conn
        .prepare(`select d.source, d.status, group_concat(x.code) codes from document d left join diagnostic x on x.document_id = d.id and x.code = 'reader-unhandled-error' group by d.id order by d.source`)
        .all() as { source: string; status: string; codes: string | null }[];
      conn.close();
      expect(rows.map((r) => [path.basename(r.source), r.codes])).toEqual([
        ['a-bad-xref.pdf', 'reader-unhandled-error'],
        ['b0-000_0018174054ff74da.pdf', null],
        ['b1-001_655c0751f88457f2.pdf', null],
        ['c-seed.txt', null],
      ]);
      // the broken file is read all the same, less the page its bad reference hides
      expect(rows[0]!.status).toBe('partial');
      expect(rows.slice(1).map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    });
  }
});

describe('a worker that dies', () => {
  const workerUrl = new URL('../support/crashing-worker.mjs', import.meta.url);
  const seed = (name: string) => new Uint8Array(fs.readFileSync(seedPath(name)));
  const marked = (name: string, line: string) => Buffer.concat([fs.readFileSync(seedPath(name)), Buffer.from(`\n${line}\n`)]);

  it('takes only its own document, which is run again alone and kept when the crash does not come back', async () => {
    const marker = path.join(tempDir(), 'crashed');
    const pool = createWorkerPool(2, { workerUrl });
    try {
      const results = await Promise.all([pool.extract(marked('000_0018174054ff74da', `CRASH-ONCE ${marker}`)), pool.extract(seed('001_655c0751f88457f2')), pool.extract(seed('004_3c83e1ac369f3f17'))]);
      expect(fs.existsSync(marker)).toBe(true);
      expect(results.map((r) => r.ok)).toEqual([true, true, true]);
      const single = createWorkerPool(1);
      const alone = await single.extract(seed('000_0018174054ff74da'));
      await single.close();
      expect(results[0]!.ok && alone.ok && results[0]!.document.tables.length).toBe(alone.ok && alone.document.tables.length);
    } finally {
      await pool.close();
    }
  });

  it('fails its document with a one-line reason when it dies again on the retry, and the others go on', async () => {
    const pool = createWorkerPool(2, { workerUrl });
    try {
      const results = await Promise.all([pool.extract(marked('000_0018174054ff74da', 'CRASH-ALWAYS')), pool.extract(seed('001_655c0751f88457f2')), pool.extract(seed('004_3c83e1ac369f3f17'))]);
      expect(results[0]).toEqual({ ok: false, format: null, error: 'worker crashed (twice, the second time alone): worker exited with code 7' });
      expect(results.slice(1).map((r) => r.ok)).toEqual([true, true]);
    } finally {
      await pool.close();
    }
  });
});
