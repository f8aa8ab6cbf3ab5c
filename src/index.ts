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
