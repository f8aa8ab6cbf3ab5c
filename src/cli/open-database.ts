import fs from 'node:fs';
import { openStore, type Store } from '../store/index.js';
import { UsageError } from './commands/run.js';

/**
 * Opens the database a read-only command (show, export, check, diff, runs, review) reads. A path
 * that holds no database is refused — never created empty, so a mistyped `--db` says so instead
 * of printing nothing and exiting 0; a file that is no SQLite database is refused in one line.
 */
export function openExistingStore(db: string): Store {
  if (!fs.existsSync(db)) throw new UsageError(`no database at ${db} (make one with \`gongkai run <paths…> --db ${db}\`)`);
  if (!fs.statSync(db).isFile()) throw new UsageError(`${db} is not a database file`);
  try {
    return openStore(db);
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('SQLITE_')) throw new UsageError(`${db} is not a gongkai database: ${(e as Error).message}`);
    throw e;
  }
}
