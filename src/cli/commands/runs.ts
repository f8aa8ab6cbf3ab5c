
import { openDatabase } from '../../index.js';

/** `gongkai runs`: the runs recorded in the database, newest last. */
export function runsCommand(opts: { db: string }): number {
  const store = openDatabase(opts.db);
  try {
    for (const r of store.listRuns()) {
      const secs = r.finishedAt ? ((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000).toFixed(2) + ' s' : 'unfinished';
      const c = r.counts ?? {};
      const counts = r.counts ? `${c.files} files: ${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.failed} failed${c.interrupted ? ' (interrupted)' : ''}` : 'no counts (killed?)';
      const extractors = Object.values(r.extractorVersions).join(' ');
      console.log(`run ${r.id}  ${r.startedAt}  ${secs}  gongkai ${r.toolVersion}  ${extractors}\n    ${counts}  options ${JSON.stringify(r.options)}`);
    }
    return 0;
  } finally {
    store.close();
  }
}
