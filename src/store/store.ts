import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Document, type Provenance } from '../model/index.js';
import { TOOL_VERSION } from '../version.js';
import { migrate } from './migrations/index.js';
import { GONGKAI_APPLICATION_ID } from './recognise-database.js';
import { readChecks, summarizeChecks, type CheckSummary, type StoredCheck } from './checks.js';
import { iterateFacts } from './facts.js';
import { failedCheckCounts, readFailedChecks, type FailedCheck } from './failed-checks.js';
import { halfWrittenDocuments } from './half-written.js';
import { readDocumentRows } from './read-document.js';
import { searchText, type SearchHit } from './search.js';
import { lastChange, versionsAt, type DocumentVersion } from './versions.js';
import type { PackedDocument } from '../model/index.js';
import { writeDocumentRows } from './write-document.js';
import type { Fact } from '../model/index.js';

/** The file a document came from, as the pipeline saw it. */
export interface SourceFile {
  source: string;
  sha256: string;
  bytes: number;
  /** The versions of the stages after the extractor (src/pipeline/stage-versions.ts), when known. */
  stages?: string;
  /** The options that shaped the extraction, as flags (src/pipeline/extraction-options.ts); '' or absent for the defaults. */
  options?: string;
  /** What the document says, whatever file it came in (src/export/fingerprint.ts): the same disclosure in two files is one. */
  contentHash?: string;
}

/**
 * What one file gave: a Document, or the reason there is none. A failure is recorded under the
 * extractor given, else under the tool's own name and version (`gongkai@TOOL_VERSION`), so that a
 * new release retries it.
 */
export type StoredResult =
  | { document: Document }
  /** A Document a worker packed into its rows (pack-document.ts); it was checked by its schema when it was made. */
  | { packed: PackedDocument }
  | { failure: { format: string | null; error: string; extractor?: { name: string; version: string } } };

export interface StoredDocumentInfo {
  id: number;
  source: string;
  sha256: string;
  bytes: number;
  format: string | null;
  encoding: string | null;
  extractorName: string;
  extractorVersion: string;
  /** The options that shaped the extraction (`--pages 1 --method lattice`), '' for the defaults. */
  extractOptions: string;
  status: 'ok' | 'partial' | 'failed';
  error: string | null;
  org: { code: string | null; name: string | null };
  year: number | null;
  docKind: string | null;
  tables: number;
}

/** A stored document as `readStoredDocument` gives it back: file info and status, and its Document (null when it failed). */
export interface StoredDocument extends StoredDocumentInfo {
  document: Document | null;
}

/** What decides whether a stored document is extracted again: its bytes, format, extractor, stage versions and options. */
export interface StoredState {
  id: number;
  sha256: string;
  format: string | null;
  extractorName: string;
  extractorVersion: string;
  stageVersions: string | null;
  extractOptions: string;
  status: string;
}

export interface RunInfo {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  toolVersion: string;
  extractorVersions: Record<string, string>;
  options: unknown;
  counts: Record<string, number> | null;
}

/** The connection of each open Store, for src/store's own modules and tests that inspect rows (sqliteConnection). */
const connections = new WeakMap<Store, Database.Database>();

/**
 * The SQLite store: all SQL of gongkai lives under src/store (test/store/sql-in-store.test.ts
 * holds the rest of the tree to it). One Store is one connection, private to it: the rest of the
 * tree asks the store's methods. The pipeline has a single writer.
 */
export class Store {
  private readonly db: Database.Database;
  /** The file it was opened on (`:memory:` for none). */
  readonly file: string;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.file = file;
    this.db = new Database(file);
    connections.set(this, this.db);
    try {
      // busy_timeout first: switching a fresh file to WAL takes a lock another process may hold
      this.db.pragma('busy_timeout = 10000');
      this.db.pragma('journal_mode = WAL');
      // WAL with synchronous=NORMAL never corrupts and survives a killed process; only a power cut can lose the last commits
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      migrate(this.db);
      // the mark that tells a walk over the folder that this file is gongkai's, not a document
      if (this.db.pragma('application_id', { simple: true }) !== GONGKAI_APPLICATION_ID) this.db.pragma(`application_id = ${GONGKAI_APPLICATION_ID}`);
    } catch (e) {
      this.db.close();
      throw e;
    }
  }

  close(): void {
    this.db.close();
  }

  /** Whether the connection is still open (close() not called yet). */
  get isOpen(): boolean {
    return this.db.open;
  }

  beginRun(run: { toolVersion: string; extractorVersions: Record<string, string>; options: unknown }): number {
    const r = this.db
      .prepare('insert into run (started_at, tool_version, extractor_versions, options) values (?, ?, ?, ?)')
      .run(new Date().toISOString(), run.toolVersion, JSON.stringify(run.extractorVersions), JSON.stringify(run.options));
    return Number(r.lastInsertRowid);
  }

  finishRun(runId: number, counts: Record<string, number>): void {
    this.db.prepare('update run set finished_at = ?, counts = ? where id = ?').run(new Date().toISOString(), JSON.stringify(counts), runId);
  }

  listRuns(): RunInfo[] {
    const rows = this.db.prepare('select * from run order by id').all() as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as number,
      startedAt: r.started_at as string,
      finishedAt: (r.finished_at as string | null) ?? null,
      toolVersion: r.tool_version as string,
      extractorVersions: JSON.parse(r.extractor_versions as string),
      options: JSON.parse(r.options as string),
      counts: r.counts ? JSON.parse(r.counts as string) : null,
    }));
  }

  /** The stored state of a source path, to decide whether it must be extracted again. */
  findDocument(source: string): StoredState | undefined {
    return this.db
      .prepare(
        `select id, sha256, format, extractor_name as extractorName, extractor_version as extractorVersion, stage_versions as stageVersions,
         coalesce(extract_options, '') as extractOptions, status from document where source = ?`,
      )
      .get(source) as StoredState | undefined;
  }

  /**
   * Writes one document — or replaces what was stored for the same source, keeping its id —
   * in one transaction: either all of it is stored or nothing changes.
   */
  writeDocument(runId: number, file: SourceFile, result: StoredResult, options: { validated?: boolean } = {}): number {
    // a Document straight from normalizeDocument was parsed by its schema there; anything else is checked here
    const failure = 'failure' in result ? { extractor: { name: 'gongkai', version: TOOL_VERSION }, ...result.failure } : null;
    return this.db.transaction(() => writeDocumentRows(this.db, runId, file, storedContent(result, options), failure))();
  }

  /** How many documents the database holds, and how many of them failed (whatever run stored them). */
  countDocuments(): { documents: number; failed: number } {
    return this.db.prepare(`select count(*) as documents, coalesce(sum(status = 'failed'), 0) as failed from document`).get() as { documents: number; failed: number };
  }

  listDocuments(): StoredDocumentInfo[] {
    const rows = this.db
      .prepare(
        `select d.*, (select count(*) from doc_table t where t.document_id = d.id) as n_tables
         from document d order by d.source`,
      )
      .all() as Record<string, unknown>[];
    return rows.map(toInfo);
  }

  /** Finds documents by source path, by part of it (a file name or its start), or by a sha256 prefix (4+ hex digits). */
  findDocuments(key: string): StoredDocumentInfo[] {
    const all = this.listDocuments();
    const exact = all.filter((d) => d.source === key);
    if (exact.length) return exact;
    const k = key.toLowerCase();
    const bySha = k.length >= 4 && /^[0-9a-f]+$/.test(k) ? all.filter((d) => d.sha256.startsWith(k)) : [];
    return bySha.length ? bySha : all.filter((d) => d.source.includes(key));
  }

  /** The stored Document of a document id, rebuilt from its rows (null for failed documents). */
  readDocument(id: number): Document | null {
    return readDocumentRows(this.db, id);
  }

  /**
   * One stored document with its file info and status, found by id (a number), by exact source
   * path, or by a sha256 prefix of 4+ hex digits; undefined when nothing matches. Throws when a
   * sha256 prefix matches several documents (the same bytes under two paths included).
   */
  readStoredDocument(key: number | string): StoredDocument | undefined {
    const info = this.lookupDocument(key);
    return info && { ...info, document: readDocumentRows(this.db, info.id) };
  }

  /** When run `runId` started; undefined when there is no such run. */
  runStartedAt(runId: number): string | undefined {
    return (this.db.prepare('select started_at from run where id = ?').get(runId) as { started_at: string } | undefined)?.started_at;
  }

  /** The highest document id stored, 0 when none. */
  maxDocumentId(): number {
    return (this.db.prepare('select coalesce(max(id), 0) as id from document').get() as { id: number }).id;
  }

  /** The version of each document as it stood after run `runId` (src/store/versions.ts). */
  versionsAt(runId: number): Map<number, DocumentVersion> {
    return versionsAt(this.db, runId);
  }

  /** A document's current extraction and the one it replaced; null when it was extracted once. */
  lastChange(documentId: number): { before: DocumentVersion; after: DocumentVersion } | null {
    return lastChange(this.db, documentId);
  }

  /** Per document (all, or those of `documentIds`): how many checks passed and failed, in source order. */
  summarizeChecks(documentIds?: number[]): CheckSummary[] {
    return summarizeChecks(this.db, documentIds);
  }

  /** Stored checks (all, or only failed ones) of some or all documents, with their refs, in source and check order. */
  readChecks(options: { documentIds?: number[] | undefined; status?: 'pass' | 'fail' } = {}): StoredCheck[] {
    return readChecks(this.db, options);
  }

  /** Failed checks per document id; null when the database has no checks tables. */
  failedCheckCounts(): Map<number, number> | null {
    return failedCheckCounts(this.db);
  }

  /** The failed checks of one document, each side placed in its table or prose; null when the database has no checks tables. */
  failedChecks(documentId: number): FailedCheck[] | null {
    return readFailedChecks(this.db, documentId);
  }

  /** Full-text search over titles, row labels and prose (src/store/search.ts). */
  search(query: string, limit = 50): SearchHit[] {
    return searchText(this.db, query, limit);
  }

  /** The rows of the `fact` view, streamed (src/store/facts.ts). */
  facts(options: { documentId?: number } = {}): Generator<Fact> {
    return iterateFacts(this.db, options);
  }

  /** The sources of documents whose rows do not add up, as a write cut short would leave them; empty for a sound database. */
  halfWrittenDocuments(): string[] {
    return halfWrittenDocuments(this.db);
  }

  private lookupDocument(key: number | string): StoredDocumentInfo | undefined {
    const select = `select d.*, (select count(*) from doc_table t where t.document_id = d.id) as n_tables from document d`;
    if (typeof key === 'number') {
      const row = this.db.prepare(`${select} where d.id = ?`).get(key) as Record<string, unknown> | undefined;
      return row && toInfo(row);
    }
    const bySource = this.db.prepare(`${select} where d.source = ?`).get(key) as Record<string, unknown> | undefined;
    if (bySource) return toInfo(bySource);
    if (!/^[0-9a-f]{4,64}$/i.test(key)) return undefined;
    // sha256 is stored as lower-case hex; substr() instead of LIKE so that the prefix is compared literally
    const prefix = key.toLowerCase();
    const rows = this.db.prepare(`${select} where substr(d.sha256, 1, ?) = ? order by d.source`).all(prefix.length, prefix) as Record<string, unknown>[];
    if (rows.length > 1) {
      throw new Error(`sha256 prefix "${key}" matches ${rows.length} documents: ${rows.map((r) => r.source).join(', ')}`);
    }
    return rows[0] && toInfo(rows[0]);
  }
}

function toInfo(r: Record<string, unknown>): StoredDocumentInfo {
  return {
    id: r.id as number,
    source: r.source as string,
    sha256: r.sha256 as string,
    bytes: r.bytes as number,
    format: (r.format as string | null) ?? null,
    encoding: (r.encoding as string | null) ?? null,
    extractorName: r.extractor_name as string,
    extractorVersion: r.extractor_version as string,
    extractOptions: (r.extract_options as string | null) ?? '',
    status: r.status as StoredDocumentInfo['status'],
    error: (r.error as string | null) ?? null,
    org: { code: (r.org_code as string | null) ?? null, name: (r.org_name as string | null) ?? null },
    year: (r.year as number | null) ?? null,
    docKind: (r.doc_kind as string | null) ?? null,
    tables: (r.n_tables as number) ?? 0,
  };
}

/**
 * The connection of a store, for src/store's modules (the writer of the queue, db copy) and for
 * tests that inspect rows. The rest of src and extractors never use it
 * (test/store/sql-in-store.test.ts).
 */
export function sqliteConnection(store: Store): Database.Database {
  return connections.get(store)!;
}

/** Opens (creating and migrating as needed) the store at `file`. */
export function openStore(file: string): Store {
  return new Store(file);
}

export type { Provenance };

/** What a result stores: its Document (checked by its schema unless it already was), its packed rows, or nothing (a failure). */
export function storedContent(result: StoredResult, options: { validated?: boolean }): Document | PackedDocument | null {
  if ('document' in result) return options.validated ? result.document : Document.parse(result.document);
  return 'packed' in result ? result.packed : null;
}
