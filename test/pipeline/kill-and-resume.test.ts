import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/synthetic-corpus.js';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { CORPUS, tempDir } from '../support/corpus.js';
import { checkConsistency, dumpContent } from '../support/db-dump.js';

const BIN = path.resolve(__dirname, '../../bin/gongkai.mjs');

function documentCount(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('select count(*) n from document').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0;
  }
}

describe('a run killed with SIGKILL', () => {
  it('leaves a consistent database, and the next run finishes the job exactly as an uninterrupted run', async () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    const { files } = generateCorpus(docs, 300, CORPUS);
    const killed = path.join(dir, 'killed.sqlite');

    const child = spawn(process.execPath, [BIN, 'run', docs, '--db', killed, '--jobs', '2', '--quiet'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 60_000;
    while (documentCount(killed) < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const stored = documentCount(killed);
    expect(stored).toBeGreaterThanOrEqual(20);
    expect(stored).toBeLessThan(files.length);
    expect(checkConsistency(killed)).toEqual([]);

    // the lock of the killed run is stale: the next run takes over and finishes
    const resumed = await runCorpus([docs], { db: killed, jobs: 2 });
    expect(resumed.unchanged).toBe(stored);
    expect(resumed.new).toBe(files.length - stored);
    expect(resumed.failed).toBe(0);

    const clean = path.join(dir, 'clean.sqlite');
    await runCorpus([docs], { db: clean, jobs: 2 });
    expect(dumpContent(killed)).toEqual(dumpContent(clean));
  }, 400_000);
});

describe('Ctrl-C during a run', () => {
  it('stops after the documents in flight, says so, exits 130, and leaves only whole documents', async () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    const { files } = generateCorpus(docs, 120, CORPUS);
    const db = path.join(dir, 'g.sqlite');
    const child = spawn(process.execPath, [BIN, 'run', docs, '--db', db, '--jobs', '1', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (documentCount(db) < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stdout).toMatch(/^run 1 \(interrupted\): \d+ files/);
    const stored = documentCount(db);
    expect(stored).toBeLessThan(files.length);
    expect(checkConsistency(db)).toEqual([]);
    const rest = await runCorpus([docs], { db, jobs: 2 });
    expect(rest.unchanged + rest.new).toBe(files.length);
    expect(rest.new).toBe(files.length - stored);
  }, 120_000);
});
