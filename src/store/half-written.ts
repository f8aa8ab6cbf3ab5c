import type Database from 'better-sqlite3';

/**
 * Stored documents that are not whole: an ok document whose table blocks, tables and cell rows
 * do not add up, as a write cut short would leave them. Empty for a sound database.
 */
export function halfWrittenDocuments(db: Database.Database): string[] {
  const rows = db
    .prepare(
      `select d.source from document d where d.status != 'failed' and (
         (select count(*) from doc_table t where t.document_id = d.id) != (select count(*) from block b where b.document_id = d.id and b.type = 'table')
         or exists (select 1 from doc_table t where t.document_id = d.id and t.n_rows + t.header_rows > 0
                    and (select count(distinct row) from cell c where c.document_id = d.id and c.table_ord = t.ord) != t.n_rows + t.header_rows))`,
    )
    .all() as { source: string }[];
  return rows.map((r) => r.source);
}
