import { redactUrl, runCorpus, RunLockedError, type ExtractOptions } from '../../index.js';
import { terminalSafe } from '../terminal-safe.js';
import { UsageError } from '../usage-error.js';

export { UsageError } from '../usage-error.js';

export const RUN_USAGE = 'gongkai run <paths…> [--db out/gongkai.sqlite | postgres://…] [--jobs N] [--doc-timeout S] [--force] [--only-format F] [--strict] [--verbose | --quiet] [--pages 1-3,7] [--area top,left,bottom,right] [--password PW] [--method lattice|stream|auto | -l | -t] [--table-settings JSON|FILE]';

export interface RunCommandOptions {
  db: string;
  force: boolean;
  jobs: number | undefined;
  /** Seconds a document may take; default by its size. */
  docTimeout?: number | undefined;
  onlyFormat: string | undefined;
  strict: boolean;
  verbose: boolean;
  quiet: boolean;
  /** PDF pages, area, password and table method. */
  extract?: ExtractOptions;
}

/**
 * `gongkai run`: extract files into the store and print a summary. Exit codes: 0 done; 1 there
 * were files but none could be processed; 3 (with --strict) some documents failed; 4 another run
 * holds the database; 130 stopped by Ctrl-C (SIGINT), 143 by SIGTERM.
 */
export async function runCommand(paths: string[], opts: RunCommandOptions): Promise<number> {
  if (paths.length === 0) throw new UsageError(RUN_USAGE);
  const abort = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (abort.signal.aborted) process.exit(exitCodeOf(signal));
    stoppedBy = signal;
    process.stderr.write(`\ngongkai: stopping (${signal}): the documents in flight are dropped and redone by the next run\n`);
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const s = await runCorpus(paths, {
      db: opts.db,
      force: opts.force,
      jobs: opts.jobs,
      ...(opts.docTimeout !== undefined ? { docTimeout: opts.docTimeout } : {}),
      onlyFormat: opts.onlyFormat,
      signal: abort.signal,
      progress: !opts.quiet,
      ...(opts.extract ? { extract: opts.extract } : {}),
      onDocument: (e) => {
        if (opts.quiet || (!opts.verbose && e.outcome !== 'failed')) return;
        const detail = e.outcome === 'failed' ? ` — ${e.error}` : e.outcome === 'new' || e.outcome === 'changed' ? ` (${e.tables} tables, ${e.cells} cells)` : '';
        process.stderr.write(`${terminalSafe(`${e.outcome.padEnd(9)} ${e.source}${detail}`)}\n`);
      },
    });
    console.log(
      `run ${s.runId}${s.interrupted ? ' (interrupted)' : ''}: ${s.files} files — ${s.new} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.failed} failed (${s.failedInDatabase} in the database)` +
        `${s.skipped ? `, ${s.skipped} skipped` : ''}; ${s.tables} tables, ${s.cells} cells; ${s.seconds.toFixed(2)} s → ${redactUrl(opts.db)}`,
    );
    if (s.interrupted) return exitCodeOf(stoppedBy ?? 'SIGINT');
    const processed = s.new + s.changed + s.unchanged + s.skipped;
    if (s.files > 0 && processed === 0) return 1;
    return opts.strict && s.failed > 0 ? 3 : 0;
  } catch (e) {
    if (e instanceof RunLockedError) {
      console.error(`gongkai: ${e.message}`);
      return 4;
    }
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The shell's convention: 128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM). */
const exitCodeOf = (signal: NodeJS.Signals): number => (signal === 'SIGTERM' ? 143 : 130);
