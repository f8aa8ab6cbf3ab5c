import type Database from 'better-sqlite3';
import { migration as m001 } from './001-canonical-model.js';
import { migration as m003 } from './003-document-versions.js';
import type { Migration } from './migration.js';

/** Every migration, in order. Add a new file `NNN-name.ts` and list it here. */
export const MIGRATIONS: Migration[] = [m001, m003];

/** Applies the migrations the database has not seen yet, each in its own transaction; returns their versions. */
export function migrate(db: Database.Database): number[] {
  db.exec('create table if not exists schema_migrations (version integer primary key, name text not null, applied_at text not null)');
  const applied = new Set((db.prepare('select version from schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const done: number[] = [];
  for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('insert into schema_migrations (version, name, applied_at) values (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
    done.push(m.version);
  }
  return done;
}
