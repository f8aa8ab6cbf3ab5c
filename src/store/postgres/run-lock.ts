import os from 'node:os';
import pg from 'pg';
import { RunLockedError } from '../../pipeline/run-lock.js';
import { redactUrl } from '../redact-url.js';

/**
 * The advisory lock a run holds on a PostgreSQL database for as long as it runs ('gkru'). Advisory
 * locks belong to one database of the server, so this is one run per database, as the lock file
 * beside a SQLite file is (src/pipeline/run-lock.ts).
 */
const RUN_LOCK = 0x676b7275;

/**
 * One run per PostgreSQL database: a session-level advisory lock on a connection of its own,
 * kept open for the whole run. PostgreSQL releases it when that connection ends, however the run
 * ends — a SIGKILLed run leaves no lock behind to take over, unlike a lock file. The connection
 * names the run (`application_name`), so a refused run can say which one holds the database.
 * Throws RunLockedError when another session holds it; gives back the release.
 */
export async function acquirePostgresRunLock(url: string): Promise<() => Promise<void>> {
  const holder = `gongkai run, pid ${process.pid} on ${os.hostname()}`.slice(0, 63);
  const client = new pg.Client({ connectionString: url, application_name: holder, connectionTimeoutMillis: 10_000 });
  // the lock's connection lost (a server restart) is the run's writes failing too: they say so
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [RUN_LOCK]);
    if (!rows[0]!.locked) {
      // a bigint key is held as classid (its high 32 bits) and objid (its low 32 bits), objsubid 1
      const who = await client.query<{ name: string; pid: number }>(
        `select a.application_name as name, a.pid from pg_locks l join pg_stat_activity a on a.pid = l.pid
         where l.locktype = 'advisory' and l.classid = 0 and l.objid = $1 and l.objsubid = 1 and l.granted and l.database = (select oid from pg_database where datname = current_database())`,
        [RUN_LOCK],
      );
      const r = who.rows[0];
      const named = r ? ` (${r.name || 'no name'}; PostgreSQL backend pid ${r.pid})` : '';
      throw new RunLockedError(`another gongkai run${named} is writing to ${redactUrl(url)}; wait for it to finish or stop it`);
    }
  } catch (e) {
    await client.end().catch(() => {});
    throw e;
  }
  return async () => {
    await client.query('select pg_advisory_unlock($1)', [RUN_LOCK]).catch(() => {});
    await client.end().catch(() => {});
  };
}
