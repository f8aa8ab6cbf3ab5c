import type pg from 'pg';
import { MIGRATIONS } from '../migrations/index.js';
import { mirroredTables, quote } from './schema.js';

/** The advisory lock under which a PostgreSQL store's schema is made: two workers starting at once make it once. */
const SCHEMA_LOCK = 0x6e6b6169; // 'gkai'

/**
 * Brings a PostgreSQL database to the schema the SQLite migrations define (src/store/postgres/
 * schema.ts reads it off them): missing tables and indexes are created, columns a later migration
 * added are added, and every migration is recorded in `schema_migrations` as SQLite records it.
 * A migration that reshapes a table (rather than adding to it) needs its own PostgreSQL step here.
 */
export async function migratePostgres(client: pg.ClientBase): Promise<number[]> {
  await client.query('begin');
  try {
    await client.query('select pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query('create table if not exists schema_migrations (version bigint primary key, name text not null, applied_at text not null)');
    const applied = new Set((await client.query<{ version: number }>('select version from schema_migrations')).rows.map((r) => Number(r.version)));
    const missing = MIGRATIONS.filter((m) => !applied.has(m.version));
    if (missing.length) {
      for (const t of mirroredTables()) {
        const existing = new Set((await client.query<{ column_name: string }>('select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1', [t.name])).rows.map((r) => r.column_name));
        if (existing.size === 0) {
          for (const sql of t.ddl) await client.query(sql);
          continue;
        }
        for (const c of t.columns.filter((c) => !existing.has(c.name))) {
          await client.query(`alter table ${quote(t.name)} add column ${quote(c.name)} ${c.type}${c.default !== null ? ` default ${c.default}` : ''}${c.notNull && c.default !== null ? ' not null' : ''}`);
        }
        for (const sql of t.ddl.slice(1)) await client.query(sql);
      }
      const now = new Date().toISOString();
      for (const m of missing) await client.query('insert into schema_migrations (version, name, applied_at) values ($1, $2, $3)', [m.version, m.name, now]);
    }
    await client.query('commit');
    return missing.map((m) => m.version);
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  }
}
