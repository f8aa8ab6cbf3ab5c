import fs from 'node:fs/promises';
import path from 'node:path';
import PQueue from 'p-queue';
import { openStore, type Store } from '../store/index.js';
import { TOOL_VERSION } from '../version.js';
import { STAGE_VERSIONS } from './stage-versions.js';
import { extractionFlags } from './extraction-options.js';
import { countFiles, discoverFiles, DiscoveryRoots, outsideRootsReason } from './discover.js';
import { detectFormat, EXTRACTORS, type ExtractOptions } from '../../extractors/index.js';
import { sniffBytes } from '../../extractors/sniff.js';
import type { PackedResult } from './extract-isolated.js';
import { sha256Hex } from './hash.js';
import { oneLine } from './one-line.js';
import { createProgress } from './progress.js';
import { acquireRunLock } from './run-lock.js';
import { createInlinePool, createWorkerPool, defaultJobs, INTERRUPTED, type ExtractionPool } from './worker-pool.js';

/**
 * Files larger than this are refused with a clear reason instead of being read into memory: the
 * bytes are held by the main thread, the worker and pdfjs at once, beside the worker's heap
 * (WORKER_HEAP_MB).
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/**
 * Text exports of disclosures are a few hundred KB; a text file beyond this is refused unread. A
 * text's tables take about 100 times its size in memory: 16 MB (40 seeds in one file) fit the
 * worker's heap, a 60 MB text reached 4.4 GB.
 */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

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
 * Extracts every file under `paths` into the SQLite store at `options.db`. Files are streamed
 * from the walk, hashed on the main thread, parsed by worker threads, and written by the one
 * writer in discovery order, one transaction per document — so ids are the same however the
 * workers finish, and a killed run leaves only whole documents behind.
 */
export async function runCorpus(paths: string[], options: RunOptions): Promise<RunSummary> {
  const started = Date.now();
  const release = acquireRunLock(options.db);
  const store = openStore(options.db);
  const jobs = options.jobs ?? defaultJobs();
  const pool: ExtractionPool = jobs > 0 ? createWorkerPool(jobs) : createInlinePool();
  const stop = () => {
    s.interrupted = true;
    pool.interrupt();
  };
  const extractorVersions = { ...Object.fromEntries(Object.entries(EXTRACTORS).map(([f, e]) => [f, `${e!.name}@${e!.version}`])), stages: STAGE_VERSIONS };
  const runId = store.beginRun({ toolVersion: TOOL_VERSION, extractorVersions, options: { paths, force: !!options.force, jobs, onlyFormat: options.onlyFormat ?? null, docTimeout: options.docTimeout ?? null, pdf: extractionFlags('pdf', options.extract) } });
  const s: RunSummary = { runId, files: 0, new: 0, changed: 0, unchanged: 0, failed: 0, skipped: 0, tables: 0, cells: 0, bytes: 0, seconds: 0, interrupted: false, failedInDatabase: 0 };
  if (options.signal?.aborted) stop();
  else options.signal?.addEventListener('abort', stop, { once: true });
  const progress = options.progress ? createProgress(null) : null;
  // a second, cheap walk counts the files while the first one feeds the workers
  if (progress) void countFiles(paths, options.signal, { database: options.db }).then((n) => progress.setTotal(n));

  const done = new Map<number, Prepared>();
  let nextToWrite = 0;
  // pages read by OCR, for the progress line: they take seconds each where a text page takes milliseconds
  let ocrPages = 0;
  const flush = () => {
    // once stopped nothing more is written: documents are stored in discovery order (their ids),
    // so one finished after a stopped one waits for the next run, which redoes both
    if (s.interrupted) return;
    for (let p = done.get(nextToWrite); p; p = done.get(nextToWrite)) {
      if (p.kind === 'interrupted') return;
      done.delete(nextToWrite++);
      const event = write(store, runId, p, options.extract);
      s[event.outcome]++;
      s.tables += event.tables;
      s.cells += event.cells;
      s.bytes += p.bytes;
      options.onDocument?.(event);
      if (p.kind === 'extracted' && p.result.ok) ocrPages += p.result.packed.head.ocrPages;
      progress?.update(nextToWrite, { ...(s as unknown as Record<string, number>), ocrPages });
    }
  };

  // twice as many documents in flight as workers, so a worker never waits while the writer writes
  const queue = new PQueue({ concurrency: Math.max(1, jobs) * 2 });
  try {
    let seq = 0;
    const roots = new DiscoveryRoots(paths);
    for (const file of discoverFiles(paths, { database: options.db })) {
      if (s.interrupted) break;
      await queue.onSizeLessThan(Math.max(2, jobs * 2));
      if (s.interrupted) break;
      const mine = seq++;
      s.files++;
      void queue.add(async () => {
        done.set(mine, await prepare(store, pool, file, roots, options));
        flush();
      });
    }
    await queue.onIdle();
    flush();
  } finally {
    options.signal?.removeEventListener('abort', stop);
    progress?.finish();
    await pool.close();
    s.seconds = (Date.now() - started) / 1000;
    s.failedInDatabase = store.countDocuments().failed;
    const { runId: _, ...counts } = s;
    store.finishRun(runId, counts as unknown as Record<string, number>);
    store.close();
    release();
  }
  return s;
}

async function prepare(store: Store, pool: ExtractionPool, file: string, roots: DiscoveryRoots, options: RunOptions): Promise<Prepared> {
  const source = toSourcePath(file);
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!roots.contains(file)) return failed(source, '', 0, outsideRootsReason(stat.isDirectory()));
    if (stat.isDirectory()) return failed(source, '', 0, `cannot read folder: ${await folderError(file)} — its files are not in this run`);
    if (!stat.isFile()) return failed(source, '', 0, `not a regular file (${kindOf(stat)}): skipped unread`);
    const size = stat.size;
    if (size > MAX_FILE_BYTES) return failed(source, '', size, `file too large (${size} bytes; limit ${MAX_FILE_BYTES})`);
    if (size > MAX_TEXT_BYTES && !isContainer(await readHead(file))) {
      return failed(source, '', size, `file too large (${size} bytes) for a text export (limit ${MAX_TEXT_BYTES})`);
    }
    bytes = await fs.readFile(file);
  } catch (e) {
    return failed(source, '', 0, `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const sha256 = sha256Hex(bytes);
  const previous = store.findDocument(source);
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

export async function readHead(file: string): Promise<Uint8Array> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** PDF and zip (docx) files may be large; they are read. */
export function isContainer(head: Uint8Array): boolean {
  const kind = sniffBytes(head);
  return kind === 'pdf' || kind === 'zip' || kind === 'ole';
}

function failed(source: string, sha256: string, bytes: number, error: string): Prepared {
  return { kind: 'extracted', source, sha256, bytes, previous: false, result: { ok: false, format: null, error } };
}

function write(store: Store, runId: number, p: Exclude<Prepared, { kind: 'interrupted' }>, extract: RunOptions['extract']): DocumentEvent {
  if (p.kind !== 'extracted') return { source: p.source, outcome: p.kind, tables: 0, cells: 0 };
  const r = p.result;
  const file = { source: p.source, sha256: p.sha256, bytes: p.bytes, stages: STAGE_VERSIONS, options: extractionFlags(r.ok ? r.packed.head.format : r.format, extract) };
  if (!r.ok) {
    store.writeDocument(runId, file, { failure: { format: r.format, error: r.error, extractor: { name: 'gongkai', version: TOOL_VERSION } } });
    return { source: p.source, outcome: 'failed', error: r.error, tables: 0, cells: 0 };
  }
  try {
    store.writeDocument(runId, { ...file, contentHash: r.contentHash }, { packed: r.packed });
  } catch (e) {
    // a document the store refuses (a constraint its values break) fails alone; the transaction
    // was rolled back, so nothing of it is stored. If even its failure cannot be written (disk
    // full, read-only), that error ends the run.
    const error = `cannot store the document: ${oneLine(e)}`;
    store.writeDocument(runId, file, { failure: { format: r.packed.head.format, error, extractor: { name: 'gongkai', version: TOOL_VERSION } } });
    return { source: p.source, outcome: 'failed', error, tables: 0, cells: 0 };
  }
  return { source: p.source, outcome: p.previous ? 'changed' : 'new', tables: r.packed.head.tables, cells: r.packed.head.cells };
}

/** Failed documents are recorded under the tool's own name and version, so a new release retries them. */
export function isCurrentExtractor(name: string | null, version: string | null): boolean {
  if (name === 'gongkai') return version === TOOL_VERSION;
  return Object.values(EXTRACTORS).some((e) => e!.name === name && e!.version === version);
}

/** Sources are stored relative to the working directory with forward slashes, as users typed them. */
export function toSourcePath(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return (rel.startsWith('..') ? path.resolve(file) : rel).split(path.sep).join('/');
}

/** Why a folder cannot be listed (the walk found it so). */
async function folderError(dir: string): Promise<string> {
  try {
    await fs.readdir(dir);
    return 'unreadable';
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
}

function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a file';
}
