// The distributed run (issue 19) against real servers: redis-server and PostgreSQL started here,
// on loopback, by scripts/lib/services.ts (npm test's pretest installs them when missing), and
// `gongkai worker` processes beside `gongkai run --queue`. What a distributed run exports must be
// exactly what a local SQLite run exports, whatever happens to a worker, Redis or PostgreSQL.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, startPostgres, startRedis, type Service } from '../../scripts/lib/services.js';
import { openStore } from '../../src/store/index.js';
import { copyDatabase } from '../../src/store/postgres/copy.js';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/gongkai.mjs');
/**
 * The five text exports and their .docx and .xlsx renderings: 15 files of three formats, each
 * disclosure three times (duplicates: which is first depends on ids), quick to extract on a busy
 * machine. The PDFs of corpus/ take minutes there and go through the same code.
 */
const FILES = [
  ...fs.readdirSync(path.join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => `corpus/${f}`),
  ...fs.readdirSync(path.join(ROOT, 'corpus/rendered')).filter((f) => /^\d{3}_[0-9a-f]{16}\.(docx|xlsx)$/.test(f)).map((f) => `corpus/rendered/${f}`),
].sort();
const ALL_NEW = new RegExp(`${FILES.length} files — ${FILES.length} new, 0 changed, 0 unchanged, 0 failed`);

let redis: Service;
let postgres: Service;
let work: string;
let local: { json: string; facts: string };
const children: ChildProcess[] = [];

function gongkai(args: string[]): string {
  const r = spawnSync('node', [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`gongkai ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function exportsOf(db: string) {
  return { json: gongkai(['export', '--db', db, '--format', 'json', '--out', '-']), facts: gongkai(['export', '--db', db, '--format', 'facts', '--out', '-']) };
}

/** A worker process; its stderr lines are kept (`start <source>` with --verbose). */
function startWorker(db: string, queueName: string): { child: ChildProcess; lines: string[] } {
  const child = spawn('node', [BIN, 'worker', '--queue', redis.url, '--queue-name', queueName, '--db', db, '--stalled-seconds', '3', '--verbose'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const lines: string[] = [];
  let rest = '';
  child.stderr!.on('data', (d: Buffer) => {
    const all = rest + d.toString();
    const parts = all.split('\n');
    rest = parts.pop()!;
    lines.push(...parts);
  });
  children.push(child);
  return { child, lines };
}

/** `gongkai run --queue` in the background: `result` is its exit code and output, `stderr()` what it printed so far. */
function queuedRun(db: string, queueName: string, paths = FILES): { result: Promise<{ code: number | null; stdout: string; stderr: string }>; stderr: () => string } {
  const child = spawn('node', [BIN, 'run', '--queue', redis.url, '--queue-name', queueName, '--db', db, ...paths], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return { result: new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr }))), stderr: () => stderr };
}

async function stopWorkers(workers: { child: ChildProcess }[]): Promise<void> {
  await Promise.all(
    workers.map(({ child }) => (child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))))),
  );
}

async function until(what: string, test: () => boolean | Promise<boolean>, seconds = 120): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A fresh PostgreSQL database on the test cluster, for one test. */
const database = (name: string) => createDatabase(postgres, name);

/** The documents a PostgreSQL database holds that are not whole, read on a snapshot. */
async function halfWritten(url: string): Promise<string[]> {
  const file = path.join(work, `check-${Date.now()}.sqlite`);
  await copyDatabase(url, file);
  const store = openStore(file);
  try {
    return store.halfWrittenDocuments();
  } finally {
    store.close();
  }
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-queue-test-'));
  [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  gongkai(['run', '--db', path.join(work, 'local.sqlite'), '--quiet', ...FILES]);
  local = exportsOf(path.join(work, 'local.sqlite'));
}, 300_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await Promise.all([redis?.stop(), postgres?.stop()]);
  fs.rmSync(work, { recursive: true, force: true });
}, 60_000);

describe('a run through the queue', () => {
  it('the whole corpus with 3 worker processes writing to PostgreSQL exports exactly what a local SQLite run exports', async () => {
    // every file of corpus/: text exports, .docx, .xlsx, .xls, rendered and real PDFs, scans (OCR)
    const corpusDb = path.join(work, 'corpus.sqlite');
    const localRun = gongkai(['run', '--db', corpusDb, '--quiet', 'corpus']);
    const files = Number(/^run 1: (\d+) files — \1 new, 0 changed, 0 unchanged, 0 failed/.exec(localRun)?.[1]);
    expect(files, localRun).toBeGreaterThan(30);
    const db = await database('three_workers');
    const workers = [1, 2, 3].map(() => startWorker(db, 'three'));
    const run = await queuedRun(db, 'three', ['corpus']).result;
    await stopWorkers(workers);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(`${files} files — ${files} new, 0 changed, 0 unchanged, 0 failed`);
    // the work was shared: more than one worker wrote documents
    expect(workers.filter((w) => w.lines.some((l) => l.startsWith('new '))).length).toBeGreaterThan(1);
    expect(exportsOf(db)).toEqual(exportsOf(corpusDb));
    // run again: nothing is queued, every document is unchanged
    const again = await queuedRun(db, 'three', ['corpus']).result;
    expect(again.stdout).toMatch(`${files} files — 0 new, 0 changed, ${files} unchanged, 0 failed`);
    expect(gongkai(['runs', '--db', db, '--queue', redis.url, '--queue-name', 'three'])).toMatch(new RegExp(`queue three at .*: 0 waiting, 0 active, 0 waiting to be retried, ${files} done \\(kept a day\\), 0 given up`));
  }, 900_000);

  it('a worker killed (SIGKILL) while it holds a document: another takes the job, nothing half-written, the export identical', async () => {
    const db = await database('killed_worker');
    const victim = startWorker(db, 'kill');
    const run = queuedRun(db, 'kill').result;
    // killed between taking a document and finishing it
    await until('the first worker takes a document', () => victim.lines.some((l) => l.startsWith('start ')));
    const taken = victim.lines.find((l) => l.startsWith('start '))!.slice('start '.length).trim();
    victim.child.kill('SIGKILL');
    const others = [startWorker(db, 'kill'), startWorker(db, 'kill')];
    const result = await run;
    await stopWorkers(others);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(ALL_NEW);
    expect(victim.lines.some((l) => l.startsWith('new ') && l.includes(taken))).toBe(false);
    expect(others.some((w) => w.lines.some((l) => l.startsWith('start ') && l.includes(taken)))).toBe(true);
    expect(await halfWritten(db)).toEqual([]);
    expect(exportsOf(db)).toEqual(local);
  }, 300_000);

  it('Redis restarted mid-run: the workers reconnect and the run completes', async () => {
    const db = await database('redis_restart');
    const workers = [startWorker(db, 'restart'), startWorker(db, 'restart')];
    const run = queuedRun(db, 'restart').result;
    await until('a few documents are done', () => workers.flatMap((w) => w.lines).filter((l) => l.startsWith('new ')).length >= 3);
    await redis.halt();
    await new Promise((r) => setTimeout(r, 2000));
    await redis.start();
    const result = await run;
    await stopWorkers(workers);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(ALL_NEW);
    expect(exportsOf(db)).toEqual(local);
  }, 300_000);

  it('PostgreSQL unavailable: the jobs fail over to retries and nothing is lost', async () => {
    const db = await database('postgres_down');
    const workers = [startWorker(db, 'pgdown'), startWorker(db, 'pgdown')];
    const run = queuedRun(db, 'pgdown');
    // the database goes away once the first document is written, under documents being written
    await until('a document is written', () => workers.some((w) => w.lines.some((l) => l.startsWith('new '))));
    await postgres.halt();
    await until('a write has failed and been left to the queue', () => workers.some((w) => w.lines.some((l) => l.startsWith('retry '))));
    await postgres.start();
    const result = await run.result;
    await stopWorkers(workers);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(ALL_NEW);
    expect(await halfWritten(db)).toEqual([]);
    expect(exportsOf(db)).toEqual(local);
  }, 300_000);

  it('two workers writing one SQLite file (immediate transactions, busy timeout) export what the local run exports', async () => {
    const db = path.join(work, 'shared.sqlite');
    const workers = [startWorker(db, 'sqlite'), startWorker(db, 'sqlite')];
    const result = await queuedRun(db, 'sqlite').result;
    await stopWorkers(workers);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(ALL_NEW);
    expect(workers.flatMap((w) => w.lines).filter((l) => l.startsWith('retry '))).toEqual([]);
    expect(exportsOf(db)).toEqual(local);
  }, 300_000);
});

describe('gongkai db copy', () => {
  it('moves a SQLite dataset into an empty PostgreSQL database and refuses to merge into one that holds a dataset', async () => {
    const db = await database('copied');
    gongkai(['db', 'copy', '--from', path.join(work, 'local.sqlite'), '--to', db]);
    expect(exportsOf(db)).toEqual(local);
    const again = spawnSync('node', [BIN, 'db', 'copy', '--from', path.join(work, 'local.sqlite'), '--to', db], { cwd: ROOT, encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds a dataset: db copy never merges into one/);
  }, 120_000);
});
