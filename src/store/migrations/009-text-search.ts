import type { Migration } from './migration.js';

/**
 * Full-text search over table titles, row labels and prose (src/store/search.ts): `search_entry`
 * holds each text with where it is; `text_search`, an FTS5 index with the trigram tokenizer, finds
 * any Chinese substring of three characters or more (`机关运行经费`). It is an external-content
 * index kept in step by triggers, so replacing a document's entries updates it; sqlite-utils'
 * enable-fts cannot do this on the `without rowid` tables. Documents stored before are indexed here.
 */
export const migration: Migration = {
  version: 9,
  name: 'text search',
  sql: `
    create table search_entry (
      id integer primary key,
      document_id integer not null references document(id) on delete cascade,
      kind text not null check (kind in ('title', 'row', 'prose')),
      table_ord integer,
      row integer,
      block_ord integer,
      line integer,
      page integer,
      text text not null
    );
    create index search_entry_document on search_entry(document_id);
    create virtual table text_search using fts5(text, content = 'search_entry', content_rowid = 'id', tokenize = 'trigram');
    create trigger search_entry_added after insert on search_entry begin
      insert into text_search (rowid, text) values (new.id, new.text);
    end;
    create trigger search_entry_removed after delete on search_entry begin
      insert into text_search (text_search, rowid, text) values ('delete', old.id, old.text);
    end;

    insert into search_entry (document_id, kind, table_ord, row, block_ord, line, page, text)
    select document_id, 'title', ord, null, null, first_line, first_page, title from doc_table where coalesce(title, '') <> ''
    union all
    select r.document_id, 'row', r.table_ord, r.row, null, c.line_start, c.page, r.label
      from table_row r left join cell c on c.document_id = r.document_id and c.table_ord = r.table_ord and c.row = r.row
        and c.col = (select min(col) from cell x where x.document_id = r.document_id and x.table_ord = r.table_ord and x.row = r.row and x.text = r.label)
      where coalesce(r.label, '') <> ''
    union all
    select document_id, 'prose', table_ord, null, ord, json_extract(prov, '$[0].start.line'), json_extract(prov, '$[0].page'), text
      from block where type in ('heading', 'paragraph') and text <> ''
      -- a table's title line is found as its title
      and not exists (select 1 from doc_table t where t.document_id = block.document_id and block.text in (t.title, t.title_raw));
  `,
};
