import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

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
  const broken = conn
    .prepare(
      `select d.source from document d where d.status != 'failed' and (
         (select count(*) from doc_table t where t.document_id = d.id) != (select count(*) from block b where b.document_id = d.id and b.type = 'table')
         or exists (select 1 from doc_table t where t.document_id = d.id and t.n_rows + t.header_rows > 0
                    and (select count(distinct row) from cell c where c.document_id = d.id and c.table_ord = t.ord) != t.n_rows + t.header_rows))`,
    )
    .all() as { source: string }[];
  for (const b of broken) problems.push(`half-written document: ${b.source}`);
  conn.close();
  return problems;
}
