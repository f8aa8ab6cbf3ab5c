import { z } from 'zod';

/**
 * One document to extract, as `gongkai run --queue` puts it on the queue and `gongkai worker`
 * takes it: where the file is (a path every worker sees on shared storage — the bytes never go
 * through Redis), what its bytes were when queued, and the run and document id it is written under.
 */
export const QueueJob = z.object({
  /** The run in the database that queued it; a worker checks that its database has this run. */
  runId: z.number().int().positive(),
  /** When that run started (`run.started_at`): a run id alone does not tell two databases apart. */
  runStartedAt: z.string(),
  /** The path as stored (relative to the working directory of `run`, forward slashes). */
  source: z.string(),
  /** The absolute path the worker reads. */
  path: z.string(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  /**
   * The id a new document gets, handed out in discovery order by the run: the ids are those of a
   * local run, whichever worker finishes first. Absent for a document already stored (it keeps its id).
   */
  documentId: z.number().int().positive().optional(),
  force: z.boolean(),
  onlyFormat: z.string().optional(),
  docTimeout: z.number().positive().optional(),
  /** PDF pages, area, table method and OCR mode; never a password (it would sit in Redis). */
  extract: z.object({
    pages: z.array(z.number().int().positive()).optional(),
    area: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
    method: z.enum(['lattice', 'stream', 'auto']).optional(),
    ocr: z.enum(['auto', 'force', 'off']).optional(),
  }),
});
export type QueueJob = z.infer<typeof QueueJob>;

/** What a worker did with a job: the outcome a local run would have counted for the document. */
export const QueueJobResult = z.object({
  source: z.string(),
  outcome: z.enum(['new', 'changed', 'unchanged', 'failed', 'skipped']),
  error: z.string().optional(),
  tables: z.number().int().nonnegative(),
  cells: z.number().int().nonnegative(),
});
export type QueueJobResult = z.infer<typeof QueueJobResult>;
