import crypto from 'node:crypto';
import path from 'node:path';
import { Job, Queue } from 'bullmq';
import { QueueJob, QueueJobResult } from '../model/index.js';
import { discoverFiles, DiscoveryRoots } from '../pipeline/discover.js';
import { EXTRACTORS, type ExtractOptions } from '../../extractors/index.js';
import { extractionFlags } from '../pipeline/extraction-options.js';
import { sha256Hex } from '../pipeline/hash.js';
import { readSource } from '../pipeline/read-source.js';
import { isCurrentExtractor, type RunSummary } from '../pipeline/run-corpus.js';
import { STAGE_VERSIONS } from '../pipeline/stage-versions.js';
import { openRunStore } from '../store/run-store.js';
import { isPostgresUrl } from '../store/target-store.js';
import { TOOL_VERSION } from '../version.js';
import { DEFAULT_QUEUE_NAME, redisConnection } from './connection.js';
import { redactUrl as redact } from '../store/redact-url.js';

export interface QueuedRunOptions {
  db: string;
  queue: string;
  queueName?: string;
  force?: boolean;
  onlyFormat?: string;
  docTimeout?: number;
  extract?: ExtractOptions;
  /** Tries of a job before it stays failed (the dead letter); default 5. */
  attempts?: number;
  /** The first retry's wait, doubled each time; default 2 s. */
  backoffSeconds?: number;
  /** Told every few seconds while the workers work. */
  onProgress?: (p: { queued: number; done: number; deadLetter: number }) => void;
  /** Stops queueing; jobs already queued stay for the workers, and the run is recorded as interrupted. */
  signal?: AbortSignal;
}

export interface QueuedRunSummary extends RunSummary {
  /** Documents the queue gave up on after their last attempt, with the error: not in the database. */
  deadLetter: { source: string; error: string }[];
}

/** Job ids per 100 looked up at once while waiting. */
const LOOKUP_BATCH = 100;

/**
 * `gongkai run --queue`: discovers and hashes the files as a local run does, records the run in
 * the database, queues one job per document to extract (the file's path, its sha256 and the
 * options; never its bytes), then waits for the workers and records the run's counts. Documents
 * stored with the same bytes and versions are `unchanged` here and never queued. Each new
 * document gets its id now, in discovery order, so ids are those a local run gives.
 * One run per database at a time (its run lock, src/store/run-store.ts): two would hand out the
 * same new ids.
 */
export async function runQueued(paths: string[], options: QueuedRunOptions): Promise<QueuedRunSummary> {
  const started = Date.now();
  if (options.extract?.password !== undefined) throw new Error('--password is not sent through the queue (it would be stored in Redis): run encrypted files locally');
  const opened = await openRunStore(options.db);
  const store = opened.store;
  const queue = new Queue(options.queueName ?? DEFAULT_QUEUE_NAME, { connection: redisConnection(options.queue) });
  const extract = options.extract ?? {};
  const extractorVersions = { ...Object.fromEntries(Object.entries(EXTRACTORS).map(([f, e]) => [f, `${e!.name}@${e!.version}`])), stages: STAGE_VERSIONS };
  const s: QueuedRunSummary = { runId: 0, files: 0, new: 0, changed: 0, unchanged: 0, failed: 0, skipped: 0, tables: 0, cells: 0, bytes: 0, seconds: 0, interrupted: false, failedInDatabase: 0, deadLetter: [] };
  try {
    const run = await store.beginRun({
      toolVersion: TOOL_VERSION,
      extractorVersions,
      options: { paths, force: !!options.force, queue: redact(options.queue), onlyFormat: options.onlyFormat ?? null, docTimeout: options.docTimeout ?? null, pdf: extractionFlags('pdf', extract) },
    });
    s.runId = run.id;
    let nextId = await store.maxDocumentId();
    const pending: string[] = [];
    let batch: { name: string; data: QueueJob; opts: { jobId: string } }[] = [];
    const defaults = {
      attempts: options.attempts ?? 5,
      backoff: { type: 'exponential', delay: (options.backoffSeconds ?? 2) * 1000 },
      // done jobs stay a day, for this wait and for `gongkai runs`; failed ones stay: the dead letter
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: false,
    };
    const flush = async () => {
      if (!batch.length) return;
      await queue.addBulk(batch.map((b) => ({ ...b, opts: { ...defaults, ...b.opts } })));
      batch = [];
    };
    const roots = new DiscoveryRoots(paths);
    for (const file of discoverFiles(paths, isPostgresUrl(options.db) ? {} : { database: options.db })) {
      if (options.signal?.aborted) {
        s.interrupted = true;
        break;
      }
      s.files++;
      // read as a local run reads it: what it cannot read, or refuses to (a link out of the paths
      // given, a FIFO, a file too large), is stored as failed here with the same reason, never
      // queued — a worker would read whatever path a job names
      const read = await readSource(file, roots);
      const source = read.source;
      if (read.kind === 'failed') {
        const failure = { format: null, error: read.error, extractor: { name: 'gongkai', version: TOOL_VERSION } };
        const stored = await store.findDocument(source);
        await store.writeDocument(run.id, { source, sha256: '', bytes: read.bytes, stages: STAGE_VERSIONS, options: '' }, { failure }, stored ? {} : { documentId: ++nextId });
        s.failed++;
        s.bytes += read.bytes;
        continue;
      }
      const size = read.bytes.length;
      const sha256 = sha256Hex(read.bytes);
      const previous = await store.findDocument(source);
      const same =
        previous &&
        previous.sha256 === sha256 &&
        previous.stageVersions === STAGE_VERSIONS &&
        isCurrentExtractor(previous.extractorName, previous.extractorVersion) &&
        previous.extractOptions === extractionFlags(previous.format, extract);
      if (same && !options.force) {
        s.unchanged++;
        s.bytes += size;
        continue;
      }
      const data: QueueJob = {
        runId: run.id,
        runStartedAt: run.startedAt,
        source,
        path: path.resolve(file),
        sha256,
        bytes: size,
        ...(previous ? {} : { documentId: ++nextId }),
        force: !!options.force,
        ...(options.onlyFormat ? { onlyFormat: options.onlyFormat } : {}),
        ...(options.docTimeout ? { docTimeout: options.docTimeout } : {}),
        extract: { ...(extract.pages ? { pages: extract.pages } : {}), ...(extract.area ? { area: extract.area } : {}), ...(extract.method ? { method: extract.method } : {}), ...(extract.ocr ? { ocr: extract.ocr } : {}) },
      };
      // one job per document and run: queueing the same again (a retried enqueue) adds nothing
      const jobId = `run-${crypto.createHash('sha256').update(`${run.startedAt} ${run.id} ${source}`).digest('hex').slice(0, 32)}`;
      batch.push({ name: 'document', data: QueueJob.parse(data), opts: { jobId } });
      pending.push(jobId);
      if (batch.length >= 500) await flush();
    }
    await flush();
    await waitForJobs(queue, pending, s, options);
  } finally {
    s.seconds = (Date.now() - started) / 1000;
    try {
      if (s.runId) {
        s.failedInDatabase = (await store.countDocuments()).failed;
        const { runId: _, deadLetter, ...counts } = s;
        await store.finishRun(s.runId, { ...counts, deadLetter: deadLetter.length } as unknown as Record<string, number>);
      }
    } finally {
      await queue.close();
      await opened.close();
    }
  }
  return s;
}

/**
 * Waits until every job of the run is done (completed, or failed for good), adding each one's
 * outcome to the counts. Job states are read from Redis by id, the oldest waiting first — the
 * queue hands jobs out in order, so those are the ones that finish first — which survives a
 * Redis restart that a stream of events would not.
 */
async function waitForJobs(queue: Queue, ids: string[], s: QueuedRunSummary, options: QueuedRunOptions): Promise<void> {
  const pending = new Set(ids);
  const total = ids.length;
  let lastTold = 0;
  while (pending.size) {
    if (options.signal?.aborted) {
      s.interrupted = true;
      return;
    }
    let changed = false;
    try {
      const window = [...take(pending, LOOKUP_BATCH * 5)];
      for (let i = 0; i < window.length; i += LOOKUP_BATCH) {
        const jobs = await Promise.all(window.slice(i, i + LOOKUP_BATCH).map((id) => Job.fromId(queue, id)));
        for (const [k, job] of jobs.entries()) {
          const id = window[i + k]!;
          if (!job) {
            // removed from Redis (by hand, or a Redis without persistence restarted): lost, say so
            pending.delete(id);
            s.deadLetter.push({ source: id, error: 'the job is no longer in the queue' });
            continue;
          }
          const state = await job.getState();
          if (state === 'completed') {
            const r = QueueJobResult.parse(job.returnvalue);
            s[r.outcome]++;
            s.tables += r.tables;
            s.cells += r.cells;
            s.bytes += (job.data as QueueJob).bytes;
            pending.delete(id);
            changed = true;
          } else if (state === 'failed') {
            s.deadLetter.push({ source: (job.data as QueueJob).source, error: job.failedReason });
            pending.delete(id);
            changed = true;
          }
        }
      }
    } catch {
      // Redis away: wait for it to come back
    }
    if (Date.now() - lastTold > 2000) {
      options.onProgress?.({ queued: total, done: total - pending.size, deadLetter: s.deadLetter.length });
      lastTold = Date.now();
    }
    if (!changed) await new Promise((r) => setTimeout(r, 250));
  }
  options.onProgress?.({ queued: total, done: total, deadLetter: s.deadLetter.length });
}

function* take<T>(set: Set<T>, n: number): Generator<T> {
  let k = 0;
  for (const v of set) {
    if (k++ >= n) return;
    yield v;
  }
}
