import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Document, type Provenance } from '../model/index.js';
import { migrate } from './migrations/index.js';
import { readDocumentRows } from './read-document.js';
import { writeDocumentRows } from './write-document.js';

/** The file a document came from, as the pipeline saw it. */
export interface SourceFile {
  source: string;
  sha256: string;
  bytes: number;
}

/** What one file gave: a Document, or the reason there is none (recorded under the tool's own name). */
export type StoredResult =
  | { document: Document }
  | { failure: { format: string | null; error: string; extractor: { name: string; version: string } } };

export interface StoredDocumentInfo {
  id: number;
  source: string;
  sha256: string;
  bytes: number;
  format: string | null;
  encoding: string | null;
  extractorName: string;
  extractorVersion: string;
  status: 'ok' | 'partial' | 'failed';
  error: string | null;
  org: { code: string | null; name: string | null };
  year: number | null;
  docKind: string | null;
  tables: number;
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

/**
 * The SQLite store: all SQL of gongkai lives under src/store. One Store is one connection;
 * the pipeline has a single writer.
 */
export class Store {
  readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL never corrupts and survives a killed process; only a power cut can lose the last commits
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
    migrate(this.db);
  }

  close(): void {
    this.db.close();
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
  findDocument(source: string): { id: number; sha256: string; extractorName: string; extractorVersion: string; status: string } | undefined {
    return this.db
      .prepare('select id, sha256, extractor_name as extractorName, extractor_version as extractorVersion, status from document where source = ?')
      .get(source) as { id: number; sha256: string; extractorName: string; extractorVersion: string; status: string } | undefined;
  }

  /**
   * Writes one document — or replaces what was stored for the same source, keeping its id —
   * in one transaction: either all of it is stored or nothing changes.
   */
  writeDocument(runId: number, file: SourceFile, result: StoredResult, options: { validated?: boolean } = {}): number {
    // a Document straight from normalizeDocument was parsed by its schema there; anything else is checked here
    const document = 'document' in result ? (options.validated ? result.document : Document.parse(result.document)) : null;
    return this.db.transaction(() => writeDocumentRows(this.db, runId, file, document, 'failure' in result ? result.failure : null))();
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
    status: r.status as StoredDocumentInfo['status'],
    error: (r.error as string | null) ?? null,
    org: { code: (r.org_code as string | null) ?? null, name: (r.org_name as string | null) ?? null },
    year: (r.year as number | null) ?? null,
    docKind: (r.doc_kind as string | null) ?? null,
    tables: (r.n_tables as number) ?? 0,
  };
}

/** Opens (creating and migrating as needed) the store at `file`. */
export function openStore(file: string): Store {
  return new Store(file);
}

export type { Provenance };
