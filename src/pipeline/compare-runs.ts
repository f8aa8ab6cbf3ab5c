import { LookupError } from '../store/lookup-error.js';
import type { DocumentVersion, Store } from '../store/index.js';
import { diffDocuments, type DocumentDiff } from './diff-documents.js';

/** One document between two extractions: absent on one side when it was added or removed. */
export interface VersionChange {
  before: DocumentVersion | null;
  after: DocumentVersion | null;
  /** What changed in its tables and fields; null when one side is absent. */
  diff: DocumentDiff | null;
}

/** What changed from run `from` to run `to`: the documents that differ, by id. */
export interface RunComparison {
  from: number;
  to: number;
  changes: VersionChange[];
}

/** Whether two sides differ at all: added, removed, another status, or a field or table changed. */
function differs(c: VersionChange): boolean {
  return !c.before || !c.after || c.before.status !== c.after.status || c.diff!.fields.length > 0 || c.diff!.tables.length > 0;
}

function change(before: DocumentVersion | null, after: DocumentVersion | null): VersionChange {
  return { before, after, diff: before && after ? diffDocuments(before.document, after.document) : null };
}

/**
 * Every document as it stood after run `from` against after run `to`; without `runs`, the last
 * run against the one before it (run 0, nothing, when there is one run). LookupError for a run
 * the database does not have.
 */
export function compareRuns(store: Store, runs?: [number, number]): RunComparison {
  const ids = store.listRuns().map((r) => r.id);
  if (ids.length === 0) throw new LookupError(`no runs in ${store.file}`);
  const [from, to] = runs ?? [ids[ids.length - 2] ?? 0, ids[ids.length - 1]!];
  if (runs) for (const r of runs) if (!ids.includes(r)) throw new LookupError(`no run ${r} in ${store.file} (runs ${ids[0]}–${ids[ids.length - 1]}; \`gongkai runs\` lists them)`);
  const before = store.versionsAt(from);
  const after = store.versionsAt(to);
  const changes: VersionChange[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort((x, y) => x - y)) {
    const x = before.get(id) ?? null;
    const y = after.get(id) ?? null;
    if (x && y && x.runId === y.runId) continue; // the same extraction
    const c = change(x, y);
    if (differs(c)) changes.push(c);
  }
  return { from, to, changes };
}

/**
 * One document's current extraction against the one it replaced, found by source path, part of
 * it, or sha256 prefix (LookupError unless exactly one matches); `change` is null when it was
 * extracted once.
 */
export function compareDocument(store: Store, key: string): { source: string; change: VersionChange | null } {
  const matches = store.findDocuments(key);
  if (matches.length !== 1) throw new LookupError(matches.length ? `"${key}" matches ${matches.length} documents` : `no document matches "${key}"`);
  const last = store.lastChange(matches[0]!.id);
  return { source: matches[0]!.source, change: last && change(last.before, last.after) };
}
