import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { extractionFlags } from '../../src/pipeline/extraction-options.js';
import { runCorpus, type RunSummary } from '../../src/pipeline/run-corpus.js';
import { seedPath, tempDir } from '../support/corpus.js';

const BIN = path.resolve(__dirname, '../../bin/gongkai.mjs');
const gongkai = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
const PDF = path.resolve(__dirname, '../../corpus/rendered/000_0018174054ff74da.pdf');

describe('the options that shape a PDF extraction are part of what a document was extracted with', () => {
  const dir = tempDir();
  const db = path.join(dir, 'g.sqlite');
  fs.copyFileSync(PDF, path.join(dir, 'a.pdf'));
  fs.copyFileSync(seedPath('000_0018174054ff74da'), path.join(dir, 'b.txt'));
  const files = [path.join(dir, 'a.pdf'), path.join(dir, 'b.txt')];
  const stored = () => {
    const conn = new Database(db, { readonly: true });
    const rows = conn.prepare(`select d.source, d.extract_options as options, (select count(*) from doc_table t where t.document_id = d.id) as tables from document d order by d.source`).all() as { source: string; options: string; tables: number }[];
    conn.close();
    return rows.map((r) => [path.basename(r.source), r.options, r.tables]);
  };
  const outcomes = (s: RunSummary) => [s.new, s.changed, s.unchanged, s.failed];

  it('a --pages 1 run, then a full run, re-extracts the PDF to all its tables; the text file is not redone', async () => {
    expect(outcomes(await runCorpus(files, { db, jobs: 0, extract: { pages: [1] } }))).toEqual([2, 0, 0, 0]);
    const first = stored();
    expect(first[0]!.slice(0, 2)).toEqual(['a.pdf', '--pages 1']);
    expect(first[1]).toEqual(['b.txt', '', 28]);
    const onePage = first[0]![2] as number;
    expect(outcomes(await runCorpus(files, { db, jobs: 0 }))).toEqual([0, 1, 1, 0]);
    const full = stored();
    expect(full[0]!.slice(0, 2)).toEqual(['a.pdf', '']);
    expect(full[0]![2] as number).toBeGreaterThan(onePage);
    expect(outcomes(await runCorpus(files, { db, jobs: 0 }))).toEqual([0, 0, 2, 0]);
  });

  it('-l (lattice) on a stored PDF re-extracts it, and the same options again leave it unchanged', async () => {
    expect(outcomes(await runCorpus(files, { db, jobs: 0, extract: { method: 'lattice' } }))).toEqual([0, 1, 1, 0]);
    expect(stored()[0]!.slice(0, 2)).toEqual(['a.pdf', '--method lattice']);
    expect(outcomes(await runCorpus(files, { db, jobs: 0, extract: { method: 'lattice' } }))).toEqual([0, 0, 2, 0]);
    // auto is the default: asking for it is asking for nothing
    expect(outcomes(await runCorpus(files, { db, jobs: 0, extract: { method: 'auto' } }))).toEqual([0, 1, 1, 0]);
    expect(stored()[0]!.slice(0, 2)).toEqual(['a.pdf', '']);
  });

  it('show prints a PDF’s options, runs the options of each run, diff the options of both sides', () => {
    const cli = tempDir();
    fs.copyFileSync(PDF, path.join(cli, 'a.pdf'));
    expect(gongkai(['run', 'a.pdf', '--db', 'g.sqlite', '--jobs', '0'], cli).status).toBe(0);
    expect(gongkai(['show', 'g.sqlite', 'a.pdf'], cli).stdout).toContain('\n  options defaults (all pages, whole page, method auto)\n');
    expect(gongkai(['run', 'a.pdf', '--db', 'g.sqlite', '--jobs', '0', '--pages', '2,1,3', '-l'], cli).stdout).toMatch(/1 files — 0 new, 1 changed/);
    expect(gongkai(['show', 'g.sqlite', 'a.pdf'], cli).stdout).toContain('\n  options --pages 1-3 --method lattice\n');
    expect(gongkai(['runs', '--db', 'g.sqlite'], cli).stdout).toContain('"pdf":"--pages 1-3 --method lattice"');
    expect(gongkai(['diff', '--db', 'g.sqlite'], cli).stdout).toMatch(/^a\.pdf: run 1 \(pdf@[\d.]+\) → run 2 \(pdf@[\d.]+ --pages 1-3 --method lattice\)$/m);
  });
});

describe('extractionFlags', () => {
  it('names the options as flags, only for PDFs, never the password itself', () => {
    expect(extractionFlags('pdf', { pages: [7, 1, 2, 3, 9, 10], area: [10, 20, 300.5, 400], method: 'stream', password: 'secret' })).toBe(
      '--pages 1-3,7,9-10 --area 10,20,300.5,400 --method stream --password (given)',
    );
    expect(extractionFlags('pdf', {})).toBe('');
    expect(extractionFlags('word-text', { pages: [1], method: 'lattice' })).toBe('');
    expect(extractionFlags(null, { pages: [1] })).toBe('');
  });
});
