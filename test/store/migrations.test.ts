import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, openStore } from '../../src/store/index.js';
import { tempDir } from '../support/corpus.js';
import { sqliteConnection } from '../../src/store/store.js';

const dirs: string[] = [];
const newDir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const allVersions = () => MIGRATIONS.map((m) => m.version).sort((a, b) => a - b);
const appliedVersions = (db: Database.Database) => (db.prepare('select version from schema_migrations order by version').all() as { version: number }[]).map((r) => r.version);
const schema = (db: Database.Database) => db.prepare("select type, name, sql from sqlite_master where name not like 'sqlite_%' order by type, name").all();

describe('migrate', () => {
  it('numbers migrations uniquely, from 1 up', () => {
    expect(new Set(allVersions()).size).toBe(MIGRATIONS.length);
    expect(allVersions()[0]).toBe(1);
    expect(MIGRATIONS.find((m) => m.version === 1)!.name).toBe('canonical model');
  });

  it('applies every migration once, in order, and nothing on a database that is up to date', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(allVersions());
    expect(appliedVersions(db)).toEqual(allVersions());
    const before = schema(db);
    expect(migrate(db)).toEqual([]);
    expect(migrate(db)).toEqual([]);
    expect(schema(db)).toEqual(before);
    expect(appliedVersions(db)).toEqual(allVersions());
    db.close();
  });

  it('brings an older database up to date with only the migrations it lacks', () => {
    const db = new Database(':memory:');
    const first = MIGRATIONS.find((m) => m.version === 1)!;
    db.exec('create table schema_migrations (version integer primary key, name text not null, applied_at text not null)');
    db.exec(first.sql);
    db.prepare("insert into schema_migrations values (1, 'canonical model', '2026-01-01T00:00:00Z')").run();
    expect(migrate(db)).toEqual(allVersions().filter((v) => v !== 1));
    expect(appliedVersions(db)).toEqual(allVersions());
    // the first migration was not run again: its record is the one written above
    expect(db.prepare('select applied_at from schema_migrations where version = 1').get()).toEqual({ applied_at: '2026-01-01T00:00:00Z' });
    db.close();
  });

  it('copes with another process migrating the same new database at the same time', () => {
    const file = path.join(newDir(), 'g.sqlite');
    const a = new Database(file);
    const b = new Database(file);
    // the other process gets in just before each of A's transactions: whatever A learnt before is stale then
    let interfered = false;
    const interfere = () => {
      if (!interfered) (interfered = true), migrate(b);
    };
    const racing = new Proxy(a, {
      get(target, prop) {
        if (prop !== 'transaction') {
          const v = Reflect.get(target, prop, target);
          return typeof v === 'function' ? v.bind(target) : v;
        }
        return (fn: (...args: unknown[]) => unknown) => {
          const tx = target.transaction(fn);
          const wrap = (variant: (...args: unknown[]) => unknown) => (...args: unknown[]) => (interfere(), variant(...args));
          return Object.assign(wrap(tx), { deferred: wrap(tx.deferred), immediate: wrap(tx.immediate), exclusive: wrap(tx.exclusive) });
        };
      },
    });
    expect(migrate(racing)).toEqual([]);
    expect(interfered).toBe(true);
    expect(appliedVersions(a)).toEqual(allVersions());
    a.close();
    b.close();
  });

  it('rolls a failing migration back whole and records nothing for it', () => {
    const db = new Database(':memory:');
    migrate(db);
    MIGRATIONS.push({ version: 9999, name: 'broken', sql: 'create table half_done (x); create table oops (' });
    try {
      expect(() => migrate(db)).toThrow();
    } finally {
      MIGRATIONS.pop();
    }
    expect(db.prepare("select count(*) n from sqlite_master where name = 'half_done'").get()).toEqual({ n: 0 });
    expect(appliedVersions(db)).toEqual(allVersions());
    db.close();
  });
});

describe('openStore', () => {
  it('creates the parent folders, uses WAL, foreign keys and a busy timeout, and migrates', () => {
    const file = path.join(newDir(), 'a', 'b', 'g.sqlite');
    const store = openStore(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(sqliteConnection(store).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqliteConnection(store).pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqliteConnection(store).pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    expect(appliedVersions(sqliteConnection(store))).toEqual(allVersions());
    store.close();
  });

  it('applies nothing when an up-to-date database is opened again, and keeps its content', () => {
    const file = path.join(newDir(), 'g.sqlite');
    const store = openStore(file);
    store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} });
    const appliedAt = sqliteConnection(store).prepare('select version, applied_at from schema_migrations order by version').all();
    store.close();

    const again = openStore(file);
    expect(sqliteConnection(again).prepare('select version, applied_at from schema_migrations order by version').all()).toEqual(appliedAt);
    expect(again.listRuns()).toHaveLength(1);
    again.close();

    const conn = new Database(file);
    expect(migrate(conn)).toEqual([]);
    conn.close();
  });

  it('holds the canonical model: its tables, composite keys and cascading foreign keys', () => {
    const store = openStore(path.join(newDir(), 'g.sqlite'));
    const tables = (sqliteConnection(store).prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['schema_migrations', 'run', 'document', 'block', 'doc_table', 'column', 'cell', 'diagnostic']));
    const pk = (t: string) =>
      (sqliteConnection(store).prepare(`select name, pk from pragma_table_info('${t}') where pk > 0 order by pk`).all() as { name: string }[]).map((r) => r.name);
    expect(pk('block')).toEqual(['document_id', 'ord']);
    expect(pk('doc_table')).toEqual(['document_id', 'ord']);
    expect(pk('column')).toEqual(['document_id', 'table_ord', 'idx']);
    expect(pk('cell')).toEqual(['document_id', 'table_ord', 'row', 'col']);
    expect(pk('diagnostic')).toEqual(['document_id', 'ord']);
    for (const t of ['block', 'doc_table', 'column', 'cell', 'diagnostic']) {
      const fks = sqliteConnection(store).prepare(`select "table", on_delete from pragma_foreign_key_list('${t}')`).all() as { table: string; on_delete: string }[];
      expect(fks.length, t).toBeGreaterThan(0);
      expect(fks.every((f) => f.on_delete === 'CASCADE'), t).toBe(true);
    }
    const indexes = (sqliteConnection(store).prepare("select name from sqlite_master where type = 'index' and sql is not null").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['document_sha256', 'document_org_year', 'document_run', 'doc_table_kind', 'column_path_text']));
    store.close();
  });
});
