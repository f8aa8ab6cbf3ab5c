import type { Migration } from './migration.js';

/** The canonical model of docs/DESIGN.md: runs, documents, prose blocks, tables, columns, cells, diagnostics. */
export const migration: Migration = {
  version: 1,
  name: 'canonical model',
  sql: `
      create table run (
        id integer primary key,
        started_at text not null,
        finished_at text,
        tool_version text not null,
        extractor_versions text not null,   -- JSON: format → name@version
        options text not null,              -- JSON
        counts text                         -- JSON: files, new, changed, unchanged, failed, tables, cells
      );

      create table document (
        id integer primary key,
        source text not null unique,        -- path as given to run, forward slashes
        sha256 text not null,
        bytes integer not null,
        format text,                        -- word-text | pdf-text | docx | pdf, null when unknown
        encoding text,
        extractor_name text not null,       -- 'gongkai' for files no extractor could take
        extractor_version text not null,
        status text not null check (status in ('ok', 'partial', 'failed')),
        error text,
        org_code text,
        org_name text,
        year integer,
        doc_kind text,
        schema_version integer,
        run_id integer references run(id),
        extracted_at text not null
      );
      create index document_sha256 on document(sha256);

      create table block (
        document_id integer not null references document(id) on delete cascade,
        ord integer not null,
        type text not null,
        text text not null,
        table_ord integer,
        prov text not null,                 -- JSON: Provenance[]
        primary key (document_id, ord)
      ) without rowid;

      create table doc_table (
        document_id integer not null references document(id) on delete cascade,
        ord integer not null,
        title text,
        title_raw text,
        kind text not null,
        unit text,
        meta_org text,
        meta_year text,
        meta_unit text,
        meta_as_of text,
        header_rows integer not null,
        n_rows integer not null,
        n_cols integer not null,
        prov text not null,                 -- JSON: Provenance[] (title, then the table's span)
        first_line integer,
        last_line integer,
        first_page integer,
        last_page integer,
        primary key (document_id, ord)
      ) without rowid;
      create index doc_table_kind on doc_table(kind);

      create table "column" (
        document_id integer not null,
        table_ord integer not null,
        idx integer not null,
        path text not null,                 -- JSON: string[]
        path_text text not null,            -- path joined with '/'
        primary key (document_id, table_ord, idx),
        foreign key (document_id, table_ord) references doc_table(document_id, ord) on delete cascade
      ) without rowid;

      create table cell (
        document_id integer not null,
        table_ord integer not null,
        row integer not null,
        col integer not null,
        rowspan integer not null,
        colspan integer not null,
        is_header integer not null,
        text text not null,
        raw text not null,
        value real,
        prov text not null,                 -- JSON: Provenance[], every piece
        prov_kind text,                     -- the first piece, flattened for queries
        line_start integer,
        col_start integer,
        off_start integer,
        line_end integer,
        col_end integer,
        off_end integer,
        page integer,
        x0 real, y0 real, x1 real, y1 real,
        primary key (document_id, table_ord, row, col),
        foreign key (document_id, table_ord) references doc_table(document_id, ord) on delete cascade
      ) without rowid;
      create index cell_value on cell(value) where value is not null;

      create table diagnostic (
        document_id integer not null references document(id) on delete cascade,
        ord integer not null,
        severity text not null,
        code text not null,
        stage text not null,
        message text not null,
        place text,                         -- JSON: Provenance
        primary key (document_id, ord)
      ) without rowid;
    `,
};
