import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportFile } from '../../src/model/index.js';
import { seedPath, tempDir } from '../support/corpus.js';

const BIN = path.resolve(__dirname, '../../bin/gongkai.mjs');
const gongkai = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });

describe('the gongkai command', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'docs'));
  fs.copyFileSync(seedPath('000_0018174054ff74da'), path.join(dir, 'docs', '000_0018174054ff74da.txt'));
  fs.copyFileSync(seedPath('002_c52ee38ce6c6c3d2'), path.join(dir, 'docs', '002.dat'));
  fs.writeFileSync(path.join(dir, 'docs', 'random.txt'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)));

  it('runs a folder into out/gongkai.sqlite by default, goes on past a bad file, prints a summary, exits 0', () => {
    const r = gongkai(['run', 'docs'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/3 files — 2 new, 0 changed, 0 unchanged, 1 failed \(1 in the database\); 59 tables/);
    expect(r.stderr).toMatch(/failed\s+docs\/random\.txt — not a disclosure/);
    expect(fs.existsSync(path.join(dir, 'out', 'gongkai.sqlite'))).toBe(true);
  });

  it('after a resumed run, says both this run’s failures and those in the database', () => {
    const r = gongkai(['run', 'docs'], dir);
    expect(r.stdout).toMatch(/3 files — 0 new, 0 changed, 3 unchanged, 0 failed \(1 in the database\);/);
  });

  it('exports the JSON contract', () => {
    const r = gongkai(['export', '--db', 'out/gongkai.sqlite', '--format', 'json', '--out', 'out/tables.json'], dir);
    expect(r.status).toBe(0);
    const docs = ExportFile.parse(JSON.parse(fs.readFileSync(path.join(dir, 'out', 'tables.json'), 'utf8')));
    expect(docs.map((d) => [d.source, d.format, d.status, d.tables.length])).toEqual([
      ['docs/000_0018174054ff74da.txt', 'word-text', 'ok', 28],
      ['docs/002.dat', 'pdf-text', 'ok', 31],
      ['docs/random.txt', null, 'failed', 0],
    ]);
  });

  it('shows a document by sha256 prefix with its format, titles, units and header paths', () => {
    const r = gongkai(['show', 'out/gongkai.sqlite', 'cf4ef0ed'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('format word-text');
    expect(r.stdout).toContain('[2] 部门预算收入总表  ·  budget_revenue_summary  ·  unit 万元  ·  line 224');
    expect(r.stdout).toContain('功能分类科目/科目编码');
    expect(r.stdout).toMatch(/4\s+│ 2010301\s+│ 行政运行\s+│ 336\.49/);
  });

  it('exits 1 when nothing could be processed, 3 with --strict when something failed, 2 on wrong usage', () => {
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    expect(gongkai(['run', 'empty.txt', '--db', 'out/other.sqlite'], dir).status).toBe(1);
    expect(gongkai(['run', 'docs', '--db', 'out/strict.sqlite', '--strict'], dir).status).toBe(3);
    expect(gongkai(['frobnicate'], dir).status).toBe(2);
    expect(gongkai(['show', 'out/gongkai.sqlite', 'no-such-document'], dir).status).toBe(2);
  });

  it('opens encrypted workbooks with --password; a re-run needs --force to retry the files that failed', () => {
    const books = path.join(dir, 'books');
    fs.mkdirSync(books);
    for (const f of ['encrypted.xlsx', 'encrypted.xls']) fs.copyFileSync(path.resolve(__dirname, '../extractors/spreadsheet/fixtures', f), path.join(books, f));
    const without = gongkai(['run', 'books', '--db', 'out/books.sqlite'], dir);
    expect(without.stdout).toMatch(/2 files — 0 new, 0 changed, 0 unchanged, 2 failed/);
    expect(without.stderr).toContain('books/encrypted.xls — encrypted workbook — the .xls opens only with its password: give it with --password, or save an unprotected copy');
    // a failed file with the same bytes is not retried unless asked
    expect(gongkai(['run', 'books', '--db', 'out/books.sqlite', '--password', 'gongkai'], dir).stdout).toMatch(/2 files — 0 new, 0 changed, 2 unchanged, 0 failed/);
    const opened = gongkai(['run', 'books', '--db', 'out/books.sqlite', '--password', 'gongkai', '--force'], dir);
    expect(opened.status).toBe(0);
    expect(opened.stdout).toMatch(/2 files — 0 new, 2 changed, 0 unchanged, 0 failed \(0 in the database\); 2 tables/);
  });
});
