import fs from 'node:fs';
import path from 'node:path';

/** Thrown when another live process is running into the same database. */
export class RunLockedError extends Error {
  override name = 'RunLockedError';
}

/**
 * One writer per database: a lock file beside it holding the writer's pid. A lock left by a
 * process that no longer exists (killed with SIGKILL, a crash) is taken over.
 */
export function acquireRunLock(db: string): () => void {
  const file = `${db}.lock`;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new RunLockedError(`another gongkai run (pid ${pid}) is writing to ${db}; wait for it to finish or stop it (its lock: ${file})`);
      }
      fs.rmSync(file, { force: true }); // stale: its writer is gone
    }
  }
  throw new RunLockedError(`could not lock ${db}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
