import fs from 'node:fs';
import { LookupError } from './lookup-error.js';
import { openStore, type Store } from './store.js';

/**
 * Opens a database that is there already, for reading (show, export, check, diff, runs, review
 * and the public API's readers). A path that holds no database is refused — never created
 * empty, so a mistyped path says so instead of reading nothing; a file that is no SQLite
 * database is refused in one line.
 */
export function openExistingStore(db: string): Store {
  if (!fs.existsSync(db)) throw new LookupError(`no database at ${db} (make one with \`gongkai run <paths…> --db ${db}\`)`);
  if (!fs.statSync(db).isFile()) throw new LookupError(`${db} is not a database file`);
  try {
    return openStore(db);
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('SQLITE_')) throw new LookupError(`${db} is not a gongkai database: ${(e as Error).message}`);
    throw e;
  }
}
