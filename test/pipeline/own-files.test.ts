import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/pipeline/discover.js';
import { runCorpus, type DocumentEvent } from '../../src/pipeline/run-corpus.js';
import { seedPath, tempDir } from '../support/corpus.js';

/** A manifest of the shipped seeds as a scraper writes one: tab-separated, numbers in every row. */
const MANIFEST = [
  'file\tbytes\tsha256',
  '000_0018174054ff74da.txt\t52743\tcf4ef0ed050055ca',
  '001_655c0751f88457f2.txt\t32595\tcd86a9b45b437549',
  '002_c52ee38ce6c6c3d2.txt\t71385\tb993eebbe5a44bba',
  '003_fc1028512c8b7c0f.txt\t35483\t996a280bc81864b9',
  '',
].join('\n');

describe('a run over a folder that holds its own database', () => {
  const dir = tempDir();
  fs.copyFileSync(seedPath('000_0018174054ff74da'), path.join(dir, 'a-seed.txt'));
  fs.writeFileSync(path.join(dir, 'MANIFEST.tsv'), MANIFEST);
  const names = (events: DocumentEvent[]) => events.map((e) => path.basename(e.source));

  it('never takes the database, its -wal, -shm or .lock for documents, on the first run or the next', async () => {
    const db = path.join(dir, 'g.sqlite');
    for (let run = 0; run < 2; run++) {
      const events: DocumentEvent[] = [];
      const s = await runCorpus([dir], { db, jobs: 0, onDocument: (e) => events.push(e) });
      expect(names(events)).toEqual(['MANIFEST.tsv', 'a-seed.txt']);
      expect(s.files).toBe(2);
    }
  });

  it('fails a tab-separated manifest of file sizes as not a disclosure, with the reason, and stores no fact of it', async () => {
    const db = path.join(dir, 'g.sqlite');
    const conn = new Database(db, { readonly: true });
    const doc = conn.prepare(`select status, error from document where source like '%MANIFEST.tsv'`).get() as { status: string; error: string };
    const facts = conn.prepare(`select count(*) as n from fact where source like '%MANIFEST.tsv'`).get() as { n: number };
    conn.close();
    expect(doc.status).toBe('failed');
    expect(doc.error).toBe('not a disclosure: no budget table — 1 table(s) without a budget title, header or unit (file | bytes | sha256)');
    expect(facts.n).toBe(0);
  });

  it('skips another gongkai database in the walk and its companions, but not a SQLite file that is not gongkai’s', async () => {
    for (const companion of ['-wal', '-shm', '-journal', '.lock']) fs.writeFileSync(path.join(dir, `g.sqlite${companion}`), 'left behind');
    const foreign = new Database(path.join(dir, 'other.db'));
    foreign.exec('create table t (x)');
    foreign.close();
    const files = [...discoverFiles([dir], { database: path.join(dir, 'second.sqlite') })].map((f) => path.basename(f));
    expect(files).toEqual(['MANIFEST.tsv', 'a-seed.txt', 'other.db']);
    // named on the command line, the database is skipped too
    expect([...discoverFiles([path.join(dir, 'g.sqlite'), path.join(dir, 'g.sqlite.lock')])]).toEqual([]);
  });

  it('skips the run’s own database files before the database exists', () => {
    const fresh = tempDir();
    for (const name of ['new.sqlite', 'new.sqlite-wal', 'new.sqlite.lock', 'new.sqlite.txt']) fs.writeFileSync(path.join(fresh, name), 'x');
    expect([...discoverFiles([fresh], { database: path.join(fresh, 'new.sqlite') })].map((f) => path.basename(f))).toEqual(['new.sqlite.txt']);
  });
});
