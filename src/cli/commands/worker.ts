import { redactUrl, runWorker } from '../../index.js';

export interface WorkerCommandOptions {
  queue: string;
  queueName?: string;
  db: string;
  jobs: number;
  stalledSeconds?: number;
  verbose: boolean;
}

/**
 * `gongkai worker`: extracts the documents of the queue into the database until SIGTERM or
 * Ctrl-C, after which it finishes the documents it holds and exits 0.
 */
export async function workerCommand(opts: WorkerCommandOptions): Promise<number> {
  const abort = new AbortController();
  const stop = (signal: string) => () => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write(`gongkai worker: ${signal}, finishing the documents in hand\n`);
    abort.abort();
  };
  const onTerm = stop('SIGTERM');
  const onInt = stop('SIGINT');
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  process.stderr.write(`gongkai worker ${process.pid}: ${redactUrl(opts.queue)} → ${redactUrl(opts.db)}, ${opts.jobs} at a time\n`);
  try {
    const s = await runWorker({
      queue: opts.queue,
      db: opts.db,
      jobs: opts.jobs,
      ...(opts.queueName ? { queueName: opts.queueName } : {}),
      ...(opts.stalledSeconds !== undefined ? { stalledSeconds: opts.stalledSeconds } : {}),
      signal: abort.signal,
      onEvent: (e) => {
        if (e.kind === 'start' && opts.verbose) process.stderr.write(`start     ${e.source}\n`);
        else if (e.kind === 'done' && (opts.verbose || e.result!.outcome === 'failed')) process.stderr.write(`${e.result!.outcome.padEnd(9)} ${e.result!.source}${e.result!.error ? ` — ${e.result!.error}` : ''}\n`);
        else if (e.kind === 'retry') process.stderr.write(`retry     ${e.source ?? '?'} — ${e.message}\n`);
        else if (e.kind === 'error') process.stderr.write(`gongkai worker: ${e.message}\n`);
      },
    });
    process.stderr.write(`gongkai worker ${process.pid}: stopped after ${s.done} documents (${s.retried} attempts failed and were left to the queue)\n`);
    return 0;
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
  }
}
