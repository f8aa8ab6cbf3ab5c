import type { Migration } from './migration.js';

/**
 * One record per real disclosure. Every file stays a document, but a document is a duplicate of
 * the first (lowest id) document that is not failed and has the same bytes (sha256) or says the
 * same (`content_hash`: org, year, 预算/决算 and tables as exported — the same disclosure as
 * .txt, .docx and .pdf). `document_duplicate` gives `duplicate_of` per document; `fact` counts
 * each disclosure once, `fact_all` keeps every document's facts with their `duplicate_of`.
 * Both gain `doc_scope` (部门 or 单位 budget) and `value_basis`: 预算数 or 决算数 when the column's header says which (a 决算 三公 table
 * prints both; summing them is wrong). Documents stored before have no content hash until they
 * are extracted again: until then only the same bytes make them duplicates.
 */
export const migration: Migration = {
  version: 10,
  name: 'duplicates, document scope, value basis',
  sql: `
    alter table document add column content_hash text;
    -- 部门 | 单位 (src/domain/document-meta.ts, inferDocScope); null when nothing says or not enriched
    alter table document add column doc_scope text;
    create index document_content_hash on document(content_hash) where content_hash is not null;

    create view document_duplicate as
    select d.id as document_id,
           (select min(o.id) from document o
            where o.id < d.id and o.status != 'failed'
              and (o.sha256 = d.sha256 or (d.content_hash is not null and o.content_hash = d.content_hash))) as duplicate_of
    from document d
    where d.status != 'failed';

    drop view fact;
    create view fact_all as
    select d.source, d.sha256, d.org_code, d.org_name, d.year as fiscal_year, d.doc_kind, d.doc_scope,
           t.kind as table_kind, t.title as table_title,
           coalesce(r.class_system, 'none') as class_system, r.class_code, r.class_level, r.class_parent as parent_code,
           a.item as item_name, a.column_text as column_path,
           case when a.column_text like '%决算数%' then '决算数' when a.column_text like '%预算数%' then '预算数' end as value_basis,
           a.printed as value_printed, a.value, a.unit, a.yuan as value_yuan,
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
    select source, sha256, org_code, org_name, fiscal_year, doc_kind, doc_scope, table_kind, table_title,
           class_system, class_code, class_level, parent_code, item_name, column_path, value_basis,
           value_printed, value, unit, value_yuan, line, page, prov, document_id, table_ord, row, col
    from fact_all
    where duplicate_of is null;
  `,
};
