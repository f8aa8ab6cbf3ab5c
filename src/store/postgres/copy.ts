import fs from 'node:fs';
import type pg from 'pg';
import { openStore, sqliteConnection } from '../store.js';
import { isPostgresUrl } from '../target-store.js';
import { connectPostgres, inTransaction, insertRows } from './connect.js';
import { migratePostgres } from './migrate.js';
import { mirroredTables, quote } from './schema.js';
import { redactUrl as redact } from '../redact-url.js';

/** How many rows are read and written at a time: a dataset is streamed, never held whole. */
const BATCH = 2000;

export interface CopySummary {
  tables: number;
  rows: number;
}

/**
 * Copies a whole dataset between a SQLite file and a PostgreSQL database, either way, every table
 * of the store with its ids. The target must hold no documents yet (a copy never merges); a
 * SQLite target is created. In SQLite the text-search index is rebuilt as the search entries
 * come in (its triggers); in PostgreSQL the identity columns continue after the copied ids.
 */
export async function copyDatabase(from: string, to: string): Promise<CopySummary> {
  if (isPostgresUrl(from) === isPostgresUrl(to)) throw new Error('db copy copies between a SQLite file and a postgres:// database');
  return isPostgresUrl(to) ? sqliteToPostgres(from, to) : postgresToSqlite(from, to);
}

async function sqliteToPostgres(file: string, url: string): Promise<CopySummary> {
  if (!fs.existsSync(file)) throw new Error(`no database at ${file}`);
  const source = openStore(file);
  const pool = connectPostgres(url, 1);
  const s: CopySummary = { tables: 0, rows: 0 };
  try {
    const client = await pool.connect();
    await migratePostgres(client).finally(() => client.release());
    // the whole copy is one transaction: a copy cut short leaves the database as it was
    await inTransaction(pool, async (client) => {
      await refuseNonEmpty(client, url);
      for (const t of mirroredTables()) {
        const columns = t.columns.map((c) => c.name);
        let batch: unknown[][] = [];
        for (const row of sqliteConnection(source).prepare(`select ${columns.map(quote).join(', ')} from ${quote(t.name)}`).raw().iterate() as Iterable<unknown[]>) {
          batch.push(row);
          if (batch.length === BATCH) (await insertRows(client, t.name, t.columns, batch), (s.rows += batch.length), (batch = []));
        }
        await insertRows(client, t.name, t.columns, batch);
        s.rows += batch.length;
        s.tables++;
        if (t.identity) await client.query(`select setval(pg_get_serial_sequence($1, $2), greatest((select max(${quote(t.identity)}) from ${quote(t.name)}), 1))`, [quote(t.name), t.identity]);
      }
    });
  } finally {
    source.close();
    await pool.end();
  }
  return s;
}

async function postgresToSqlite(url: string, file: string): Promise<CopySummary> {
  if (fs.existsSync(file)) throw new Error(`${file} exists: db copy makes a new SQLite database, it never merges into one`);
  const pool = connectPostgres(url, 1);
  const s: CopySummary = { tables: 0, rows: 0 };
  let target: ReturnType<typeof openStore> | undefined;
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
      target = openStore(file);
      const db = sqliteConnection(target);
      db.pragma('foreign_keys = off');
      // one snapshot of the whole database: a worker writing meanwhile is seen entirely or not at all
      await client.query('begin isolation level repeatable read read only');
      for (const t of mirroredTables()) {
        const columns = t.columns.map((c) => c.name);
        const insert = db.prepare(`insert into ${quote(t.name)} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
        await client.query(`declare rows_of_table no scroll cursor for select ${columns.map(quote).join(', ')} from ${quote(t.name)} order by ${t.key.map(quote).join(', ')}`);
        for (;;) {
          const { rows } = await client.query({ text: `fetch ${BATCH} from rows_of_table`, rowMode: 'array' });
          if (!rows.length) break;
          db.transaction(() => {
            for (const r of rows as unknown[][]) insert.run(...r);
          })();
          s.rows += rows.length;
        }
        await client.query('close rows_of_table');
        s.tables++;
      }
      await client.query('commit');
      db.pragma('foreign_keys = on');
    } finally {
      client.release();
    }
  } catch (e) {
    target?.close();
    target = undefined;
    fs.rmSync(file, { force: true });
    throw e;
  } finally {
    target?.close();
    await pool.end();
  }
  return s;
}

async function refuseNonEmpty(client: pg.ClientBase, url: string): Promise<void> {
  const { rows } = await client.query<{ n: number }>('select (select count(*) from document) + (select count(*) from run) as n');
  if (Number(rows[0]!.n) > 0) throw new Error(`${redact(url)} already holds a dataset: db copy never merges into one`);
}
