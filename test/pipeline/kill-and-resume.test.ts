import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/synthetic-corpus.js';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { createWorkerPool, INTERRUPTED } from '../../src/pipeline/worker-pool.js';
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

/** The counts the run stored for itself. */
function runCounts(db: string, run: number): Record<string, unknown> | null {
  const conn = new Database(db, { readonly: true });
  try {
    const row = conn.prepare('select counts from run where id = ?').get(run) as { counts: string | null };
    return row.counts ? (JSON.parse(row.counts) as Record<string, unknown>) : null;
  } finally {
    conn.close();
  }
}

/**
 * Stops a real `gongkai run` child with `signal` once `atLeast` documents are stored, then checks
 * what must hold: the exit code, the summary, a consistent database with no lock left, the run
 * recorded as interrupted, and a resumed run that redoes exactly the documents not stored and
 * ends with the same content as a clean run.
 */
async function stopAndResume(signal: NodeJS.Signals, jobs: number, expectedCode: number) {
  const dir = tempDir();
  const docs = path.join(dir, 'docs');
  const { files } = generateCorpus(docs, 80, CORPUS);
  const db = path.join(dir, 'g.sqlite');
  const child = spawn(process.execPath, [BIN, 'run', docs, '--db', db, '--jobs', String(jobs), '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  while (documentCount(db) < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const sent = Date.now();
  child.kill(signal);
  const code = await exited;
  // a figure for the note, not an assertion (the machine's load decides it)
  console.log(`${signal} with --jobs ${jobs}: exited ${Date.now() - sent} ms after the signal`);
  expect(code).toBe(expectedCode);
  expect(stdout).toMatch(/^run 1 \(interrupted\): \d+ files/);
  expect(stderr).toContain(`gongkai: stopping (${signal})`);
  expect(stderr).not.toMatch(/\n\s+at |Error:/);

  const stored = documentCount(db);
  expect(stored).toBeGreaterThanOrEqual(10);
  expect(stored).toBeLessThan(files.length);
  expect(checkConsistency(db)).toEqual([]);
  expect(fs.existsSync(`${db}.lock`)).toBe(false);
  expect(runCounts(db, 1)).toMatchObject({ interrupted: true });

  const conn = new Database(db, { readonly: true });
  const storedSources = new Set((conn.prepare('select source from document').all() as { source: string }[]).map((r) => r.source));
  conn.close();
  const redone: string[] = [];
  const rest = await runCorpus([docs], { db, jobs: 2, onDocument: (e) => e.outcome === 'new' && redone.push(e.source) });
  expect(rest.unchanged).toBe(stored);
  expect(rest.failed).toBe(0);
  expect(redone.length).toBe(files.length - stored);
  expect(redone.some((s) => storedSources.has(s))).toBe(false);
  expect(runCounts(db, 2)).toMatchObject({ interrupted: false });

  const clean = path.join(dir, 'clean.sqlite');
  await runCorpus([docs], { db: clean, jobs: 2 });
  expect(dumpContent(db)).toEqual(dumpContent(clean));
}

describe('Ctrl-C or SIGTERM during a run', () => {
  it('SIGINT with workers: the documents in flight are dropped, the run says so, exits 130, and a resumed run ends as a clean one', async () => {
    await stopAndResume('SIGINT', 2, 130);
  }, 300_000);

  it('SIGTERM with --jobs 0 (stops at the document\'s next stage): exits 143, the same guarantees', async () => {
    await stopAndResume('SIGTERM', 0, 143);
  }, 300_000);
});

describe('the worker pool, interrupted', () => {
  it('ends a document stuck in a computation that never returns, and the ones waiting, at once', async () => {
    const pool = createWorkerPool(1, { workerUrl: new URL('../support/hanging-worker.mjs', import.meta.url) });
    try {
      const stuck = pool.extract(Buffer.from('x\nHANG\n'));
      const waiting = pool.extract(new Uint8Array(fs.readFileSync(path.join(CORPUS, '000_0018174054ff74da.txt'))));
      // let the worker start and take it into its endless loop (not a timing assertion: only a wait)
      await new Promise((r) => setTimeout(r, 1000));
      pool.interrupt();
      expect(await stuck).toBe(INTERRUPTED);
      expect(await waiting).toBe(INTERRUPTED);
      expect(await pool.extract(Buffer.from('late'))).toBe(INTERRUPTED);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
