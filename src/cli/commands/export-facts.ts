import { factFormatOf, openDatabase, STDOUT, writeFacts } from '../../index.js';
import { UsageError } from '../usage-error.js';

/** How `gongkai export --format facts` is called. */
export const EXPORT_FACTS_USAGE = 'gongkai export --db DB --format facts --out facts.csv|facts.jsonl|- [--jsonl]';

/** `gongkai export --format facts`: the `fact` view, one row per amount cell, as CSV or JSON Lines (by the file name, or `--jsonl`). */
export function exportFactsCommand(opts: { db: string; out: string | undefined; jsonl?: boolean }): number {
  if (!opts.out) throw new UsageError(EXPORT_FACTS_USAGE);
  const store = openDatabase(opts.db);
  try {
    const n = writeFacts(store, opts.out, opts.jsonl ? 'jsonl' : factFormatOf(opts.out));
    if (opts.out === STDOUT) console.error(`wrote ${n} facts to standard output`);
    else console.log(`wrote ${n} facts to ${opts.out}`);
  } finally {
    store.close();
  }
  return 0;
}
