/**
 * gongkai as a library: what the `gongkai` commands do, as functions (the commands in
 * src/cli/commands/ are thin scripts over these — argument parsing and printing). Documents,
 * tables, cells and checks come typed with the types of src/model (zod schemas, exported too,
 * to validate with).
 *
 *   const summary = await runCorpus(['corpus'], { db: 'out/gongkai.sqlite' });
 *   const store = openDatabase('out/gongkai.sqlite');
 *   const doc = readDocument(store, 'corpus/000_0018174054ff74da.txt')?.document;
 *   const failed = checkReport(store).checks;
 *   store.close();
 */
import type { RunOptions, RunSummary } from './pipeline/run-corpus.js';
import type { QueuedRunOptions, QueuedRunSummary } from './queue/enqueue.js';
import type { QueueCounts } from './queue/queue-counts.js';
import type { WorkerOptions, WorkerSummary } from './queue/worker.js';
import type { ReviewServer } from './review/index.js';
import type { CopySummary } from './store/postgres/copy.js';
import { LookupError, type SearchHit, type Store, type StoredDocument } from './store/index.js';

export * from './model/index.js';
export { TOOL_VERSION } from './version.js';

// run a corpus
export type { DocumentEvent, Outcome, RunOptions, RunSummary } from './pipeline/run-corpus.js';
export type { ExtractOptions } from './pipeline/extract-document.js';
export { RunLockedError } from './pipeline/run-lock.js';

// open a store
export { openStore, Store, type RunInfo, type SourceFile, type StoredDocument, type StoredDocumentInfo, type StoredResult } from './store/index.js';
export { LookupError, openExistingStore as openDatabase } from './store/index.js';
export type { CopySummary } from './store/postgres/copy.js';

// export
export { bodyRows, CsvExportError, exportCsv, exportJson, STDOUT, writeExportJson } from './export/index.js';
export { writeFacts, factFormatOf, type FactFormat } from './export/facts.js';

// check
export { checkReport, type CheckReport, type CheckReportOptions } from './store/index.js';
export type { CheckSummary, StoredCheck, FailedCheck } from './store/index.js';

// diff runs
export { compareDocument, compareRuns, type RunComparison, type VersionChange } from './pipeline/compare-runs.js';
export { diffDocuments, type CellChange, type DocumentDiff, type TableChange } from './pipeline/diff-documents.js';
export type { DocumentVersion } from './store/index.js';

// search
export type { SearchHit } from './store/index.js';

// past one machine: a job queue and PostgreSQL
export type { QueuedRunOptions, QueuedRunSummary } from './queue/enqueue.js';
export type { GivenUpJob, QueueCounts } from './queue/queue-counts.js';
export type { WorkerOptions, WorkerSummary } from './queue/worker.js';
export { isPostgresUrl } from './store/target-store.js';
export { redactUrl } from './store/redact-url.js';

// review
export type { ReviewServer } from './review/index.js';

/**
 * Extracts every file under `paths` into the SQLite database `options.db` (created when
 * missing); unchanged documents are skipped. The extractors are loaded when it is called, so
 * that a program that only reads a database never loads them.
 */
export async function runCorpus(paths: string[], options: RunOptions): Promise<RunSummary> {
  return (await import('./pipeline/run-corpus.js')).runCorpus(paths, options);
}

/**
 * One stored document — file info, status and its Document (null when it failed) — by id, exact
 * source path, sha256 prefix of 4+ hex digits, or a part of its source path that only it holds
 * (a file name); undefined when nothing matches. Throws when a sha256 prefix or a part of a path
 * matches several documents.
 */
export function readDocument(store: Store, key: number | string): StoredDocument | undefined {
  const found = store.readStoredDocument(key);
  if (found || typeof key === 'number') return found;
  const matches = store.findDocuments(key);
  if (matches.length > 1) throw new LookupError(`"${key}" matches ${matches.length} documents: ${matches.map((m) => m.source).join(', ')}`);
  return matches[0] && store.readStoredDocument(matches[0].id);
}

/**
 * The table titles, row labels and prose that hold `text` (any Chinese substring), by source,
 * page and line; at most `limit` (50) hits.
 */
export function search(store: Store, text: string, options: { limit?: number } = {}): SearchHit[] {
  return store.search(text, options.limit ?? 50);
}

/**
 * Copies a whole dataset between a SQLite file and a PostgreSQL database (`postgres://…`), either
 * way; the target must hold no dataset yet. The PostgreSQL client is loaded only when called.
 */
export async function copyDatabase(from: string, to: string): Promise<CopySummary> {
  return (await import('./store/postgres/copy.js')).copyDatabase(from, to);
}

/**
 * Queues one job per document on the BullMQ queue at `options.queue` for workers (runWorker) to
 * extract into `options.db` (SQLite or postgres://), waits for them and records the run.
 */
export async function runQueued(paths: string[], options: QueuedRunOptions): Promise<QueuedRunSummary> {
  return (await import('./queue/enqueue.js')).runQueued(paths, options);
}

/** Takes documents from the queue, extracts and writes them, until `options.signal` stops it (finishing the documents in hand). */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  return (await import('./queue/worker.js')).runWorker(options);
}

/** The counts of the queue at `url` (redis://…) by state, and the first jobs it gave up on. */
export async function queueCounts(url: string, options: { queueName?: string; shownFailed?: number } = {}): Promise<QueueCounts> {
  return (await import('./queue/queue-counts.js')).queueCounts(url, options);
}

/** Where the review pages find the sources and what they call the database. */
export interface ReviewOptions {
  /** The folder relative source paths are read from (where the run was started); default the current folder. */
  root?: string;
  /** The database's name on the pages; default the store's file. */
  name?: string;
}

async function reviewData(store: Store, options: ReviewOptions) {
  const { ReviewData } = await import('./review/index.js');
  const path = await import('node:path');
  return new ReviewData(store, options.name ?? store.file, path.resolve(options.root ?? '.'));
}

/** Writes the review pages of `store` into `outDir` as files that open from disk; returns how many files were written. */
export async function writeReviewSite(store: Store, outDir: string, options: ReviewOptions = {}): Promise<number> {
  const { writeStaticSite } = await import('./review/index.js');
  return writeStaticSite(await reviewData(store, options), outDir);
}

/** Serves the review pages of `store` (on loopback unless `host` says otherwise; port 0 for any free one) until closed. */
export async function serveReview(store: Store, options: ReviewOptions & { host?: string; port?: number } = {}): Promise<ReviewServer> {
  const { startReviewServer } = await import('./review/index.js');
  return startReviewServer(await reviewData(store, options), { ...(options.host !== undefined ? { host: options.host } : {}), ...(options.port !== undefined ? { port: options.port } : {}) });
}
