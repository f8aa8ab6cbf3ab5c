import type { Migration } from './migration.js';

/**
 * Earlier extractions of re-extracted documents, so that a re-run after a parser fix can be
 * diffed against what was there before. The Document is kept whole, as gzip'd JSON: it is read
 * back only for diffs.
 */
export const migration: Migration = {
  version: 3,
  name: 'document versions',
  sql: `
    create table document_version (
      document_id integer not null references document(id) on delete cascade,
      run_id integer not null,              -- the run that produced this extraction
      superseded_by_run integer not null,   -- the run that replaced it
      sha256 text not null,
      extractor_name text not null,
      extractor_version text not null,
      status text not null,
      error text,
      content blob,                         -- gzip'd JSON Document; null for a failed extraction
      primary key (document_id, run_id)
    ) without rowid;
    create index document_version_superseded on document_version(superseded_by_run);
  `,
};
