import type { Migration } from './migration.js';

/**
 * What src/domain adds to a document: row labels and 科目 codes, amount cells with their value
 * in yuan, 绩效 indicator values, consistency checks with the cells and sentences they involve,
 * and the `fact` view (one row per amount cell with its whole context).
 */
export const migration: Migration = {
  version: 2,
  name: 'domain: rows, amounts, indicators, checks, fact view',
  sql: `
      -- a document enriched by src/domain (documents stored before have no row here: run --force)
      create table doc_domain (
        document_id integer primary key references document(id) on delete cascade
      );

      create table table_row (
        document_id integer not null,
        table_ord integer not null,
        row integer not null,               -- the cell row (header rows first)
        label text,                         -- 科目名称, 项目 … as printed
        class_system text,                  -- 功能分类 | 经济分类 | null
        class_code text,                    -- without spaces: 2010301
        class_level text,                   -- 类 | 款 | 项
        class_parent text,                  -- 20103 for 2010301; null for a 类
        primary key (document_id, table_ord, row),
        foreign key (document_id, table_ord) references doc_table(document_id, ord) on delete cascade
      ) without rowid;
      create index table_row_code on table_row(class_code) where class_code is not null;

      create table amount (
        document_id integer not null,
        table_ord integer not null,
        row integer not null,
        col integer not null,
        printed text not null,              -- the cell as printed: 929.90, （3.20）
        value real not null,                -- in the printed unit
        decimals integer not null,          -- digits printed after the point
        unit text,                          -- as printed: 万元
        yuan real,                          -- value in yuan; null when the unit is not known
        item text,                          -- the row's label for this column
        column_path text not null,          -- JSON: string[]
        column_text text not null,          -- the path joined with '/'
        primary key (document_id, table_ord, row, col),
        foreign key (document_id, table_ord) references doc_table(document_id, ord) on delete cascade
      ) without rowid;

      create table indicator_value (
        document_id integer not null,
        table_ord integer not null,
        row integer not null,
        col integer not null,
        kind text not null,                 -- number | range | date | yes-no | text
        operator text,                      -- ≥ ≤ > < = ≈
        number real,
        upper real,
        unit text,
        raw text not null,
        primary key (document_id, table_ord, row, col),
        foreign key (document_id, table_ord) references doc_table(document_id, ord) on delete cascade
      ) without rowid;

      create table doc_check (
        document_id integer not null references document(id) on delete cascade,
        ord integer not null,
        rule text not null,                 -- hierarchy | row-arithmetic | cross-table | prose
        name text not null,                 -- class-sum, column-total, subtotal, balance, prose-amount …
        status text not null check (status in ('pass', 'fail')),
        message text not null,
        expected real,
        actual real,
        difference real,
        unit text,
        primary key (document_id, ord)
      ) without rowid;
      create index doc_check_status on doc_check(status, rule);

      create table doc_check_ref (
        document_id integer not null,
        check_ord integer not null,
        ord integer not null,
        role text not null,                 -- total | part | cell | prose
        table_ord integer,                  -- a cell: table_ord/row/col
        row integer,
        col integer,
        block_ord integer,                  -- a sentence of prose
        text text not null,
        value real,
        unit text,
        label text not null,
        prov text not null,                 -- JSON: Provenance[]
        line integer,                       -- the first piece, flattened
        page integer,
        primary key (document_id, check_ord, ord),
        foreign key (document_id, check_ord) references doc_check(document_id, ord) on delete cascade
      ) without rowid;

      create view fact as
      select d.source, d.sha256, d.org_code, d.org_name, d.year as fiscal_year, d.doc_kind,
             t.kind as table_kind, t.title as table_title,
             coalesce(r.class_system, 'none') as class_system, r.class_code, r.class_level, r.class_parent as parent_code,
             a.item as item_name, a.column_text as column_path,
             a.printed as value_printed, a.value, a.unit, a.yuan as value_yuan,
             c.line_start as line, c.page, c.prov,
             a.document_id, a.table_ord, a.row, a.col
      from amount a
      join document d on d.id = a.document_id
      join doc_table t on t.document_id = a.document_id and t.ord = a.table_ord
      join cell c on c.document_id = a.document_id and c.table_ord = a.table_ord and c.row = a.row and c.col = a.col
      left join table_row r on r.document_id = a.document_id and r.table_ord = a.table_ord and r.row = a.row;
    `,
};
