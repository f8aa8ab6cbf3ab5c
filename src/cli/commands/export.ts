import { openStore } from '../../store/index.js';
import { exportCsv, writeExportJson } from '../../export/index.js';
import { UsageError } from '../usage-error.js';

export const EXPORT_USAGE = 'gongkai export --db DB --format json|csv --out FILE|DIR';

/** `gongkai export`: the JSON export contract of DESIGN.md, or one CSV per table. */
export function exportCommand(opts: { db: string; format: string; out: string | undefined }): number {
  if (!opts.out) throw new UsageError(EXPORT_USAGE);
  const store = openStore(opts.db);
  try {
    if (opts.format === 'json') writeExportJson(store, opts.out);
    else if (opts.format === 'csv') exportCsv(store, opts.out);
    else throw new UsageError(`unknown format "${opts.format}"; ${EXPORT_USAGE}`);
  } finally {
    store.close();
  }
  console.log(`wrote ${opts.out}`);
  return 0;
}
