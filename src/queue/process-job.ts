import { UnrecoverableError } from 'bullmq';
import type { QueueJob, QueueJobResult } from '../model/index.js';
import { detectFormat } from '../../extractors/index.js';
import { extractionFlags } from '../pipeline/extraction-options.js';
import { sha256Hex } from '../pipeline/hash.js';
import { oneLine } from '../pipeline/one-line.js';
import { readSource } from '../pipeline/read-source.js';
import { defaultDocTimeout, isCurrentExtractor } from '../pipeline/run-corpus.js';
import { STAGE_VERSIONS } from '../pipeline/stage-versions.js';
import type { ExtractionPool } from '../pipeline/worker-pool.js';
import type { SourceFile, StoredResult } from '../store/index.js';
import type { TargetStore } from '../store/target-store.js';
import { TOOL_VERSION } from '../version.js';

/** What a worker processes jobs with: its store, its extraction threads, and the runs it has checked. */
export interface JobContext {
  store: TargetStore;
  pool: ExtractionPool;
  runs: Map<number, string | undefined>;
}

/**
 * One job, as a local run does one document: read the file, extract it in a worker thread, write
 * it in one transaction. It may come more than once (a worker killed after writing, before the
 * queue heard): a document already written by this run with these bytes and versions is not
 * written again. What the document's bytes cause (a parse error, a timeout) is stored as a failed
 * document, as locally; what the machinery causes (the file unreadable on this machine, the
 * database unreachable) throws, and the queue retries the job later, elsewhere maybe.
 */
export async function processJob(job: QueueJob, ctx: JobContext): Promise<QueueJobResult> {
  const { store, pool } = ctx;
  if (!ctx.runs.has(job.runId)) ctx.runs.set(job.runId, await store.runStartedAt(job.runId));
  if (ctx.runs.get(job.runId) !== job.runStartedAt) {
    throw new UnrecoverableError(`run ${job.runId} (started ${job.runStartedAt}) is not in ${store.location}: this worker writes to another database than the run that queued the job`);
  }
  const extract = job.extract;
  const base = { source: job.source, tables: 0, cells: 0 };
  const previous = await store.findDocument(job.source);
  const same =
    previous &&
    previous.sha256 === job.sha256 &&
    previous.stageVersions === STAGE_VERSIONS &&
    isCurrentExtractor(previous.extractorName, previous.extractorVersion) &&
    previous.extractOptions === extractionFlags(previous.format, extract);
  if (same && previous.runId === job.runId) return { ...base, outcome: previous.status === 'failed' ? 'failed' : previous.replacedInRun ? 'changed' : 'new' };
  if (same && !job.force) return { ...base, outcome: 'unchanged' };

  const file: SourceFile = { source: job.source, sha256: '', bytes: 0, stages: STAGE_VERSIONS, options: '' };
  const fail = async (format: string | null, error: string): Promise<QueueJobResult> => {
    await store.writeDocument(job.runId, file, { failure: { format, error, extractor: { name: 'gongkai', version: TOOL_VERSION } } }, { documentId: job.documentId, oncePerRun: true });
    return { ...base, outcome: 'failed', error };
  };
  // read as the run read it (src/pipeline/read-source.ts); the file may have changed since
  const read = await readSource(job.path);
  if (read.kind === 'failed') {
    // not there on this machine (shared storage not mounted, a permission): the queue retries it, elsewhere maybe
    if (read.cause === 'unreadable') throw new Error(`${job.path}: ${read.error}`);
    file.bytes = read.bytes;
    return fail(null, read.error);
  }
  const bytes = read.bytes;
  // the bytes read now are the ones extracted and stored, even if the file changed since it was queued
  file.sha256 = sha256Hex(bytes);
  file.bytes = bytes.length;
  if (job.onlyFormat && detectFormat(bytes) !== job.onlyFormat) return { ...base, outcome: 'skipped' };

  const r = await pool.extractPacked(bytes, extract, job.docTimeout ?? defaultDocTimeout(bytes.length));
  file.options = extractionFlags(r.ok ? r.packed.head.format : r.format, extract);
  if (!r.ok) return fail(r.format, r.error);
  const result: StoredResult = { packed: r.packed };
  try {
    await store.writeDocument(job.runId, { ...file, contentHash: r.contentHash }, result, { documentId: job.documentId, oncePerRun: true });
  } catch (e) {
    // a document the store refuses fails alone, as in a local run; anything else (the database
    // down, busy, full) goes to the queue, which retries the job — a failure stored for it would
    // keep the document failed until a new release
    if (!isDocumentFault(e)) throw e;
    return fail(r.packed.head.format, `cannot store the document: ${oneLine(e)}`);
  }
  return { ...base, outcome: previous ? 'changed' : 'new', tables: r.packed.head.tables, cells: r.packed.head.cells };
}

/**
 * Whether a write failed because of the document's values — its shape (zod), a constraint of
 * SQLite, a data or integrity error of PostgreSQL (SQLSTATE classes 22 and 23) — rather than
 * because of the database.
 */
export function isDocumentFault(e: unknown): boolean {
  const err = e as { name?: string; code?: unknown };
  if (err?.name === 'ZodError') return true;
  const code = typeof err?.code === 'string' ? err.code : '';
  return code.startsWith('SQLITE_CONSTRAINT') || /^2[23][0-9A-Z]{3}$/.test(code);
}
