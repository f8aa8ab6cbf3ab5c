import { runCorpus } from '../../pipeline/run-corpus.js';

export const RUN_USAGE = 'gongkai run <paths…> [--db out/gongkai.sqlite] [--force]';

/** `gongkai run`: extract files into the store and print a summary. Exit code 1 only if nothing could be processed. */
export function runCommand(paths: string[], opts: { db: string; force: boolean; quiet: boolean }): number {
  if (paths.length === 0) throw new UsageError(RUN_USAGE);
  const summary = runCorpus(paths, {
    db: opts.db,
    force: opts.force,
    onDocument: (e) => {
      if (opts.quiet) return;
      const detail = e.outcome === 'failed' ? ` — ${e.error}` : e.outcome === 'unchanged' ? '' : ` (${e.tables} tables, ${e.cells} cells)`;
      process.stderr.write(`${e.outcome.padEnd(9)} ${e.source}${detail}\n`);
    },
  });
  const s = summary;
  console.log(
    `run ${s.runId}: ${s.files} files — ${s.new} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.failed} failed; ` +
      `${s.tables} tables, ${s.cells} cells; ${s.seconds.toFixed(2)} s → ${opts.db}`,
  );
  const processed = s.new + s.changed + s.unchanged;
  return s.files > 0 && processed === 0 ? 1 : 0;
}

/** A mistake in how the command was called. */
export class UsageError extends Error {
  override name = 'UsageError';
}
