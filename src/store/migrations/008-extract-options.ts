import type { Migration } from './migration.js';

/**
 * The options that shaped each extraction (`--pages 1 --method lattice`, '' for the defaults),
 * part of what a document was extracted with, like its stage versions: a run with other options
 * redoes it. Documents stored before have none, read as the defaults.
 */
export const migration: Migration = {
  version: 8,
  name: 'extraction options',
  sql: `
    alter table document add column extract_options text;
    alter table document_version add column extract_options text;
  `,
};
