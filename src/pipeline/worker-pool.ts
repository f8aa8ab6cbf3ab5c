import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractionResult, ExtractOptions } from './extract-document.js';
import { extractDocumentAsync } from './extract-document.js';

/** Extracts documents off the main thread; `jobs` workers, one document at a time each. */
export interface ExtractionPool {
  extract(bytes: Uint8Array, options?: ExtractOptions): Promise<ExtractionResult>;
  close(): Promise<void>;
}

/** The default parallelism: all cores. */
export const defaultJobs = (): number => Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

/**
 * A pool of worker threads. With `jobs` = 1 … N each document is parsed in a worker so that the
 * main thread stays free to hash files and write SQLite; a worker that dies takes only its
 * document down (reported as a failure) and is replaced.
 */
export function createWorkerPool(jobs: number): ExtractionPool {
  interface Slot {
    worker: Worker;
    busy: boolean;
    ready: Promise<void>;
    pending?: { id: number; resolve: (r: ExtractionResult) => void };
  }
  const slots: Slot[] = [];
  const waiting: ((s: Slot) => void)[] = [];
  let nextId = 0;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(new URL('./extract-worker.mjs', import.meta.url));
    let markReady!: () => void;
    const slot: Slot = { worker, busy: false, ready: new Promise((r) => (markReady = r)) };
    worker.on('message', (msg: { ready?: boolean; id?: number; json?: string }) => {
      if (msg.ready) return markReady();
      const p = slot.pending;
      slot.pending = undefined;
      if (p && msg.id === p.id) p.resolve(JSON.parse(msg.json!) as ExtractionResult);
      release(slot);
    });
    worker.on('error', (e) => fail(slot, `worker crashed: ${e.message}`));
    worker.on('exit', (code) => {
      if (!closed) fail(slot, `worker exited with code ${code}`);
    });
    return slot;
  };

  const fail = (slot: Slot, error: string) => {
    const p = slot.pending;
    slot.pending = undefined;
    if (p) p.resolve({ ok: false, format: null, error });
    const i = slots.indexOf(slot);
    if (i >= 0 && !closed) {
      void slot.worker.terminate();
      slots[i] = spawn();
      release(slots[i]!);
    }
  };

  const release = (slot: Slot) => {
    slot.busy = false;
    const next = waiting.shift();
    if (next) {
      slot.busy = true;
      next(slot);
    }
  };

  for (let i = 0; i < jobs; i++) slots.push(spawn());

  const acquire = (): Promise<Slot> => {
    const free = slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };

  return {
    async extract(bytes, options = {}) {
      const slot = await acquire();
      await slot.ready;
      const id = nextId++;
      return new Promise<ExtractionResult>((resolve) => {
        slot.pending = { id, resolve };
        const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
        slot.worker.postMessage({ id, bytes: copy, options }, [copy as ArrayBuffer]);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** The same interface on the main thread, for `--jobs 0` and environments without workers. */
export function createInlinePool(): ExtractionPool {
  return {
    async extract(bytes, options = {}) {
      try {
        return await extractDocumentAsync(bytes, options);
      } catch (e) {
        return { ok: false, format: null, error: `internal error: ${(e as Error).message}` };
      }
    },
    async close() {},
  };
}
