import { acquireRunLock } from '../pipeline/run-lock.js';
import { isPostgresUrl, openTargetStore, type TargetStore } from './target-store.js';

/** The store a run writes, with the run's lock on it. */
export interface RunStore {
  store: TargetStore;
  /** Closes the store and gives the database back to the next run. */
  close(): Promise<void>;
}

/**
 * Opens the database a run (`gongkai run`, local or `--queue`) writes — a SQLite file or a
 * postgres:// URL, behind the one TargetStore interface — after taking its run lock: one run per
 * database, since a run hands out the ids of new documents. SQLite's lock is a file beside it
 * (src/pipeline/run-lock.ts), PostgreSQL's an advisory lock (src/store/postgres/run-lock.ts);
 * both throw RunLockedError when another run holds the database. Workers take no lock: they
 * write under the run that queued their jobs.
 */
export async function openRunStore(db: string): Promise<RunStore> {
  let release: () => Promise<void>;
  if (isPostgresUrl(db)) {
    const { acquirePostgresRunLock } = await import('./postgres/run-lock.js');
    release = await acquirePostgresRunLock(db);
  } else {
    const releaseFile = acquireRunLock(db);
    release = async () => releaseFile();
  }
  let store: TargetStore;
  try {
    store = await openTargetStore(db);
  } catch (e) {
    await release();
    throw e;
  }
  return {
    store,
    close: async () => {
      try {
        await store.close();
      } finally {
        await release();
      }
    },
  };
}
