// `run --queue` reads what it discovers with the local run's own reader (src/pipeline/read-source.ts):
// a dangling link, a FIFO (which a plain read would block on for ever) and a link out of the
// paths given are stored as failed by the run with the local run's reasons and ids, never queued;
// the readable file goes through a worker. Against a real redis-server (scripts/lib/services.ts).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type Service } from '../../scripts/lib/services.js';
import { openStore } from '../../src/store/index.js';
import { seedPath, tempDir } from '../support/corpus.js';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/gongkai.mjs');

let redis: Service;
beforeAll(async () => {
  redis = await startRedis();
}, 60_000);
afterAll(async () => {
  await redis?.stop();
});

function documents(db: string): unknown[] {
  const store = openStore(db);
  try {
    return store.listDocuments().map((d) => ({ id: d.id, source: d.source, status: d.status, sha256: d.sha256, bytes: d.bytes, error: d.error, tables: d.tables }));
  } finally {
    store.close();
  }
}

describe('run --queue and entries a file read cannot take', () => {
  it('stores a dangling link and a FIFO as a local run does, with the same reasons and ids, and queues only the readable file', async () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(path.join(docs, 'sub'), { recursive: true });
    fs.copyFileSync(seedPath('004_3c83e1ac369f3f17'), path.join(docs, 'sub', '004.txt'));
    expect(spawnSync('mkfifo', [path.join(docs, 'pipe.txt')]).status).toBe(0);
    fs.symlinkSync(path.join(dir, 'gone.txt'), path.join(docs, 'dangling.txt'));
    fs.mkdirSync(path.join(dir, 'private'));
    fs.copyFileSync(seedPath('001_655c0751f88457f2'), path.join(dir, 'private', 'secret.txt'));
    fs.symlinkSync(path.join(dir, 'private', 'secret.txt'), path.join(docs, 'out.txt'));

    const local = path.join(dir, 'local.sqlite');
    const l = spawnSync('node', [BIN, 'run', '--db', local, '--quiet', docs], { cwd: ROOT, encoding: 'utf8' });
    expect(l.status, l.stderr).toBe(0);

    const queued = path.join(dir, 'queued.sqlite');
    const queueName = `unreadable-${process.pid}`;
    const worker = spawn('node', [BIN, 'worker', '--queue', redis.url, '--queue-name', queueName, '--db', queued, '--verbose'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let workerLog = '';
    worker.stderr!.on('data', (d) => (workerLog += d));
    const q = spawnSync('node', [BIN, 'run', '--queue', redis.url, '--queue-name', queueName, '--db', queued, '--quiet', docs], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    await new Promise((r) => (worker.once('exit', r), worker.kill('SIGTERM')));
    expect(q.status, q.stderr).toBe(0);

    const summary = (out: string) => out.replace(/; [\d.]+ s → .*$/s, '');
    expect(summary(q.stdout)).toBe(summary(l.stdout));
    expect(l.stdout).toMatch(/^run 1: 4 files — 1 new, 0 changed, 0 unchanged, 3 failed/);
    expect(documents(queued)).toEqual(documents(local));
    expect((documents(local) as { source: string; error: string | null }[]).map((d) => [path.relative(docs, d.source), d.error])).toEqual([
      ['dangling.txt', 'cannot read file: ENOENT'],
      ['out.txt', 'symbolic link to a file outside the folders given: skipped unread'],
      ['pipe.txt', 'not a regular file (a FIFO): skipped unread'],
      ['sub/004.txt', null],
    ]);
    // only the readable file reached the worker
    expect(workerLog.split('\n').filter((line) => line.startsWith('start '))).toEqual([`start     ${path.join(docs, 'sub', '004.txt')}`]);
  }, 180_000);
});
