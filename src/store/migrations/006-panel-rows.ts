import type { Migration } from './migration.js';

/**
 * Rows of a table printed as side-by-side panels are read per panel (人员经费 301 beside 公用经费
 * 302 in one printed row): `table_row` is keyed by panel too, `amount` says its panel, and the
 * `fact` view takes an amount's 科目 from its own panel. Panel 0 is the first panel and every
 * table of one panel, so rows stored before keep their meaning.
 */
export const migration: Migration = {
  version: 6,
  name: 'table rows and amounts per panel',
  sql: `
    create table table_row_by_panel (
      document_id integer not null,
      table_ord integer not null,
      row integer not null,               -- the cell row (header rows first)
      panel integer not null default 0,   -- index into doc_table.panels; 0 for a table of one panel
      label text,
      class_system text,
      class_code text,
      class_level text,
      class_parent text,
      primary key (document_id, table_ord, row, panel),
      foreign key (document_id, table_ord) references doc_table(document_id, ord) on delete cascade
    ) without rowid;
    insert into table_row_by_panel (document_id, table_ord, row, panel, label, class_system, class_code, class_level, class_parent)
      select document_id, table_ord, row, 0, label, class_system, class_code, class_level, class_parent from table_row;
    drop view fact;
    drop table table_row;
    alter table table_row_by_panel rename to table_row;
    create index table_row_code on table_row(class_code) where class_code is not null;

    alter table amount add column panel integer not null default 0;

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
    left join table_row r on r.document_id = a.document_id and r.table_ord = a.table_ord and r.row = a.row and r.panel = a.panel;
  `,
};
