import { openDatabase, search, type SearchHit } from '../../index.js';
import { UsageError } from '../usage-error.js';

export const SEARCH_USAGE = 'gongkai search <text> [--db DB] [--limit 50]';

/** `gongkai search`: the table titles, row labels and prose holding a text, each with its file:line (or page). */
export function searchCommand(opts: { db: string; query: string | undefined; limit: number }): number {
  if (!opts.query?.trim()) throw new UsageError(SEARCH_USAGE);
  if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new UsageError(`--limit takes a whole number ≥ 1`);
  const store = openDatabase(opts.db);
  try {
    // one more than shown tells whether there are more
    const hits = search(store, opts.query, { limit: opts.limit + 1 });
    for (const h of hits.slice(0, opts.limit)) console.log(formatHit(h));
    const more = hits.length > opts.limit ? ` (the first ${opts.limit}; --limit N for more)` : '';
    console.log(`${Math.min(hits.length, opts.limit)} hit(s) for "${opts.query.trim()}"${more}`);
    return 0;
  } finally {
    store.close();
  }
}

function formatHit(h: SearchHit): string {
  const where = h.line !== null ? `${h.source}:${h.line}` : h.page !== null ? `${h.source} p.${h.page}` : h.source;
  const table = h.tableOrd !== null && h.kind !== 'prose' ? `  [${h.tableOrd + 1}] ${h.tableTitle ?? '(untitled)'}` : '';
  if (h.kind === 'title') return `${where}  title${table}`;
  const text = h.text.replace(/\s+/g, ' ');
  return `${where}  ${h.kind}${table}  ${text.length > 100 ? `${text.slice(0, 99)}…` : text}`;
}
