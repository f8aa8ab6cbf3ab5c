// `run --queue` keeps to the paths given as a local run does (test/cli/hostile-input.test.ts): a
// link out of them is stored as skipped by the run itself and never queued, since a worker reads
// whatever path a job names. Against a real redis-server on loopback (scripts/lib/services.ts).
import fs from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type Service } from '../../scripts/lib/services.js';
import { redisConnection } from '../../src/queue/connection.js';
import { runQueued } from '../../src/queue/enqueue.js';
import { openStore } from '../../src/store/index.js';
import { seedPath, tempDir } from '../support/corpus.js';

let redis: Service;
beforeAll(async () => {
  redis = await startRedis();
}, 60_000);
afterAll(async () => {
  await redis?.stop();
});

describe('run --queue and links out of the paths given', () => {
  it('stores each as failed with its reason, queues no job for it, and keeps the ids of a local run', async () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    const priv = path.join(dir, 'private');
    fs.mkdirSync(docs);
    fs.mkdirSync(priv);
    fs.copyFileSync(seedPath('001_655c0751f88457f2'), path.join(priv, 'secret.txt'));
    fs.symlinkSync(priv, path.join(docs, 'a-folder'));
    fs.symlinkSync(path.join(priv, 'secret.txt'), path.join(docs, 'b-file.txt'));
    const db = path.join(dir, 'g.sqlite');
    const queueName = `outside-links-${process.pid}`;
    const s = await runQueued([docs], { db, queue: redis.url, queueName });
    expect({ files: s.files, failed: s.failed, new: s.new, deadLetter: s.deadLetter }).toEqual({ files: 2, failed: 2, new: 0, deadLetter: [] });
    const queue = new Queue(queueName, { connection: redisConnection(redis.url) });
    try {
      expect(Object.values(await queue.getJobCounts()).reduce((a, b) => a + b, 0)).toBe(0);
    } finally {
      await queue.close();
    }
    const store = openStore(db);
    try {
      const rows = store.listDocuments().map((d) => [d.id, path.relative(dir, d.source), d.status, d.sha256, d.error]);
      expect(rows).toEqual([
        [1, 'docs/a-folder', 'failed', '', 'symbolic link to a folder outside the folders given: skipped unread'],
        [2, 'docs/b-file.txt', 'failed', '', 'symbolic link to a file outside the folders given: skipped unread'],
      ]);
    } finally {
      store.close();
    }
  }, 120_000);
});
