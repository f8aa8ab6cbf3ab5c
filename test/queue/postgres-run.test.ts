// A local `gongkai run --db postgres://…` (no queue): the same run as into SQLite, through the same
// store interface (src/store/run-store.ts), against a real PostgreSQL started here on loopback
// (scripts/lib/services.ts). What it exports must be exactly what the SQLite run exports, a
// re-run must skip what is stored with the same bytes and versions, and one run per database
// holds there as it does on a SQLite file (exit 4).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, startPostgres, type Service } from '../../scripts/lib/services.js';
import { openStore } from '../../src/store/index.js';
import { sqliteConnection } from '../../src/store/store.js';
import { copyDatabase } from '../../src/store/postgres/copy.js';
import { acquirePostgresRunLock } from '../../src/store/postgres/run-lock.js';
import { openTargetStore } from '../../src/store/target-store.js';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/gongkai.mjs');
/** The whole corpus: text exports, .docx, .xlsx, .xls, rendered and real PDFs, scans (OCR). */
const CORPUS = 'corpus';
const SEED = 'corpus/000_0018174054ff74da.txt';

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

/** A fresh PostgreSQL database on the test cluster, for one test. */
const database = (name: string) => createDatabase(postgres, name);

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
    const intoSqlite = ok(['run', '--db', sqlite, '--quiet', '--jobs', '2', CORPUS]);
    const intoPostgres = ok(['run', '--db', url, '--quiet', '--jobs', '2', CORPUS]);
    const files = Number(/^run 1: (\d+) files — \1 new, 0 changed, 0 unchanged, 0 failed/.exec(intoSqlite)?.[1]);
    expect(files, intoSqlite).toBeGreaterThan(30);
    // the same summary but for the seconds and the database
    const counts = (line: string) => line.replace(/; [\d.]+ s → .*$/s, '');
    expect(counts(intoPostgres)).toBe(counts(intoSqlite));
    expect(exportsOf(url)).toEqual(exportsOf(sqlite));

    const snapshot = path.join(work, 'snapshot.sqlite');
    await copyDatabase(url, snapshot);
    const store = openStore(snapshot);
    try {
      expect(store.halfWrittenDocuments()).toEqual([]);
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

    const again = ok(['run', '--db', url, '--quiet', CORPUS]);
    expect(again).toMatch(new RegExp(`^run 2: ${files} files — 0 new, 0 changed, ${files} unchanged, 0 failed`));
    expect(ok(['runs', '--db', url])).toMatch(new RegExp(`\\n    ${files} files: 0 new, 0 changed, ${files} unchanged, 0 failed`));
    // a changed file is extracted again, the rest skipped; diff shows what changed, cell by cell
    const changed = path.join(work, 'seed.txt');
    fs.copyFileSync(path.join(ROOT, SEED), changed);
    ok(['run', '--db', url, '--quiet', changed]);
    fs.writeFileSync(changed, fs.readFileSync(changed, 'utf8').replace('929.90', '929.99'));
    expect(ok(['run', '--db', url, '--quiet', changed])).toMatch(/^run 4: 1 files — 0 new, 1 changed, 0 unchanged, 0 failed/);
    const diff = ok(['diff', '--db', url, '--doc', changed]);
    expect(diff).toMatch(/: run 3 \(word-text@[\d.]+\) → run 4 \(word-text@[\d.]+\)\n/);
    expect(diff).toContain('\n  ~ [1] 部门预算收支总表: 1 cell(s) changed\n      row 1, 收入/预算数: "929.90" → "929.99"');
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

describe('a job processed twice in one run (its lock taken for lost, two workers at once)', () => {
  it('is written once, on PostgreSQL and on SQLite; without oncePerRun a second write replaces the first', async () => {
    for (const db of [await database('once_per_run'), path.join(work, 'once.sqlite')]) {
      const store = await openTargetStore(db);
      try {
        const run = await store.beginRun({ toolVersion: 'test', extractorVersions: {}, options: {} });
        const file = { source: 'a.txt', sha256: '', bytes: 0, stages: '', options: '' };
        const failure = (error: string) => ({ failure: { format: null, error } });
        const first = await store.writeDocument(run.id, file, failure('first'), { documentId: 7, oncePerRun: true });
        expect(await store.writeDocument(run.id, file, failure('second'), { documentId: 7, oncePerRun: true })).toBe(first);
        const snapshot = path.join(work, `once-${first}-${Date.now()}.sqlite`);
        const read = async () => {
          if (!db.startsWith('postgres')) return openStore(db);
          fs.rmSync(snapshot, { force: true });
          await copyDatabase(db, snapshot);
          return openStore(snapshot);
        };
        let s = await read();
        try {
          expect(s.listDocuments().map((d) => [d.id, d.error])).toEqual([[7, 'first']]);
          expect(sqliteConnection(s).prepare('select count(*) as n from document_version').get()).toEqual({ n: 0 });
        } finally {
          s.close();
        }
        await store.writeDocument(run.id, file, failure('third'));
        s = await read();
        try {
          expect(s.listDocuments().map((d) => [d.id, d.error])).toEqual([[7, 'third']]);
        } finally {
          s.close();
        }
      } finally {
        await store.close();
      }
    }
  }, 120_000);
});
