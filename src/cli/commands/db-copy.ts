import { copyDatabase, redactUrl } from '../../index.js';
import { UsageError } from '../usage-error.js';

/** `gongkai db copy --from A --to B`: a whole dataset from SQLite to PostgreSQL or back. */
export async function dbCopyCommand(opts: { from?: string; to?: string }): Promise<number> {
  if (!opts.from || !opts.to) throw new UsageError('gongkai db copy --from out/gongkai.sqlite --to postgres://… (or back)');
  try {
    const s = await copyDatabase(opts.from, opts.to);
    console.log(`copied ${s.rows} rows of ${s.tables} tables: ${redactUrl(opts.from)} → ${redactUrl(opts.to)}`);
    return 0;
  } catch (e) {
    console.error(`gongkai db copy: ${(e as Error).message}`);
    return 1;
  }
}
