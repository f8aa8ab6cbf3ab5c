import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { CORPUS, seedPath, tempDir } from '../support/corpus.js';

/** A small 决算 三公 table written by hand: each item printed as 预算数 and as 决算数. */
const SANGONG_FINAL = [
  '某某局2023年度部门决算',
  '',
  '财政拨款“三公”经费支出决算表',
  '单位：万元',
  '\t项目', '\t预算数', '\t决算数', '',
  '\t因公出国（境）费', '\t1.00', '\t0.80', '',
  '\t公务接待费', '\t2.50', '\t2.10', '',
  '\t合计', '\t3.50', '\t2.90', '', '', '',
].join('\n');

describe('one record per real disclosure', () => {
  const dir = tempDir();
  const input = path.join(dir, 'in');
  fs.mkdirSync(input);
  // discovery order gives the ids: a-seed first, then its byte copy, then its .docx rendering, then another seed
  fs.copyFileSync(seedPath('000_0018174054ff74da'), path.join(input, 'a-seed.txt'));
  fs.copyFileSync(seedPath('000_0018174054ff74da'), path.join(input, 'b-same-bytes.txt'));
  fs.copyFileSync(path.join(CORPUS, 'rendered', '000_0018174054ff74da.docx'), path.join(input, 'c-as-docx.docx'));
  fs.copyFileSync(seedPath('003_fc1028512c8b7c0f'), path.join(input, 'd-other.txt'));
  fs.writeFileSync(path.join(input, 'e-sangong-final.txt'), SANGONG_FINAL);
  const db = path.join(dir, 'g.sqlite');
  const query = (sql: string) => {
    const conn = new Database(db, { readonly: true });
    try {
      return conn.prepare(sql).raw().all() as unknown[][];
    } finally {
      conn.close();
    }
  };

  it('keeps every file, and marks the same bytes and the same disclosure in another format as duplicates of the first', async () => {
    expect((await runCorpus([input], { db, jobs: 0 })).new).toBe(5);
    expect(query(`select d.source, x.duplicate_of from document_duplicate x join document d on d.id = x.document_id order by d.id`).map(([s, dup]) => [path.basename(String(s)), dup])).toEqual([
      ['a-seed.txt', null],
      ['b-same-bytes.txt', 1],
      ['c-as-docx.docx', 1],
      ['d-other.txt', null],
      ['e-sangong-final.txt', null],
    ]);
  });

  it('counts each disclosure once in fact; fact_all keeps every document’s facts', () => {
    const perDocument = (view: string) => query(`select document_id, count(*) from ${view} group by document_id order by document_id`);
    const all = perDocument('fact_all') as [number, number][];
    // the same amounts in all three files of seed 000
    expect(all.map(([id]) => id)).toEqual([1, 2, 3, 4, 5]);
    expect(all[1]![1]).toBe(all[0]![1]);
    expect(all[2]![1]).toBe(all[0]![1]);
    expect(perDocument('fact')).toEqual([all[0], all[3], all[4]]);
  });

  it('tells 预算数 from 决算数 in facts: a 决算 三公 table prints both', () => {
    expect(query(`select item, value_basis, printed from fact where source like '%e-sangong-final.txt' order by row, col`)).toEqual([
      ['因公出国（境）费', '预算数', '1.00'],
      ['因公出国（境）费', '决算数', '0.80'],
      ['公务接待费', '预算数', '2.50'],
      ['公务接待费', '决算数', '2.10'],
      ['合计', '预算数', '3.50'],
      ['合计', '决算数', '2.90'],
    ]);
    // the cover line says 部门决算
    expect(query(`select distinct doc_kind, doc_scope from fact where source like '%e-sangong-final.txt'`)).toEqual([['决算', '部门']]);
    // the 决算数 total alone, not both summed
    expect(query(`select round(sum(amount), 2) from fact where source like '%e-sangong-final.txt' and value_basis = '决算数' and item <> '合计'`)).toEqual([[2.9]]);
  });

  it('a duplicate re-extracted into something else is a duplicate no more', async () => {
    fs.writeFileSync(path.join(input, 'b-same-bytes.txt'), fs.readFileSync(path.join(input, 'b-same-bytes.txt'), 'utf8').replace('\t336.49\n', '\t336.50\n'));
    await runCorpus([input], { db, jobs: 0 });
    expect(query(`select duplicate_of from document_duplicate where document_id = 2`)).toEqual([[null]]);
  });
});
