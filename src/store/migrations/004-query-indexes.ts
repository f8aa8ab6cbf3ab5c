import type { Migration } from './migration.js';

/**
 * Indexes for the questions researchers ask of a store: the documents of an org and year, the
 * documents a run touched (also what `document_version` diffs walk), and the cells under a
 * column header (`path_text = '本年收入/财政拨款收入'`).
 */
export const migration: Migration = {
  version: 4,
  name: 'query indexes',
  sql: `
    create index document_org_year on document(org_code, year);
    create index document_run on document(run_id);
    create index column_path_text on "column"(path_text);
  `,
};
