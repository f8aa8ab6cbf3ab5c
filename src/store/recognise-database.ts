import fs from 'node:fs';

/**
 * gongkai's mark in a SQLite header (`pragma application_id`, bytes 68–71): "GKai". Set by every
 * Store that opens a database, so a gongkai database is known by its first 72 bytes, without
 * opening it — a read-only SQLite connection would leave -wal and -shm files behind.
 */
export const GONGKAI_APPLICATION_ID = 0x474b6169;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The files SQLite and gongkai keep beside a database (write-ahead log, shared memory, rollback journal, the run lock). */
export const DATABASE_COMPANIONS = ['-wal', '-shm', '-journal', '.lock'];

/** Whether a file is a gongkai database: a SQLite file carrying gongkai's application id. */
export function isGongkaiDatabase(file: string): boolean {
  let fd: number | undefined;
  try {
    // only a regular file is opened: opening a FIFO blocks until something writes to it
    if (!fs.statSync(file).isFile()) return false;
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(72);
    if (fs.readSync(fd, head, 0, head.length, 0) !== head.length) return false;
    return head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC) && head.readUInt32BE(68) === GONGKAI_APPLICATION_ID;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
