import type pg from 'pg';
import { openStore, sqliteConnection, type RunInfo, type SourceFile, type Store, type StoredResult } from '../store.js';
import type { StoredStateOfRun, TargetStore, WriteOptions } from '../target-store.js';
import { connectPostgres, inTransaction, insertRows } from './connect.js';
import { migratePostgres } from './migrate.js';
import { mirroredTables, quote, type MirroredTable } from './schema.js';

/**
 * The store on PostgreSQL. A document is written as the SQLite store writes it — by the same code
 * (src/store/write-document.ts), into an in-memory SQLite database that holds only this document
 * (and, when it replaces one, the extraction it replaces, so that it is archived as a version) —
 * and its rows are then copied into PostgreSQL in one transaction, under the id it has there. So
 * the rows are the same in both stores by construction, not by a second copy of the writer.
 */
export class PostgresStore implements TargetStore {
  private readonly tables: MirroredTable[] = mirroredTables();
  private staging: Store | undefined;
  /** Writes are one at a time on the staging database; concurrent callers queue here. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    readonly location: string,
    readonly pool: pg.Pool,
  ) {}

  async beginRun(run: { toolVersion: string; extractorVersions: Record<string, string>; options: unknown }) {
    const startedAt = new Date().toISOString();
    const r = await this.pool.query<{ id: number }>('insert into run (started_at, tool_version, extractor_versions, options) values ($1, $2, $3, $4) returning id', [
      startedAt,
      run.toolVersion,
      JSON.stringify(run.extractorVersions),
      JSON.stringify(run.options),
    ]);
    return { id: r.rows[0]!.id, startedAt };
  }

  async finishRun(runId: number, counts: Record<string, number>) {
    await this.pool.query('update run set finished_at = $1, counts = $2 where id = $3', [new Date().toISOString(), JSON.stringify(counts), runId]);
  }

  async listRuns(): Promise<RunInfo[]> {
    const { rows } = await this.pool.query('select * from run order by id');
    return rows.map((r) => ({
      id: r.id,
      startedAt: r.started_at,
      finishedAt: r.finished_at ?? null,
      toolVersion: r.tool_version,
      extractorVersions: JSON.parse(r.extractor_versions),
      options: JSON.parse(r.options),
      counts: r.counts ? JSON.parse(r.counts) : null,
    }));
  }

  async runStartedAt(runId: number) {
    const { rows } = await this.pool.query<{ started_at: string }>('select started_at from run where id = $1', [runId]);
    return rows[0]?.started_at;
  }

  async findDocument(source: string): Promise<StoredStateOfRun | undefined> {
    const { rows } = await this.pool.query(
      `select id, sha256, format, extractor_name as "extractorName", extractor_version as "extractorVersion", stage_versions as "stageVersions",
       coalesce(extract_options, '') as "extractOptions", status, run_id as "runId",
       exists (select 1 from document_version v where v.document_id = d.id and v.superseded_by_run = d.run_id) as "replacedInRun"
       from document d where source = $1`,
      [source],
    );
    return rows[0];
  }

  async maxDocumentId() {
    const { rows } = await this.pool.query<{ id: number }>('select coalesce(max(id), 0)::bigint as id from document');
    return rows[0]!.id;
  }

  async countDocuments() {
    const { rows } = await this.pool.query<{ documents: number; failed: number }>(
      `select count(*)::bigint as documents, count(*) filter (where status = 'failed')::bigint as failed from document`,
    );
    return rows[0]!;
  }

  writeDocument(runId: number, file: SourceFile, result: StoredResult, options: WriteOptions = {}): Promise<number> {
    const next = this.writing.then(() => this.write(runId, file, result, options));
    this.writing = next.catch(() => {});
    return next;
  }

  private async write(runId: number, file: SourceFile, result: StoredResult, options: WriteOptions): Promise<number> {
    const staging = (this.staging ??= openStore(':memory:'));
    const db = sqliteConnection(staging);
    return inTransaction(this.pool, async (client) => {
      // one writer per source at a time: a job delivered twice, or the same file in two runs
      await client.query('select pg_advisory_xact_lock(hashtext($1))', [file.source]);
      const previous = (await client.query('select * from document where source = $1', [file.source])).rows[0] as Record<string, unknown> | undefined;
      if (options.oncePerRun && previous && previous.run_id === runId) return previous.id as number;
      const id = (previous?.id as number | undefined) ?? options.documentId ?? (await this.nextDocumentId(client));

      db.pragma('foreign_keys = off');
      for (const t of this.tables) db.prepare(`delete from ${quote(t.name)}`).run();
      const run = db.prepare(`insert or ignore into run (id, started_at, tool_version, extractor_versions, options) values (?, '', '', '{}', '{}')`);
      run.run(runId);
      if (previous) {
        // the extraction being replaced, so that the writer archives it as SQLite's does
        if (previous.run_id !== null) run.run(previous.run_id);
        await this.stage(client, db, 'document', 'id', id);
        for (const t of this.tables) if (t.perDocument && t.name !== 'document_version' && t.name !== 'search_entry') await this.stage(client, db, t.name, 'document_id', id);
      }
      const stagedId = staging.writeDocument(runId, file, result, { validated: options.validated ?? false });

      if (previous) {
        // a new document's id is new (handed out by its run, or the highest plus one): nothing to clear
        for (const t of this.tables) if (t.perDocument && t.name !== 'document_version') await client.query(`delete from ${quote(t.name)} where document_id = $1`, [id]);
        await client.query('delete from document where id = $1', [id]);
      }
      for (const t of this.tables) {
        if (t.name !== 'document' && !t.perDocument) continue;
        // search entries get their ids here; every other row keeps its key, with the document's id
        const columns = t.columns.filter((c) => !(t.name === 'search_entry' && c.name === t.identity));
        const key = t.name === 'document' ? 'id' : 'document_id';
        const rows = db
          .prepare(`select ${columns.map((c) => (c.name === key ? '?' : quote(c.name))).join(', ')} from ${quote(t.name)} where ${quote(key)} = ?${t.identity ? ` order by ${quote(t.identity)}` : ''}`)
          .raw()
          .all(...(columns.some((c) => c.name === key) ? [id] : []), stagedId) as unknown[][];
        if (t.name === 'document_version') for (const r of rows) await client.query('delete from document_version where document_id = $1 and run_id = $2', [id, r[columns.findIndex((c) => c.name === 'run_id')]]);
        await insertRows(client, t.name, columns, rows);
      }
      return id;
    });
  }

  /** Copies one document's rows of `table` from PostgreSQL into the staging database. */
  private async stage(client: pg.ClientBase, db: Store['db'], table: string, key: string, id: number): Promise<void> {
    const t = this.tables.find((x) => x.name === table)!;
    const { rows } = await client.query(`select * from ${quote(table)} where ${quote(key)} = $1`, [id]);
    if (!rows.length) return;
    const cols = t.columns.map((c) => c.name);
    const insert = db.prepare(`insert into ${quote(table)} (${cols.map(quote).join(', ')}) values (${cols.map(() => '?').join(', ')})`);
    for (const r of rows) insert.run(...cols.map((c) => r[c]));
  }

  /** An id for a new document written without one handed out by its run: the next after the highest, under a lock. */
  private async nextDocumentId(client: pg.ClientBase): Promise<number> {
    await client.query('select pg_advisory_xact_lock(hashtext($1))', ['gongkai document ids']);
    const { rows } = await client.query<{ id: number }>('select coalesce(max(id), 0)::bigint + 1 as id from document');
    return rows[0]!.id;
  }

  async close() {
    await this.writing;
    this.staging?.close();
    await this.pool.end();
  }
}

/** Connects to the PostgreSQL database at `url` and brings its schema up to date. */
export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const pool = connectPostgres(url);
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end();
    throw e;
  }
  return new PostgresStore(url, pool);
}
