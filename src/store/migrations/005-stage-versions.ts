import type { Migration } from './migration.js';

/**
 * The versions of normalisation and enrichment each document went through (`normalize@1.1.0
 * enrich@1.1.0`), beside its extractor's: a fix in either stage re-extracts exactly the
 * documents it may change. Documents stored before have none, so the next run redoes them.
 * And the panels of a table printed as side-by-side copies of its columns (JSON first columns).
 */
export const migration: Migration = {
  version: 5,
  name: 'stage versions, table panels',
  sql: `
    alter table document add column stage_versions text;
    alter table doc_table add column panels text;
  `,
};
