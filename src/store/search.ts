import type Database from 'better-sqlite3';
import { prepared } from './prepared.js';

/**
 * What full-text search finds (migration 009): table titles, row labels and prose, one entry
 * each, with where it is. `text_search` indexes them with FTS5's trigram tokenizer, so any
 * Chinese substring of three characters or more is found through the index (`机关运行经费`,
 * `三公经费`); shorter ones are looked up with LIKE over the same entries.
 */
const INDEX_DOCUMENT = `
  insert into search_entry (document_id, kind, table_ord, row, block_ord, line, page, text)
  select document_id, 'title', ord, null, null, first_line, first_page, title from doc_table where document_id = @id and coalesce(title, '') <> ''
  union all
  select r.document_id, 'row', r.table_ord, r.row, null, c.line_start, c.page, r.label
    from table_row r left join cell c on c.document_id = r.document_id and c.table_ord = r.table_ord and c.row = r.row
      and c.col = (select min(col) from cell x where x.document_id = r.document_id and x.table_ord = r.table_ord and x.row = r.row and x.text = r.label)
    where r.document_id = @id and coalesce(r.label, '') <> ''
  union all
  select document_id, 'prose', table_ord, null, ord, json_extract(prov, '$[0].start.line'), json_extract(prov, '$[0].page'), text
    from block where document_id = @id and type in ('heading', 'paragraph') and text <> ''
      -- a table's title line is found as its title
      and not exists (select 1 from doc_table t where t.document_id = block.document_id and block.text in (t.title, t.title_raw))`;

/** Indexes one document's titles, row labels and prose; the caller holds its transaction, after the document's rows are written. */
export function indexDocumentText(db: Database.Database, documentId: number): void {
  prepared(db, 'delete from search_entry where document_id = ?').run(documentId);
  prepared(db, INDEX_DOCUMENT).run({ id: documentId });
}

/** One place a searched text was found. */
export interface SearchHit {
  source: string;
  documentId: number;
  /** title | row | prose */
  kind: string;
  tableOrd: number | null;
  tableTitle: string | null;
  row: number | null;
  /** The column of a row hit's label cell (where a reader is taken to); null for titles and prose. */
  col: number | null;
  line: number | null;
  page: number | null;
  text: string;
}

/**
 * The titles, row labels and prose that hold `query` as a substring, by source, then page and line. Three
 * characters or more go through the trigram index (a phrase query, so the words' order counts);
 * fewer are matched with LIKE. `limit` caps the hits.
 */
export function searchText(db: Database.Database, query: string, limit = 50): SearchHit[] {
  const q = query.trim();
  if (!q) return [];
  const useIndex = Array.from(q).length >= 3;
  const where = useIndex ? 'text_search match @match' : `s.text like @like escape '\\'`;
  const select = `
    select d.source, s.document_id as documentId, s.kind, s.table_ord as tableOrd, t.title as tableTitle, s.row,
      case when s.kind = 'row' then (select min(c.col) from cell c where c.document_id = s.document_id and c.table_ord = s.table_ord and c.row = s.row and c.text = s.text) end as col,
      s.line, s.page, s.text
    from text_search f join search_entry s on s.id = f.rowid join document d on d.id = s.document_id
      left join doc_table t on t.document_id = s.document_id and t.ord = s.table_ord
    where ${where.replace('s.text like', 'f.text like')}
    order by d.source, coalesce(s.page, 0), coalesce(s.line, 0), s.id
    limit @limit`;
  return db.prepare(select).all({
    match: `"${q.replace(/"/g, '""')}"`,
    like: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    limit,
  }) as SearchHit[];
}
