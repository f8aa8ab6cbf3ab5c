import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { halfWrittenDocuments } from '../../src/store/index.js';

/**
 * Every row of the content tables in a stable order, without run ids and timestamps — "the same
 * database content" — as a row count and sha256 per table: a corpus run holds ~10⁵ cells, whose
 * JSON would be slow to build and useless to print when two runs differ.
 */
export function dumpContent(db: string): Record<string, string> {
  const conn = new Database(db, { readonly: true });
  const tables = ['document', 'block', 'doc_table', 'column', 'cell', 'diagnostic'];
  const dump: Record<string, string> = {};
  for (const t of tables) {
    const cols = (conn.prepare(`select name from pragma_table_info('${t}')`).all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => !['run_id', 'extracted_at'].includes(c));
    const hash = createHash('sha256');
    let n = 0;
    for (const row of conn.prepare(`select ${cols.map((c) => `"${c}"`).join(',')} from "${t}" order by 1, 2, 3`).raw().iterate()) {
      hash.update(JSON.stringify(row));
      hash.update('\n');
      n++;
    }
    dump[t] = `${n} rows ${hash.digest('hex')}`;
  }
  conn.close();
  return dump;
}

/** Structural soundness of a store: SQLite's own check and every ok document whole. */
export function checkConsistency(db: string): string[] {
  const conn = new Database(db, { readonly: true });
  const problems: string[] = [];
  const integrity = conn.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
  const fk = conn.pragma('foreign_key_check') as unknown[];
  if (fk.length) problems.push(`foreign_key_check: ${fk.length} rows`);
  const broken = halfWrittenDocuments(conn);
  for (const source of broken) problems.push(`half-written document: ${source}`);
  conn.close();
  return problems;
}
