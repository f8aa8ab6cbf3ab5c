import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isPostgresUrl } from '../store/target-store.js';

/**
 * The database a read command reads. The read side (export, check, diff, review, show, search,
 * runs) is synchronous SQLite; on a postgres:// URL it reads a snapshot instead — the dataset
 * copied into a temporary SQLite file (`db copy`, one consistent PostgreSQL transaction), removed
 * when the process exits. It costs a full copy per command: for repeated reading of a large
 * dataset, `gongkai db copy` it once and read the file.
 */
export async function readableDatabase(db: string): Promise<string> {
  if (!isPostgresUrl(db)) return db;
  const { copyDatabase } = await import('../index.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-snapshot-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'snapshot.sqlite');
  await copyDatabase(db, file);
  return file;
}
