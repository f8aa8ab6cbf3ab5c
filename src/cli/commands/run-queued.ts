import { redactUrl, RunLockedError, runQueued, type ExtractOptions } from '../../index.js';
import { UsageError } from '../usage-error.js';

export interface RunQueuedCommandOptions {
  db: string;
  queue: string;
  queueName?: string;
  force: boolean;
  docTimeout?: number;
  onlyFormat?: string;
  strict: boolean;
  quiet: boolean;
  extract?: ExtractOptions;
}

/**
 * `gongkai run <paths…> --queue redis://…`: queue the documents for `gongkai worker`s, wait for
 * them, and print the same summary as a local run, with the documents the queue gave up on.
 * Exit codes as `run`'s (4: another run holds the database); 130 when stopped by Ctrl-C (the
 * queued jobs stay for the workers).
 */
export async function runQueuedCommand(paths: string[], opts: RunQueuedCommandOptions): Promise<number> {
  if (paths.length === 0) throw new UsageError('gongkai run <paths…> --queue redis://host:6379 [--db out/gongkai.sqlite | postgres://…]');
  if (opts.extract?.password !== undefined) throw new UsageError('--password is not sent through the queue (it would be stored in Redis): run encrypted files without --queue');
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write('\ngongkai: no more jobs queued; the queued ones stay for the workers (Ctrl-C again to quit at once)\n');
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const s = await runQueued(paths, {
      db: opts.db,
      queue: opts.queue,
      ...(opts.queueName ? { queueName: opts.queueName } : {}),
      force: opts.force,
      ...(opts.docTimeout !== undefined ? { docTimeout: opts.docTimeout } : {}),
      ...(opts.onlyFormat ? { onlyFormat: opts.onlyFormat } : {}),
      ...(opts.extract ? { extract: opts.extract } : {}),
      signal: abort.signal,
      onProgress: (p) => {
        if (!opts.quiet) process.stderr.write(`queue: ${p.done}/${p.queued} done${p.deadLetter ? `, ${p.deadLetter} given up` : ''}\n`);
      },
    });
    for (const d of s.deadLetter) process.stderr.write(`given up ${d.source} — ${d.error}\n`);
    console.log(
      `run ${s.runId}${s.interrupted ? ' (interrupted)' : ''}: ${s.files} files — ${s.new} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.failed} failed (${s.failedInDatabase} in the database)` +
        `${s.skipped ? `, ${s.skipped} skipped` : ''}${s.deadLetter.length ? `, ${s.deadLetter.length} given up by the queue` : ''}; ${s.tables} tables, ${s.cells} cells; ${s.seconds.toFixed(2)} s → ${redactUrl(opts.db)}`,
    );
    if (s.interrupted) return 130;
    const processed = s.new + s.changed + s.unchanged + s.skipped;
    if (s.files > 0 && processed === 0) return 1;
    return opts.strict && (s.failed > 0 || s.deadLetter.length > 0) ? 3 : 0;
  } catch (e) {
    if (e instanceof RunLockedError) {
      console.error(`gongkai: ${e.message}`);
      return 4;
    }
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
