import type { Migration } from './migration.js';

/**
 * The severity of each failed check (`error`, `warning`, `hint`; null for a pass), so that
 * `gongkai check --severity error` and the review page can leave rounding aside. Checks stored
 * before have none; the enrich version bump re-runs their documents.
 */
export const migration: Migration = {
  version: 7,
  name: 'check severity',
  sql: `alter table doc_check add column severity text;`,
};
