import { TOOL_VERSION } from '../version.js';
import { openStore, sqliteConnection, storedContent, type RunInfo, type SourceFile, type StoredResult, type StoredState, type Store } from './store.js';
import { writeDocumentRows } from './write-document.js';

/** What decides a document's next extraction, and the run that stored it. */
export interface StoredStateOfRun extends StoredState {
  runId: number | null;
  /** Whether an earlier extraction of it was archived by run `runId` (it was changed then, not new). */
  replacedInRun: boolean;
}

/**
 * The writer's side of a store, the same on SQLite and PostgreSQL: what `gongkai run --queue` and
 * `gongkai worker` need. Asynchronous because PostgreSQL is; one call to `writeDocument` is one
 * transaction.
 */
export interface TargetStore {
  /** `out/gongkai.sqlite` or `postgres://…`, as given. */
  readonly location: string;
  beginRun(run: { toolVersion: string; extractorVersions: Record<string, string>; options: unknown }): Promise<{ id: number; startedAt: string }>;
  finishRun(runId: number, counts: Record<string, number>): Promise<void>;
  listRuns(): Promise<RunInfo[]>;
  /** When run `runId` started; undefined when this database has no such run. */
  runStartedAt(runId: number): Promise<string | undefined>;
  findDocument(source: string): Promise<StoredStateOfRun | undefined>;
  /** The highest document id stored, 0 when none: a run hands out the ids after it. */
  maxDocumentId(): Promise<number>;
  /**
   * Writes one document in one transaction, replacing what was stored for its source (kept as a
   * version, as a local run does). `documentId` is the id a new document gets. With `oncePerRun`
   * nothing is written when run `runId` has already written this source: a job delivered twice
   * and processed by two workers at once (its lock taken for lost) is written once.
   */
  writeDocument(runId: number, file: SourceFile, result: StoredResult, options?: WriteOptions): Promise<number>;
  countDocuments(): Promise<{ documents: number; failed: number }>;
  close(): Promise<void>;
}

export interface WriteOptions {
  validated?: boolean;
  documentId?: number;
  oncePerRun?: boolean;
}

export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//i.test(db);

/** Opens the store at `db`: a PostgreSQL URL or a SQLite file (created and migrated as needed). */
export async function openTargetStore(db: string): Promise<TargetStore> {
  if (isPostgresUrl(db)) {
    const { openPostgresStore } = await import('./postgres/pg-store.js');
    return openPostgresStore(db);
  }
  return new SqliteTarget(db, openStore(db));
}

/**
 * SQLite as a TargetStore. Several worker processes may write the same file: each document is
 * written in an immediate transaction (the write lock taken first, so a read inside it cannot be
 * overtaken by another writer) and waits for the lock up to the store's busy timeout.
 */
class SqliteTarget implements TargetStore {
  constructor(
    readonly location: string,
    private readonly store: Store,
  ) {}

  async beginRun(run: { toolVersion: string; extractorVersions: Record<string, string>; options: unknown }) {
    const id = this.store.beginRun(run);
    return { id, startedAt: (await this.runStartedAt(id))! };
  }

  async finishRun(runId: number, counts: Record<string, number>) {
    this.store.finishRun(runId, counts);
  }

  async listRuns() {
    return this.store.listRuns();
  }

  async runStartedAt(runId: number) {
    return this.store.runStartedAt(runId);
  }

  async findDocument(source: string) {
    const state = this.store.findDocument(source);
    if (!state) return undefined;
    const db = sqliteConnection(this.store);
    const { run_id } = db.prepare('select run_id from document where id = ?').get(state.id) as { run_id: number | null };
    const replaced = run_id !== null && !!db.prepare('select 1 from document_version where document_id = ? and superseded_by_run = ?').get(state.id, run_id);
    return { ...state, runId: run_id, replacedInRun: replaced };
  }

  async maxDocumentId() {
    return this.store.maxDocumentId();
  }

  async writeDocument(runId: number, file: SourceFile, result: StoredResult, options: WriteOptions = {}) {
    const db = sqliteConnection(this.store);
    const content = storedContent(result, options);
    const failure = 'failure' in result ? { extractor: { name: 'gongkai', version: TOOL_VERSION }, ...result.failure } : null;
    return db
      .transaction(() => {
        const stored = db.prepare('select id, run_id from document where source = ?').get(file.source) as { id: number; run_id: number | null } | undefined;
        if (options.oncePerRun && stored?.run_id === runId) return stored.id;
        const existed = !!stored;
        const id = writeDocumentRows(db, runId, file, content, failure);
        if (existed || options.documentId === undefined || options.documentId === id) return id;
        // the id the run handed out, whatever order the workers finish in; its rows move with it
        db.pragma('defer_foreign_keys = on');
        for (const t of documentTables(db)) db.prepare(`update ${t} set document_id = ? where document_id = ?`).run(options.documentId, id);
        db.prepare('update document set id = ? where id = ?').run(options.documentId, id);
        return options.documentId;
      })
      .immediate();
  }

  async countDocuments() {
    return this.store.countDocuments();
  }

  async close() {
    this.store.close();
  }
}

/** The tables that hold rows of one document (a `document_id` column), FTS5's own tables aside. */
function documentTables(db: ReturnType<typeof sqliteConnection>): string[] {
  const rows = db
    .prepare(
      `select m.name from sqlite_master m where m.type = 'table' and m.sql not like 'create virtual table%'
       and exists (select 1 from pragma_table_info(m.name) c where c.name = 'document_id')`,
    )
    .all() as { name: string }[];
  return rows.map((r) => `"${r.name}"`);
}
