import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../store/index.js';
import { TOOL_VERSION } from '../version.js';
import { discoverFiles } from './discover.js';
import { EXTRACTORS, extractDocument } from './extract-document.js';
import { sha256Hex } from './hash.js';

/** Files larger than this are refused with a clear reason instead of being read into memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface RunOptions {
  db: string;
  /** Re-extract even documents whose bytes and extractor version are unchanged. */
  force?: boolean;
  /** Called after each document. */
  onDocument?: (event: DocumentEvent) => void;
}

export interface DocumentEvent {
  source: string;
  outcome: 'new' | 'changed' | 'unchanged' | 'failed';
  error?: string;
  tables: number;
  cells: number;
}

export interface RunSummary {
  runId: number;
  files: number;
  new: number;
  changed: number;
  unchanged: number;
  failed: number;
  tables: number;
  cells: number;
  seconds: number;
}

/**
 * Extracts every file under `paths` into the SQLite store at `options.db`, one transaction per
 * document, skipping documents whose bytes and extractor are unchanged since they were stored.
 */
export function runCorpus(paths: string[], options: RunOptions): RunSummary {
  const started = Date.now();
  const store = openStore(options.db);
  const extractorVersions = Object.fromEntries(Object.entries(EXTRACTORS).map(([f, e]) => [f, `${e!.name}@${e!.version}`]));
  const runId = store.beginRun({ toolVersion: TOOL_VERSION, extractorVersions, options: { paths, force: !!options.force } });
  const s: RunSummary = { runId, files: 0, new: 0, changed: 0, unchanged: 0, failed: 0, tables: 0, cells: 0, seconds: 0 };
  try {
    for (const file of discoverFiles(paths)) {
      s.files++;
      const event = processFile(store, runId, file, !!options.force);
      s[event.outcome]++;
      s.tables += event.tables;
      s.cells += event.cells;
      options.onDocument?.(event);
    }
  } finally {
    s.seconds = (Date.now() - started) / 1000;
    store.finishRun(runId, { files: s.files, new: s.new, changed: s.changed, unchanged: s.unchanged, failed: s.failed, tables: s.tables, cells: s.cells });
    store.close();
  }
  return s;
}

type Store = ReturnType<typeof openStore>;

function processFile(store: Store, runId: number, file: string, force: boolean): DocumentEvent {
  const source = toSourcePath(file);
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) return fail(store, runId, source, { sha256: '', bytes: size }, null, `file too large (${size} bytes; limit ${MAX_FILE_BYTES})`);
    bytes = fs.readFileSync(file);
  } catch (e) {
    return fail(store, runId, source, { sha256: '', bytes: 0 }, null, `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const sha256 = sha256Hex(bytes);
  const previous = store.findDocument(source);
  if (!force && previous && previous.sha256 === sha256 && isCurrentExtractor(previous.extractorName, previous.extractorVersion)) {
    return { source, outcome: 'unchanged', tables: 0, cells: 0 };
  }
  let result;
  try {
    result = extractDocument(bytes);
  } catch (e) {
    result = { ok: false as const, format: null, error: `internal error: ${(e as Error).message}` };
  }
  if (!result.ok) return fail(store, runId, source, { sha256, bytes: bytes.length }, result.format, result.error);
  store.writeDocument(runId, { source, sha256, bytes: bytes.length }, { document: result.document });
  const cells = result.document.tables.reduce((n, t) => n + t.cells.length, 0);
  return { source, outcome: previous ? 'changed' : 'new', tables: result.document.tables.length, cells };
}

function fail(store: Store, runId: number, source: string, file: { sha256: string; bytes: number }, format: string | null, error: string): DocumentEvent {
  store.writeDocument(runId, { source, ...file }, { failure: { format, error, extractor: { name: 'gongkai', version: TOOL_VERSION } } });
  return { source, outcome: 'failed', error, tables: 0, cells: 0 };
}

/** Failed documents are recorded under the tool's own name and version, so a new release retries them. */
function isCurrentExtractor(name: string | null, version: string | null): boolean {
  if (name === 'gongkai') return version === TOOL_VERSION;
  return Object.values(EXTRACTORS).some((e) => e!.name === name && e!.version === version);
}

/** Sources are stored relative to the working directory with forward slashes, as users typed them. */
function toSourcePath(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return (rel.startsWith('..') ? path.resolve(file) : rel).split(path.sep).join('/');
}
