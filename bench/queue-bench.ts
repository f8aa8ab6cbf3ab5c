// npm run bench -- --queue [--n 200] [--machines 10,100,1000] — a distributed run (`run --queue`
// and `gongkai worker` processes, into PostgreSQL) with 1, 2 and 4 worker processes, beside a
// local `run --jobs 1` into SQLite and into PostgreSQL of the same synthetic corpus, in the same
// bench. Redis and PostgreSQL are started here on loopback (scripts/lib/services.ts) and stopped
// at the end.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, startPostgres, startRedis } from '../scripts/lib/services.js';
import { fmt } from './measure.js';
import { generateCorpus } from './synthetic-corpus.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/gongkai.mjs');
const WORKER_COUNTS = [1, 2, 4];

export async function queueBench({ n, machines }: { n: number; machines: number[] }): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-queue-bench-'));
  const corpus = path.join(work, 'corpus');
  const { files, bytes } = generateCorpus(corpus, n, path.join(ROOT, 'corpus'));
  console.log(`gongkai bench --queue: ${files.length} synthetic documents (${(bytes / 1e6).toFixed(1)} MB) in ${work}; ${os.cpus().length} cores, Node ${process.version}`);
  const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  const rows: { label: string; wall: number }[] = [];
  try {
    const localWall = timed(() => gongkai(['run', corpus, '--db', path.join(work, 'local.sqlite'), '--jobs', '1', '--quiet']));
    rows.push({ label: 'local run --jobs 1 (SQLite)', wall: localWall });
    // the same local run into PostgreSQL: the store's share of the difference, apart from the queue's
    const localPg = await createDatabase(postgres, 'bench_local');
    rows.push({ label: 'local run --jobs 1 (PostgreSQL)', wall: timed(() => gongkai(['run', corpus, '--db', localPg, '--jobs', '1', '--quiet'])) });
    for (const w of WORKER_COUNTS) {
      const db = await createDatabase(postgres, `bench_${w}`);
      const queueName = `bench-${w}`;
      const workers = Array.from({ length: w }, () => spawn('node', [BIN, 'worker', '--queue', redis.url, '--queue-name', queueName, '--db', db], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] }));
      // the workers' start-up (loading the code, connecting) is not the queue's throughput: timed from their banners on
      await Promise.all(workers.map(started));
      const wall = timed(() => gongkai(['run', corpus, '--queue', redis.url, '--queue-name', queueName, '--db', db, '--quiet']));
      await stop(workers);
      rows.push({ label: `queue, ${w} worker process${w > 1 ? 'es' : ''} (PostgreSQL)`, wall });
    }
  } finally {
    await Promise.all([redis.stop(), postgres.stop()]);
    fs.rmSync(work, { recursive: true, force: true });
  }

  console.log('');
  console.log(`${'measurement'.padEnd(44)} ${'seconds'.padStart(9)} ${'docs/s'.padStart(9)} ${'ms/doc'.padStart(9)}`);
  for (const r of rows) console.log(`${r.label.padEnd(44)} ${fmt(r.wall, 2)} ${fmt(files.length / r.wall, 2)} ${fmt((1000 * r.wall) / files.length, 1)}`);
  const [local, localPg, one] = [rows[0]!.wall, rows[1]!.wall, rows[2]!.wall];
  const ms = (seconds: number) => ((1000 * seconds) / files.length).toFixed(1);
  console.log(`\nPostgreSQL instead of SQLite as the store (local runs, one document at a time): ${ms(localPg - local)} ms per document`);
  const overhead = one - localPg;
  console.log(
    `per-job overhead of the queue (1 worker process vs the local run into PostgreSQL, both one document at a time): ${ms(overhead)} ms per document${overhead <= 0 ? ' (below what this bench tells apart: the two runs differ by less than their noise)' : ''}`,
  );
  const best = rows.slice(2).reduce((a, b) => (b.wall < a.wall ? b : a));
  const perMachine = files.length / best.wall;
  console.log(`one machine like this one: ${perMachine.toFixed(2)} documents/s at best (${best.label})`);
  console.log('projection for 1,000,000 such documents, N machines like this one, each running its best worker count,');
  console.log('assuming the shared storage, Redis and PostgreSQL keep up (they were on this machine here):');
  for (const m of machines) {
    const hours = 1e6 / (perMachine * m) / 3600;
    console.log(`  N = ${String(m).padStart(5)}: ${hours >= 1 ? `${hours.toFixed(1)} h` : `${(hours * 60).toFixed(1)} min`}`);
  }
}

function gongkai(args: string[]): void {
  const r = spawnSync('node', [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`gongkai ${args[0]} failed (${r.status}): ${r.stderr}`);
}

function timed(f: () => void): number {
  const t = performance.now();
  f();
  return (performance.now() - t) / 1000;
}

/** Resolves once a worker has printed its banner (`gongkai worker PID: …`): its code is loaded. */
function started(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (d: Buffer) => {
      text += d;
      if (/^gongkai worker \d+:/m.test(text)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`a worker exited (${code}) before starting: ${text}`)));
  });
}

async function stop(children: ChildProcess[]): Promise<void> {
  await Promise.all(children.map((c) => new Promise((r) => (c.once('exit', r), c.kill('SIGTERM')))));
}

