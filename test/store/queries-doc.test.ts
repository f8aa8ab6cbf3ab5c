import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { ALL_SEEDS, seedPath, tempDir } from '../support/corpus.js';

const QUERIES = fs.readFileSync(path.resolve(__dirname, '../../docs/queries.md'), 'utf8');

/** The questions of docs/queries.md: each `### N. question` heading and the sql block under it. */
const questions = [...QUERIES.matchAll(/^### (\d+)\. (.+)\n[\s\S]*?^```sql\n([\s\S]*?)^```$/gm)].map((m) => ({ n: Number(m[1]), question: m[2]!, sql: m[3]! }));

describe('docs/queries.md', () => {
  let db: Database.Database;
  beforeAll(async () => {
    const file = path.join(tempDir(), 'seeds.sqlite');
    await runCorpus(ALL_SEEDS.map(seedPath), { db: file, jobs: 0 });
    db = new Database(file, { readonly: true });
  });
  const run = (n: number) => db.prepare(questions.find((q) => q.n === n)!.sql).raw().all() as unknown[][];
  const seed = (source: unknown) => path.basename(String(source)).slice(0, 3);

  it('holds ten questions, each with its SQL', () => {
    expect(questions.map((q) => q.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('every query runs on the seeds and answers', () => {
    for (const q of questions) expect(db.prepare(q.sql).all().length, `${q.n}. ${q.question}`).toBeGreaterThan(0);
  });

  it('gives the answers read off the seed texts', () => {
    expect(run(1).map((r) => [seed(r[0]), r[4]])).toEqual([['000', '412.42'], ['001', '712.80'], ['002', '1913.36']]);
    expect(run(2).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['区委部门', 2023, '18.9'],
      ['政府办', 2022, '4.25'],
      ['秦皇岛经济技术开发区机关事务服务中心', 2023, '374.46'],
    ]);
    expect(run(3).map((r) => [seed(r[0]), r[3]])).toEqual([['000', '929.90'], ['001', '1274.78'], ['002', '8900.03']]);
    expect(run(6)).toEqual([['failed documents: 0', null, null]]);
    // the 21 numeric findings of the seeds, seed 002's 。。 (L454) and seed 000's （…) (L1685)
    expect(run(7)).toHaveLength(23);
    expect(run(7).filter((r) => r[1] === 'text').map((r) => [seed(r[0]), r[2]])).toEqual([
      ['000', 'unmatched-bracket'],
      ['002', 'doubled-punctuation'],
    ]);
    expect(run(8)[0]!.slice(1, 4)).toEqual(['部门预算收入总表', '336.49', 308]);
    expect(run(9).map((r) => [seed(r[0]), r[2]])).toEqual([['000', 1682], ['000', 1683], ['001', 1528], ['002', 402], ['004', 162], ['004', 164]]);
  });
});
