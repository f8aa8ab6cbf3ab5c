import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { openStore } from '../../src/store/index.js';
import { seedPath, tempDir } from '../support/corpus.js';
import { sqliteConnection } from '../../src/store/store.js';

const BIN = path.resolve(__dirname, '../../bin/gongkai.mjs');

describe('full-text search over titles, row labels and prose', () => {
  const dir = tempDir();
  const db = path.join(dir, 'g.sqlite');
  const doc = path.join(dir, '000.txt');
  fs.copyFileSync(seedPath('000_0018174054ff74da'), doc);
  const hits = (q: string) => {
    const store = openStore(db);
    try {
      return store.search(q, 100).map((h) => [h.kind, h.line, h.tableOrd, h.text]);
    } finally {
      store.close();
    }
  };

  it('finds a Chinese substring in prose, row labels and titles, with its line (the seed, read by hand)', async () => {
    await runCorpus([doc], { db, jobs: 0 });
    expect(hits('机关运行经费').map((h) => h.slice(0, 2))).toEqual([['prose', 1682], ['prose', 1683]]);
    // 行政运行 is a row label of the 收入总表 (L307), the 支出总表 and the 一般公共预算 table
    expect(hits('行政运行').filter((h) => h[0] === 'row').map((h) => h.slice(1, 4))).toEqual([[307, 1, '行政运行'], [597, 2, '行政运行'], [1158, 4, '行政运行']]);
    // two characters: looked up without the trigram index, found all the same; a title once, not again as prose
    expect(hits('三公').filter((h) => h[1] === 1545)).toEqual([['title', 1545, 8, '部门预算财政拨款“三公”经费支出表']]);
    expect(hits('no such words')).toEqual([]);
  });

  it('follows a re-extraction: the old text is gone from the index, the new one found, nothing twice', async () => {
    const before = hits('机关运行经费').length;
    const entryCount = () => {
      const store = openStore(db);
      const n = (sqliteConnection(store).prepare('select count(*) as n from search_entry').get() as { n: number }).n;
      store.close();
      return n;
    };
    const before0 = entryCount();
    fs.writeFileSync(doc, fs.readFileSync(doc, 'utf8').replace('三、机关运行经费安排情况', '三、机关运转经费安排情况'));
    expect((await runCorpus([doc], { db, jobs: 0 })).changed).toBe(1);
    expect(hits('机关运行经费')).toHaveLength(before - 1);
    expect(hits('机关运转经费').map((h) => h.slice(0, 2))).toEqual([['prose', 1682]]);
    await runCorpus([doc], { db, jobs: 0, force: true });
    const store = openStore(db);
    const counts = sqliteConnection(store).prepare(`select (select count(*) from search_entry) as entries, (select count(*) from text_search where text_search match '"经费安排"') as indexed, (select count(*) from search_entry where text like '%经费安排%') as scanned`).get();
    store.close();
    const { entries, indexed, scanned } = counts as { entries: number; indexed: number; scanned: number };
    expect(indexed).toBe(scanned);
    expect(indexed).toBeGreaterThan(0);
    expect(entries).toBe(before0);
  });

  it('indexes the documents of a database made before search existed, when it is opened', () => {
    const expected = hits('行政运行');
    const store = openStore(db);
    sqliteConnection(store).exec(`drop trigger search_entry_added; drop trigger search_entry_removed; drop table text_search; drop table search_entry; delete from schema_migrations where version = 9;`);
    store.close();
    expect(hits('行政运行')).toEqual(expected);
  });

  it('gongkai search prints each hit with file:line, and how many', () => {
    const r = spawnSync(process.execPath, [BIN, 'search', '机关运转经费', '--db', db], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${path.relative(process.cwd(), doc).startsWith('..') ? doc : path.relative(process.cwd(), doc)}:1682  prose  三、机关运转经费安排情况\n1 hit(s) for "机关运转经费"\n`);
  });
});
