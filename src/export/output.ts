import fs from 'node:fs';
import path from 'node:path';

/** Where an export goes: `-` is standard output, anything else a file. */
export const STDOUT = '-';

/** An export being written: text in pieces, then `commit` (the whole file appears) or `abort` (nothing does). */
export interface Output {
  write(text: string): void;
  commit(): void;
  abort(): void;
}

/**
 * Opens an export target. A file is written into a temporary file beside it and renamed at
 * `commit`, so a failed export leaves no half file and never clobbers the previous one; `-`
 * writes to standard output as it goes (for `gongkai export … --out - | jq`).
 */
export function openOutput(target: string): Output {
  if (target === STDOUT) return { write: (text) => writeAll(1, text), commit: () => undefined, abort: () => undefined };
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  let open = true;
  const close = () => {
    if (open) fs.closeSync(fd);
    open = false;
  };
  return {
    write: (text) => writeAll(fd, text),
    commit: () => {
      close();
      fs.renameSync(tmp, target);
    },
    abort: () => {
      try {
        close();
      } finally {
        fs.rmSync(tmp, { force: true });
      }
    },
  };
}

/** Writes all of `text`, waiting out EAGAIN on a non-blocking pipe (stdout into `head` or a slow reader). */
function writeAll(fd: number, text: string): void {
  let buf = Buffer.from(text, 'utf8');
  while (buf.length > 0) {
    try {
      buf = buf.subarray(fs.writeSync(fd, buf));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}
