import type Database from 'better-sqlite3';
import type { Fact } from '../model/index.js';

/** The columns of the `fact` view, in order (the header of `export --format facts`). */
export const FACT_COLUMNS = [
  'source', 'sha256', 'org_code', 'org_name', 'year', 'doc_kind', 'doc_scope', 'table_kind', 'table_title',
  'code_system', 'code', 'code_level', 'parent_code', 'item', 'column_header', 'value_basis',
  'printed', 'amount', 'unit', 'amount_yuan', 'line', 'page', 'prov',
  'document_id', 'table_ord', 'row', 'col',
] as const satisfies readonly (keyof Fact)[];

/** Every row of the `fact` view (each disclosure once, duplicates left out), in source / table / row / column order, one at a time (exports stream). */
export function* iterateFacts(db: Database.Database, options: { documentId?: number } = {}): Generator<Fact> {
  // one document's facts are its own, whether or not it duplicates another
  const from = options.documentId === undefined ? 'fact' : 'fact_all where document_id = @documentId';
  const stmt = db.prepare(`select ${FACT_COLUMNS.join(', ')} from ${from} order by source, table_ord, row, col`);
  yield* stmt.iterate(options.documentId === undefined ? {} : { documentId: options.documentId }) as IterableIterator<Fact>;
}
