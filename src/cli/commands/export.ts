import { CsvExportError, exportCsv, openDatabase, STDOUT, writeExportJson } from '../../index.js';
import { UsageError } from '../usage-error.js';

export const EXPORT_USAGE = 'gongkai export --db DB --format json|csv --out FILE|DIR|-';

/** `gongkai export`: the JSON export contract of docs/DESIGN.md, or one CSV per table. */
export function exportCommand(opts: { db: string; format: string; out: string | undefined }): number {
  if (!opts.out) throw new UsageError(EXPORT_USAGE);
  if (opts.format === 'csv' && opts.out === STDOUT) throw new UsageError('--format csv writes one file per table into a folder; --out - is for json and facts');
  const store = openDatabase(opts.db);
  try {
    if (opts.format === 'json') writeExportJson(store, opts.out);
    else if (opts.format === 'csv') {
      try {
        exportCsv(store, opts.out);
      } catch (e) {
        if (e instanceof CsvExportError) throw new UsageError(e.message);
        throw e;
      }
    }
    else throw new UsageError(`unknown format "${opts.format}"; ${EXPORT_USAGE}`);
  } finally {
    store.close();
  }
  // on standard output the export is the output; the note goes to stderr
  if (opts.out === STDOUT) console.error(`wrote the ${opts.format} export to standard output`);
  else console.log(`wrote ${opts.out}`);
  return 0;
}
