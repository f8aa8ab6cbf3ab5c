import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractionResult, ExtractOptions } from './extract-document.js';
import { keepUnhandledRejections, timedOut } from './document-scope.js';
import { extractIsolated, packResult, type PackedResult } from './extract-isolated.js';
import { oneLine } from './one-line.js';

/** Extracts documents off the main thread; `jobs` workers, one document at a time each. */
export interface ExtractionPool {
  /** `seconds`: the document's time limit (`--doc-timeout`); past it, it fails with `timed out after …`. */
  extract(bytes: Uint8Array, options?: ExtractOptions, seconds?: number): Promise<ExtractionResult>;
  /** The same, packed into its rows where it was extracted (what a run stores): the writer only binds them. */
  extractPacked(bytes: Uint8Array, options?: ExtractOptions, seconds?: number): Promise<PackedResult>;
  /**
   * Ctrl-C: stops every document in flight or waiting at once (their workers are terminated, not
   * waited for); each answers INTERRUPTED, which the run never stores.
   */
  interrupt(): void;
  close(): Promise<void>;
}

/** The answer of a document stopped by `interrupt()`: not a result of the document, never stored. */
export const INTERRUPTED: ExtractionResult = Object.freeze({ ok: false, format: null, error: 'interrupted' });

/** The default parallelism: all cores. */
export const defaultJobs = (): number => Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

/**
 * The heap one worker may use, in MB. A document's object graph takes many times its file's size
 * (a 60 MB text reached 4.4 GB before failing); bounded, a document that needs more fails alone
 * with `too large to process` instead of taking the machine's memory from the others.
 */
export const WORKER_HEAP_MB = 1536;

/** One document handed to a worker, kept until its answer so that it can be retried. */
interface Job {
  id: number;
  bytes: Uint8Array;
  options: ExtractOptions;
  /** Packed into rows (PackedResult) rather than a Document. */
  pack: boolean;
  /** Every failure is both an ExtractionResult and a PackedResult; a success is the one `pack` asked for. */
  resolve: (r: ExtractionResult | PackedResult) => void;
  /** Already run once in a worker that died under it. */
  retried: boolean;
  seconds: number | undefined;
  /** The stage the worker last said the document reached. */
  stage: string;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  job?: Job;
  /** Set once the worker has failed, so its 'error' and 'exit' events end its job only once. */
  dead: boolean;
}

/**
 * A pool of worker threads. With `jobs` = 1 … N each document is parsed in a worker so that the
 * main thread stays free to hash files and write SQLite. A worker runs one document at a time,
 * so a worker that dies takes only its own document; that document is run once more, alone in a
 * fresh worker, before it is failed — a crash that does not come back was not its fault.
 */
export function createWorkerPool(jobs: number, { workerUrl = new URL('./extract-worker.mjs', import.meta.url), heapMb = WORKER_HEAP_MB }: { workerUrl?: URL; heapMb?: number } = {}): ExtractionPool {
  const slots: Slot[] = [];
  const idle: Slot[] = [];
  const waiting: Job[] = [];
  let nextId = 0;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    let markReady!: () => void;
    const slot: Slot = { worker, ready: new Promise((r) => (markReady = r)), dead: false };
    worker.on('message', (msg: { ready?: boolean; id?: number; json?: string; result?: PackedResult; stage?: string }) => {
      if (msg.ready) return markReady();
      const job = slot.job;
      if (!job || msg.id !== job.id) return;
      if (msg.stage !== undefined) {
        job.stage = msg.stage;
        return;
      }
      clearTimeout(job.timer);
      slot.job = undefined;
      job.resolve(msg.result ?? (JSON.parse(msg.json!) as ExtractionResult));
      next(slot);
    });
    worker.on('error', (e) => died(slot, oneLine(e), (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'));
    worker.on('exit', (code) => died(slot, `worker exited with code ${code}`));
    return slot;
  };

  const died = (slot: Slot, why: string, outOfMemory = false) => {
    if (slot.dead || closed) return;
    slot.dead = true;
    void slot.worker.terminate();
    if (idle.includes(slot)) idle.splice(idle.indexOf(slot), 1);
    const fresh = spawn();
    slots[slots.indexOf(slot)] = fresh;
    const job = slot.job;
    clearTimeout(job?.timer);
    // running out of memory is the document's size, not bad luck: no second try
    if (job && outOfMemory) job.resolve({ ok: false, format: null, error: `too large to process (needed more than the ${heapMb} MB a document may use)` });
    else if (job && !job.retried) {
      job.retried = true;
      return run(fresh, job);
    } else if (job) job.resolve({ ok: false, format: null, error: `worker crashed (twice, the second time alone): ${why}` });
    next(fresh);
  };

  const run = (slot: Slot, job: Job) => {
    slot.job = job;
    void slot.ready.then(() => {
      if (slot.dead || slot.job !== job) return;
      // the worker gets a copy it owns; the original stays here for a retry
      const copy = new Uint8Array(job.bytes).buffer;
      slot.worker.postMessage({ id: job.id, bytes: copy, options: job.options, pack: job.pack }, [copy]);
      if (job.seconds !== undefined) job.timer = setTimeout(() => timeout(slot, job), job.seconds * 1000);
    });
  };

  /** A document past its time: its worker, which may be stuck in one long computation, is replaced. */
  const timeout = (slot: Slot, job: Job) => {
    if (slot.dead || slot.job !== job || closed) return;
    slot.dead = true;
    slot.job = undefined;
    void slot.worker.terminate();
    const fresh = spawn();
    slots[slots.indexOf(slot)] = fresh;
    job.resolve({ ok: false, format: null, error: timedOut(job.seconds!, job.stage) });
    next(fresh);
  };

  const next = (slot: Slot) => {
    const job = waiting.shift();
    if (job) run(slot, job);
    else idle.push(slot);
  };

  for (let i = 0; i < jobs; i++) {
    const slot = spawn();
    slots.push(slot);
    idle.push(slot);
  }

  const submit = (bytes: Uint8Array, options: ExtractOptions, seconds: number | undefined, pack: boolean) =>
    new Promise<ExtractionResult | PackedResult>((resolve) => {
      if (closed) return resolve(INTERRUPTED);
      const job: Job = { id: nextId++, bytes, options, pack, resolve, retried: false, seconds, stage: 'start' };
      const slot = idle.shift();
      if (slot) run(slot, job);
      else waiting.push(job);
    });

  return {
    extract: (bytes, options = {}, seconds) => submit(bytes, options, seconds, false) as Promise<ExtractionResult>,
    extractPacked: (bytes, options = {}, seconds) => submit(bytes, options, seconds, true) as Promise<PackedResult>,
    interrupt() {
      if (closed) return;
      closed = true;
      // a worker may be deep in one long computation: terminate() stops its thread where it is
      for (const slot of slots) {
        clearTimeout(slot.job?.timer);
        slot.dead = true;
        void slot.worker.terminate();
        slot.job?.resolve(INTERRUPTED);
        slot.job = undefined;
      }
      for (const job of waiting.splice(0)) job.resolve(INTERRUPTED);
    },
    async close() {
      closed = true;
      for (const s of slots) clearTimeout(s.job?.timer);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/**
 * The same interface on the main thread, for `--jobs 0` and environments without workers. For
 * as long as the pool is open, a promise rejected unhandled by a document's readers is told on
 * that document instead of ending the process.
 */
export function createInlinePool(): ExtractionPool {
  const remove = keepUnhandledRejections();
  let interrupted = false;
  // nothing can interrupt this thread's own work: a document past its time, or stopped by
  // Ctrl-C, stops at its next stage (the signal's handler itself runs only between stages)
  const extract = async (bytes: Uint8Array, options: ExtractOptions = {}, seconds?: number): Promise<ExtractionResult> => {
    if (interrupted) return INTERRUPTED;
    const result = await extractIsolated(bytes, options, { ...(seconds === undefined ? {} : { deadline: { at: Date.now() + seconds * 1000, seconds } }), stopped: () => interrupted });
    return interrupted ? INTERRUPTED : result;
  };
  return {
    extract,
    extractPacked: async (bytes, options = {}, seconds) => packResult(await extract(bytes, options, seconds)),
    interrupt() {
      interrupted = true;
    },
    async close() {
      remove();
    },
  };
}
