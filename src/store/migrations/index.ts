import type Database from 'better-sqlite3';
import { migration as m001 } from './001-canonical-model.js';
import { migration as m002 } from './002-domain.js';
import { migration as m003 } from './003-document-versions.js';
import { migration as m004 } from './004-query-indexes.js';
import { migration as m005 } from './005-stage-versions.js';
import { migration as m006 } from './006-panel-rows.js';
import { migration as m007 } from './007-check-severity.js';
import { migration as m008 } from './008-extract-options.js';
import { migration as m009 } from './009-text-search.js';
import { migration as m010 } from './010-duplicates.js';
import { migration as m011 } from './011-fact-names.js';
import { migration as m012 } from './012-cell-confidence.js';
import type { Migration } from './migration.js';

/** Every migration, in order. Add a new file `NNN-name.ts` and list it here. */
export const MIGRATIONS: Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012];

/**
 * Applies the migrations the database has not seen yet, in version order, each in its own
 * transaction; returns their versions (empty for an up-to-date database). Each step takes the
 * write lock first and re-checks, so two processes opening a new database at once both succeed
 * and every migration runs exactly once.
 */
export function migrate(db: Database.Database): number[] {
  const versions = MIGRATIONS.map((m) => m.version);
  if (new Set(versions).size !== versions.length) throw new Error(`duplicate migration versions: ${versions.join(', ')}`);
  db.exec('create table if not exists schema_migrations (version integer primary key, name text not null, applied_at text not null)');
  const isApplied = db.prepare('select 1 from schema_migrations where version = ?');
  const record = db.prepare('insert into schema_migrations (version, name, applied_at) values (?, ?, ?)');
  const done: number[] = [];
  for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      if (isApplied.get(m.version)) return;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
      done.push(m.version);
    }).immediate();
  }
  return done;
}
