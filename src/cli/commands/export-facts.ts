import { factFormatOf, writeFacts } from '../../export/facts.js';
import { openStore } from '../../store/index.js';
import { UsageError } from '../usage-error.js';

/** How `gongkai export --format facts` is called. */
export const EXPORT_FACTS_USAGE = 'gongkai export --db DB --format facts --out facts.csv|facts.jsonl';

/** `gongkai export --format facts`: the `fact` view, one row per amount cell, as CSV or JSON Lines (by the file name). */
export function exportFactsCommand(opts: { db: string; out: string | undefined }): number {
  if (!opts.out) throw new UsageError(EXPORT_FACTS_USAGE);
  const store = openStore(opts.db);
  try {
    const n = writeFacts(store, opts.out, factFormatOf(opts.out));
    console.log(`wrote ${n} facts to ${opts.out}`);
  } finally {
    store.close();
  }
  return 0;
}
