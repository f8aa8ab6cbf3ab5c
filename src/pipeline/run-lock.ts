import fs from 'node:fs';
import path from 'node:path';

/** Thrown when another live process is running into the same database. */
export class RunLockedError extends Error {
  override name = 'RunLockedError';
}

/**
 * A lock file that holds no pid is taken for stale only once it is this old: gongkai's own locks
 * are never empty (see acquireRunLock), so an empty one is another program's or a crash's.
 */
const EMPTY_LOCK_STALE_MS = 10_000;

/**
 * One writer per database: a lock file beside it holding the writer's pid. The lock appears
 * atomically with its pid already in it — written to a file of this process's own, then
 * hard-linked to the lock's name, which fails if the name exists — so no other run can ever read
 * it empty and take it for stale (two runs wrote at once that way). A lock left by a process that
 * no longer exists (SIGKILL, a crash) is taken over; the take-over itself is done under a second,
 * exclusive `.break` file, so two runs that both find the same stale lock cannot both win.
 */
export function acquireRunLock(db: string): () => void {
  const file = `${db}.lock`;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const mine = `${file}.${process.pid}`;
  fs.writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.linkSync(mine, file);
        return () => {
          try {
            if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
          } catch {
            // already gone
          }
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        breakIfStale(file, db);
      }
    }
  } finally {
    fs.rmSync(mine, { force: true });
  }
  throw new RunLockedError(`could not lock ${db}: its lock ${file} keeps coming back`);
}

/** Removes the lock if its writer is gone; throws RunLockedError if it is alive. */
function breakIfStale(file: string, db: string): void {
  const breaker = `${file}.break`;
  try {
    fs.writeFileSync(breaker, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // another run is breaking it right now — unless that run died doing it
    if (ageMs(breaker) > EMPTY_LOCK_STALE_MS) fs.rmSync(breaker, { force: true });
    return;
  }
  try {
    // read again under the breaker: the lock may be a new, live run's by now
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return; // gone meanwhile
    }
    const pid = Number(text);
    if (Number.isInteger(pid) && pid > 0) {
      if (pid !== process.pid && isAlive(pid)) throw new RunLockedError(`another gongkai run (pid ${pid}) is writing to ${db}; wait for it to finish or stop it (its lock: ${file})`);
    } else if (ageMs(file) < EMPTY_LOCK_STALE_MS) {
      throw new RunLockedError(`${db} is locked by ${file}, which names no process; if no gongkai run is writing to it, remove that file`);
    }
    fs.rmSync(file, { force: true }); // stale: its writer is gone
  } finally {
    fs.rmSync(breaker, { force: true });
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
