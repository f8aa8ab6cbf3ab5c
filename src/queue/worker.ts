import { Worker } from 'bullmq';
import { QueueJob, QueueJobResult } from '../model/index.js';
import { oneLine } from '../pipeline/one-line.js';
import { createWorkerPool } from '../pipeline/worker-pool.js';
import { openTargetStore } from '../store/target-store.js';
import { DEFAULT_QUEUE_NAME, redisConnection } from './connection.js';
import { processJob } from './process-job.js';

export interface WorkerOptions {
  queue: string;
  queueName?: string;
  db: string;
  /** Documents extracted at once, each in its own worker thread. */
  jobs?: number;
  /**
   * How long a job's lock lasts without renewal: a worker that died (SIGKILL, a lost machine)
   * has its job taken by another this long after. The lock is renewed every half of it while the
   * document is extracted (in a worker thread, so the event loop that renews it stays free).
   */
  stalledSeconds?: number;
  /** Called when a job starts and when it ends. */
  onEvent?: (e: { kind: 'start' | 'done' | 'retry' | 'error'; source?: string; message?: string; result?: QueueJobResult }) => void;
  /** Aborted on SIGTERM/SIGINT: the worker takes no new job, finishes those it holds, and ends. */
  signal?: AbortSignal;
}

export interface WorkerSummary {
  done: number;
  retried: number;
}

/**
 * `gongkai worker`: takes documents from the queue, extracts and writes them, until stopped.
 * Retries and the dead letter are the queue's (BullMQ): a job that throws is tried again with
 * exponential backoff, and after its last attempt stays in the failed set with its error.
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const store = await openTargetStore(options.db);
  const jobs = Math.max(1, options.jobs ?? 1);
  const pool = createWorkerPool(jobs);
  const ctx = { store, pool, runs: new Map<number, string | undefined>() };
  const summary: WorkerSummary = { done: 0, retried: 0 };
  const stalled = (options.stalledSeconds ?? 30) * 1000;
  const worker = new Worker(
    options.queueName ?? DEFAULT_QUEUE_NAME,
    async (job) => {
      const data = QueueJob.parse(job.data);
      options.onEvent?.({ kind: 'start', source: data.source });
      return processJob(data, ctx);
    },
    { connection: redisConnection(options.queue), concurrency: jobs, lockDuration: stalled, stalledInterval: stalled, maxStalledCount: 2, autorun: false },
  );
  worker.on('completed', (_job, result) => {
    summary.done++;
    options.onEvent?.({ kind: 'done', result: QueueJobResult.parse(result) });
  });
  worker.on('failed', (job, e) => {
    summary.retried++;
    options.onEvent?.({ kind: 'retry', source: (job?.data as QueueJob | undefined)?.source, message: oneLine(e) });
  });
  // a lost connection to Redis is reported and waited out (ioredis reconnects), never fatal
  let lastError = '';
  worker.on('error', (e) => {
    const message = oneLine(e);
    if (message !== lastError) options.onEvent?.({ kind: 'error', message });
    lastError = message;
  });
  const stop = () => void worker.close();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    if (!options.signal?.aborted) await worker.run();
    await worker.close();
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await pool.close();
    await store.close();
  }
  return summary;
}
