import type { Migration } from './migration.js';

/**
 * `fact` and `fact_all` with the names a researcher writes in a query: `year`, `code`, `item`,
 * `column_header`, `amount`, `amount_yuan`, `printed` (they were `fiscal_year`, `class_code`,
 * `item_name`, `column_path`, `value`, `value_yuan`, `value_printed`; `class_system` and
 * `class_level` are `code_system` and `code_level`). Same rows, same order of columns.
 */
export const migration: Migration = {
  version: 11,
  name: 'fact column names',
  sql: `
    drop view fact;
    drop view fact_all;
    create view fact_all as
    select d.source, d.sha256, d.org_code, d.org_name, d.year, d.doc_kind, d.doc_scope,
           t.kind as table_kind, t.title as table_title,
           coalesce(r.class_system, 'none') as code_system, r.class_code as code, r.class_level as code_level, r.class_parent as parent_code,
           a.item, a.column_text as column_header,
           case when a.column_text like '%决算数%' then '决算数' when a.column_text like '%预算数%' then '预算数' end as value_basis,
           a.printed, a.value as amount, a.unit, a.yuan as amount_yuan,
           c.line_start as line, c.page, c.prov,
           a.document_id, a.table_ord, a.row, a.col,
           (select min(o.id) from document o
            where o.id < d.id and o.status != 'failed'
              and (o.sha256 = d.sha256 or (d.content_hash is not null and o.content_hash = d.content_hash))) as duplicate_of
    from amount a
    join document d on d.id = a.document_id
    join doc_table t on t.document_id = a.document_id and t.ord = a.table_ord
    join cell c on c.document_id = a.document_id and c.table_ord = a.table_ord and c.row = a.row and c.col = a.col
    left join table_row r on r.document_id = a.document_id and r.table_ord = a.table_ord and r.row = a.row and r.panel = a.panel;

    create view fact as
    select source, sha256, org_code, org_name, year, doc_kind, doc_scope, table_kind, table_title,
           code_system, code, code_level, parent_code, item, column_header, value_basis,
           printed, amount, unit, amount_yuan, line, page, prov, document_id, table_ord, row, col
    from fact_all
    where duplicate_of is null;
  `,
};
