import PQueue from 'p-queue';
import { openRunStore } from '../store/run-store.js';
import { isPostgresUrl, type TargetStore } from '../store/target-store.js';
import { TOOL_VERSION } from '../version.js';
import { STAGE_VERSIONS } from './stage-versions.js';
import { extractionFlags } from './extraction-options.js';
import { countFiles, discoverFiles, DiscoveryRoots } from './discover.js';
import { detectFormat, EXTRACTORS, type ExtractOptions } from '../../extractors/index.js';
import type { PackedResult } from './extract-isolated.js';
import { sha256Hex } from './hash.js';
import { oneLine } from './one-line.js';
import { createProgress } from './progress.js';
import { readSource } from './read-source.js';
import { createInlinePool, createWorkerPool, defaultJobs, INTERRUPTED, type ExtractionPool } from './worker-pool.js';

/**
 * A document's default time limit: a minute, and a minute more per MB. Disclosures take well
 * under a second per MB; a document far beyond that is stuck (a pattern gone quadratic, a reader
 * looping) and must not hold its worker for hours.
 */
export const defaultDocTimeout = (bytes: number): number => Math.round(60 + (60 * bytes) / (1024 * 1024));

export interface RunOptions {
  db: string;
  /** Re-extract even documents whose bytes and extractor version are unchanged. */
  force?: boolean;
  /** Worker threads; 0 parses on the main thread. Default: all cores. */
  jobs?: number;
  /** Seconds a document may take (`--doc-timeout`); default by its size (defaultDocTimeout). */
  docTimeout?: number;
  /** Only documents of this format are extracted; others are skipped. */
  onlyFormat?: string;
  /** Called after each document is written (in discovery order). */
  onDocument?: (event: DocumentEvent) => void;
  /** Show progress on stderr (a bar on a terminal, periodic lines otherwise). */
  progress?: boolean;
  /**
   * Stops the run (Ctrl-C, SIGTERM): the documents in flight are stopped where they are (their
   * workers terminated), nothing more is written, and the run is recorded as interrupted. What
   * was not written is extracted by the next run.
   */
  signal?: AbortSignal;
  /** PDF pages, page area, password and table method (`--pages`, `--area`, `--password`, `--method`). */
  extract?: ExtractOptions;
}

export type Outcome = 'new' | 'changed' | 'unchanged' | 'failed' | 'skipped';

export interface DocumentEvent {
  source: string;
  outcome: Outcome;
  error?: string;
  tables: number;
  cells: number;
}

export interface RunSummary {
  runId: number;
  files: number;
  new: number;
  changed: number;
  unchanged: number;
  failed: number;
  skipped: number;
  tables: number;
  cells: number;
  bytes: number;
  seconds: number;
  interrupted: boolean;
  /** Failed documents in the database after the run, this run's and those stored before (a resumed run counts them `unchanged`). */
  failedInDatabase: number;
}

/** What the main thread found out about a file before (or instead of) extracting it. */
type Prepared =
  | { kind: 'unchanged' | 'skipped'; source: string; bytes: number }
  /** Stopped by Ctrl-C before its extraction finished: not written, redone by the next run. */
  | { kind: 'interrupted'; source: string; bytes: number }
  | { kind: 'extracted'; source: string; sha256: string; bytes: number; previous: boolean; result: PackedResult };

/**
 * Extracts every file under `paths` into the store at `options.db` — a SQLite file or a
 * postgres:// URL (src/store/run-store.ts), under the database's run lock. Files are streamed
 * from the walk, hashed on the main thread, parsed by worker threads, and written by the one
 * writer in discovery order, one transaction per document — so ids are the same however the
 * workers finish, and a killed run leaves only whole documents behind. A write the database
 * refuses for a reason other than the document (PostgreSQL gone, a disk full) stops the run and
 * is thrown once the run is recorded, if it can be.
 */
export async function runCorpus(paths: string[], options: RunOptions): Promise<RunSummary> {
  const started = Date.now();
  const opened = await openRunStore(options.db);
  const store = opened.store;
  const jobs = options.jobs ?? defaultJobs();
  const pool: ExtractionPool = jobs > 0 ? createWorkerPool(jobs) : createInlinePool();
  const stop = () => {
    s.interrupted = true;
    pool.interrupt();
  };
  const extractorVersions = { ...Object.fromEntries(Object.entries(EXTRACTORS).map(([f, e]) => [f, `${e!.name}@${e!.version}`])), stages: STAGE_VERSIONS };
  let runId: number;
  try {
    ({ id: runId } = await store.beginRun({ toolVersion: TOOL_VERSION, extractorVersions, options: { paths, force: !!options.force, jobs, onlyFormat: options.onlyFormat ?? null, docTimeout: options.docTimeout ?? null, pdf: extractionFlags('pdf', options.extract) } }));
  } catch (e) {
    await pool.close();
    await opened.close();
    throw e;
  }
  const s: RunSummary = { runId, files: 0, new: 0, changed: 0, unchanged: 0, failed: 0, skipped: 0, tables: 0, cells: 0, bytes: 0, seconds: 0, interrupted: false, failedInDatabase: 0 };
  if (options.signal?.aborted) stop();
  else options.signal?.addEventListener('abort', stop, { once: true });
  const progress = options.progress ? createProgress(null) : null;
  // the run's own database is never a document; a postgres:// URL names no file of the walk
  const discovery = isPostgresUrl(options.db) ? {} : { database: options.db };
  // a second, cheap walk counts the files while the first one feeds the workers
  if (progress) void countFiles(paths, options.signal, discovery).then((n) => progress.setTotal(n));

  const done = new Map<number, Prepared>();
  let nextToWrite = 0;
  // pages read by OCR, for the progress line: they take seconds each where a text page takes milliseconds
  let ocrPages = 0;
  let writeError: unknown;
  const writeReady = async () => {
    // once stopped nothing more is written: documents are stored in discovery order (their ids),
    // so one finished after a stopped one waits for the next run, which redoes both
    for (let p = done.get(nextToWrite); p && !s.interrupted; p = done.get(nextToWrite)) {
      if (p.kind === 'interrupted') return;
      done.delete(nextToWrite++);
      const event = await write(store, runId, p, options.extract);
      s[event.outcome]++;
      s.tables += event.tables;
      s.cells += event.cells;
      s.bytes += p.bytes;
      options.onDocument?.(event);
      if (p.kind === 'extracted' && p.result.ok) ocrPages += p.result.packed.head.ocrPages;
      progress?.update(nextToWrite, { ...(s as unknown as Record<string, number>), ocrPages });
    }
  };
  // one write at a time, in order: each flush waits for the one before it
  let writing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> =>
    (writing = writing.then(writeReady).catch((e) => {
      writeError ??= e;
      stop();
    }));

  // twice as many documents in flight as workers, so a worker never waits while the writer writes
  const queue = new PQueue({ concurrency: Math.max(1, jobs) * 2 });
  try {
    let seq = 0;
    const roots = new DiscoveryRoots(paths);
    for (const file of discoverFiles(paths, discovery)) {
      if (s.interrupted) break;
      await queue.onSizeLessThan(Math.max(2, jobs * 2));
      if (s.interrupted) break;
      const mine = seq++;
      s.files++;
      void queue.add(async () => {
        done.set(mine, await prepare(store, pool, file, roots, options).catch((e) => ((writeError ??= e), stop(), { kind: 'interrupted' as const, source: file, bytes: 0 })));
        await flush();
      });
    }
    await queue.onIdle();
    await flush();
  } finally {
    options.signal?.removeEventListener('abort', stop);
    progress?.finish();
    await pool.close();
    s.seconds = (Date.now() - started) / 1000;
    try {
      s.failedInDatabase = (await store.countDocuments()).failed;
      const { runId: _, ...counts } = s;
      await store.finishRun(runId, counts as unknown as Record<string, number>);
    } catch (e) {
      // the database the writes failed on cannot take the run's counts either: the write's error is the one to tell
      writeError ??= e;
    } finally {
      await opened.close();
    }
  }
  if (writeError !== undefined) throw writeError;
  return s;
}

async function prepare(store: TargetStore, pool: ExtractionPool, file: string, roots: DiscoveryRoots, options: RunOptions): Promise<Prepared> {
  const read = await readSource(file, roots);
  if (read.kind === 'failed') return failed(read.source, '', read.bytes, read.error);
  const { source, bytes } = read;
  const sha256 = sha256Hex(bytes);
  const previous = await store.findDocument(source);
  // what a document was extracted with: its bytes, its extractor, the stages after it and the options that shape its format's reading
  const same =
    previous &&
    previous.sha256 === sha256 &&
    previous.stageVersions === STAGE_VERSIONS &&
    isCurrentExtractor(previous.extractorName, previous.extractorVersion) &&
    previous.extractOptions === extractionFlags(previous.format, options.extract);
  if (!options.force && same) return { kind: 'unchanged', source, bytes: bytes.length };
  if (options.onlyFormat && detectFormat(bytes) !== options.onlyFormat) return { kind: 'skipped', source, bytes: bytes.length };
  const result = await pool.extractPacked(bytes, options.extract ?? {}, options.docTimeout ?? defaultDocTimeout(bytes.length));
  if (result === INTERRUPTED) return { kind: 'interrupted', source, bytes: bytes.length };
  return { kind: 'extracted', source, sha256, bytes: bytes.length, previous: !!previous, result };
}

function failed(source: string, sha256: string, bytes: number, error: string): Prepared {
  return { kind: 'extracted', source, sha256, bytes, previous: false, result: { ok: false, format: null, error } };
}

async function write(store: TargetStore, runId: number, p: Exclude<Prepared, { kind: 'interrupted' }>, extract: RunOptions['extract']): Promise<DocumentEvent> {
  if (p.kind !== 'extracted') return { source: p.source, outcome: p.kind, tables: 0, cells: 0 };
  const r = p.result;
  const file = { source: p.source, sha256: p.sha256, bytes: p.bytes, stages: STAGE_VERSIONS, options: extractionFlags(r.ok ? r.packed.head.format : r.format, extract) };
  if (!r.ok) {
    await store.writeDocument(runId, file, { failure: { format: r.format, error: r.error, extractor: { name: 'gongkai', version: TOOL_VERSION } } });
    return { source: p.source, outcome: 'failed', error: r.error, tables: 0, cells: 0 };
  }
  try {
    await store.writeDocument(runId, { ...file, contentHash: r.contentHash }, { packed: r.packed });
  } catch (e) {
    // a document the store refuses (a constraint its values break) fails alone; the transaction
    // was rolled back, so nothing of it is stored. If even its failure cannot be written (disk
    // full, read-only, the server gone), that error ends the run.
    const error = `cannot store the document: ${oneLine(e)}`;
    await store.writeDocument(runId, file, { failure: { format: r.packed.head.format, error, extractor: { name: 'gongkai', version: TOOL_VERSION } } });
    return { source: p.source, outcome: 'failed', error, tables: 0, cells: 0 };
  }
  return { source: p.source, outcome: p.previous ? 'changed' : 'new', tables: r.packed.head.tables, cells: r.packed.head.cells };
}

/** Failed documents are recorded under the tool's own name and version, so a new release retries them. */
export function isCurrentExtractor(name: string | null, version: string | null): boolean {
  if (name === 'gongkai') return version === TOOL_VERSION;
  return Object.values(EXTRACTORS).some((e) => e!.name === name && e!.version === version);
}
