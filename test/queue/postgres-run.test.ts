// A local `gongkai run --db postgres://…` (no queue): the same run as into SQLite, through the same
// store interface (src/store/run-store.ts), against a real PostgreSQL started here on loopback
// (scripts/lib/services.ts). What it exports must be exactly what the SQLite run exports, a
// re-run must skip what is stored with the same bytes and versions, and one run per database
// holds there as it does on a SQLite file (exit 4).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type Service } from '../../scripts/lib/services.js';
import { halfWrittenDocuments, openStore } from '../../src/store/index.js';
import { copyDatabase } from '../../src/store/postgres/copy.js';
import { acquirePostgresRunLock } from '../../src/store/postgres/run-lock.js';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/gongkai.mjs');
/**
 * The text exports, their .docx/.xlsx/.xls renderings, the rendered PDFs and the real PDFs of
 * corpus/: every format the run reads but the scans (OCR takes minutes per page on a busy machine;
 * its documents are written by the same code as any PDF's).
 */
const FILES = [
  ...fs.readdirSync(path.join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => `corpus/${f}`),
  ...fs.readdirSync(path.join(ROOT, 'corpus/rendered')).filter((f) => /\.(docx|xlsx|xls|pdf)$/.test(f)).map((f) => `corpus/rendered/${f}`),
  ...fs.readdirSync(path.join(ROOT, 'corpus/real')).filter((f) => f.endsWith('.pdf')).map((f) => `corpus/real/${f}`),
].sort();

let postgres: Service;
let work: string;

function gongkai(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('node', [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(args: string[]): string {
  const r = gongkai(args);
  if (r.status !== 0) throw new Error(`gongkai ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function exportsOf(db: string) {
  return {
    json: ok(['export', '--db', db, '--format', 'json', '--out', '-']),
    facts: ok(['export', '--db', db, '--format', 'facts', '--out', '-']),
    check: ok(['check', '--db', db, '--all', '--format', 'json']),
  };
}

async function database(name: string): Promise<string> {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  return postgres.url.replace(/\/gongkai$/, `/${name}`);
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-pg-run-test-'));
  postgres = await startPostgres();
}, 120_000);

afterAll(async () => {
  await postgres?.stop();
  fs.rmSync(work, { recursive: true, force: true });
}, 60_000);

describe('gongkai run --db postgres:// (a local run, no queue)', () => {
  it('exports exactly what the SQLite run exports, every document whole, and a re-run skips them all', async () => {
    const sqlite = path.join(work, 'local.sqlite');
    const url = await database('local_run');
    const intoSqlite = ok(['run', '--db', sqlite, '--quiet', '--jobs', '2', ...FILES]);
    const intoPostgres = ok(['run', '--db', url, '--quiet', '--jobs', '2', ...FILES]);
    // the same summary but for the seconds and the database
    const counts = (line: string) => line.replace(/; [\d.]+ s → .*$/s, '');
    expect(counts(intoPostgres)).toBe(counts(intoSqlite));
    expect(intoPostgres).toMatch(new RegExp(`^run 1: ${FILES.length} files — `));
    expect(exportsOf(url)).toEqual(exportsOf(sqlite));

    const snapshot = path.join(work, 'snapshot.sqlite');
    await copyDatabase(url, snapshot);
    const store = openStore(snapshot);
    try {
      expect(halfWrittenDocuments(store.db)).toEqual([]);
      // ids in discovery order, as in the SQLite run
      expect(store.listDocuments().map((d) => [d.id, d.source])).toEqual(
        (() => {
          const s = openStore(sqlite);
          try {
            return s.listDocuments().map((d) => [d.id, d.source]);
          } finally {
            s.close();
          }
        })(),
      );
    } finally {
      store.close();
    }

    const again = ok(['run', '--db', url, '--quiet', ...FILES]);
    expect(again).toMatch(new RegExp(`^run 2: ${FILES.length} files — 0 new, 0 changed, ${FILES.length} unchanged, 0 failed`));
    expect(ok(['runs', '--db', url])).toMatch(/\b2\b/);
    // a changed file is extracted again, the rest skipped; diff shows what changed
    const changed = path.join(work, 'seed.txt');
    fs.copyFileSync(path.join(ROOT, FILES[0]!), changed);
    ok(['run', '--db', url, '--quiet', changed]);
    fs.writeFileSync(changed, fs.readFileSync(changed, 'utf8').replace(/(\d)\.(\d\d)\b/, (_m, a: string, b: string) => `${a}.${b === '99' ? '98' : '99'}`));
    const third = ok(['run', '--db', url, '--quiet', changed]);
    expect(third).toMatch(/1 files — 0 new, 1 changed, 0 unchanged, 0 failed/);
    expect(ok(['diff', '--db', url, '--doc', changed])).toMatch(/changed/);
  }, 900_000);
});

describe('one run per PostgreSQL database', () => {
  it('a second run exits 4 naming the run that holds the database; a run killed with SIGKILL leaves no lock behind', async () => {
    const url = await database('locked');
    const seed = 'corpus/004_3c83e1ac369f3f17.txt';
    const release = await acquirePostgresRunLock(url);
    try {
      for (const queued of [[], ['--queue', 'redis://127.0.0.1:1']]) {
        const refused = gongkai(['run', '--db', url, ...queued, seed]);
        expect(refused.status).toBe(4);
        expect(refused.stderr).toMatch(new RegExp(`^gongkai: another gongkai run \\(gongkai run, pid ${process.pid} on [^;]+; PostgreSQL backend pid \\d+\\) is writing to postgres://postgres@127\\.0\\.0\\.1:\\d+/locked; wait for it to finish or stop it\\n$`));
      }
    } finally {
      await release();
    }
    expect(ok(['run', '--db', url, '--quiet', seed])).toMatch(/^run 1: 1 files — 1 new/);

    // a holder that dies without releasing: PostgreSQL ends its session, and with it the lock
    const lockModule = path.join(ROOT, 'src/store/postgres/run-lock.ts');
    const holder = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `const { acquirePostgresRunLock } = await import(${JSON.stringify(lockModule)}); await acquirePostgresRunLock(${JSON.stringify(url)}); console.log('held'); setInterval(() => {}, 1000);`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    expect(gongkai(['run', '--db', url, seed]).status).toBe(4);
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));
    // the server notices the closed connection at once on loopback; give it a moment on a busy machine
    let r = gongkai(['run', '--db', url, '--quiet', seed]);
    for (let i = 0; i < 20 && r.status === 4; i++) {
      await new Promise((res) => setTimeout(res, 250));
      r = gongkai(['run', '--db', url, '--quiet', seed]);
    }
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 files — 0 new, 0 changed, 1 unchanged/);
  }, 300_000);
});
