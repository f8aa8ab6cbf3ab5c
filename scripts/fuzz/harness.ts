import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { decodeText } from '../../extractors/text/decode-text.js';
import { exportJson } from '../../src/export/index.js';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { halfWrittenDocuments, openStore } from '../../src/store/index.js';
import { loadBases, mutant } from './mutants.js';

export interface FuzzOptions {
  n: number;
  seed: number;
  jobs?: number;
  /** `--doc-timeout` for the mutants (seconds). */
  docTimeout?: number;
  /** Mutants written and run per batch (disk: a text mutant with a run of a million characters is 1 MB). */
  batch?: number;
  /** Called after each batch with the figures so far (a long run that is stopped still says how far it got). */
  onBatch?: (soFar: FuzzSummary) => void;
}

export interface FuzzSummary {
  mutants: number;
  ok: number;
  partial: number;
  failed: number;
  timeouts: number;
  crashes: number;
  internalErrors: number;
  /** Reasons that are not one line, statuses that do not agree with their reason or tables. */
  inconsistent: number;
  /** Text cells whose provenance is outside the decoded source, or whose raw is not the source slice. */
  provenanceOutside: number;
  halfWritten: number;
  goodChanged: number;
  seconds: number;
  /** Failure reasons by their opening words, for a look at what the mutants did. */
  reasons: Record<string, number>;
  /** The first problems found, each naming its mutant and how it was made. */
  problems: string[];
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const GOOD = ['000_0018174054ff74da.txt', '004_3c83e1ac369f3f17.txt', 'rendered/001_655c0751f88457f2.docx', 'rendered/003_fc1028512c8b7c0f.pdf', 'rendered/004_3c83e1ac369f3f17.xlsx'];

/**
 * Runs `n` mutants of the corpus (text, .docx, PDF, spreadsheets) through the real pipeline with
 * good documents beside them, and counts what must never happen: crashes, timeouts, internal
 * errors as reasons, inconsistent records, provenance outside the source, half-written
 * documents, good documents that export differently than when run alone.
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const started = Date.now();
  const jobs = options.jobs ?? 2;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-fuzz-'));
  const s: FuzzSummary = { mutants: 0, ok: 0, partial: 0, failed: 0, timeouts: 0, crashes: 0, internalErrors: 0, inconsistent: 0, provenanceOutside: 0, halfWritten: 0, goodChanged: 0, seconds: 0, reasons: {}, problems: [] };
  const problem = (what: string) => s.problems.length < 50 && s.problems.push(what);
  try {
    const good = path.join(dir, 'good');
    fs.mkdirSync(good);
    for (const f of GOOD) fs.copyFileSync(path.join(ROOT, 'corpus', f), path.join(good, path.basename(f)));
    const aloneDb = path.join(dir, 'alone.sqlite');
    await runCorpus([good], { db: aloneDb, jobs });
    const alone = exportOf(aloneDb);

    const bases = loadBases(ROOT);
    const batch = options.batch ?? 200;
    for (let from = 0; from < options.n; from += batch) {
      const mutants = path.join(dir, `mutants-${from}`);
      fs.mkdirSync(mutants);
      const how = new Map<string, { how: string; file: string }>();
      for (let n = from; n < Math.min(options.n, from + batch); n++) {
        const m = mutant(bases, options.seed, n);
        const file = path.join(mutants, m.name);
        fs.writeFileSync(file, m.bytes);
        how.set(m.name, { how: m.how, file });
      }
      // the good documents go through every batch again, beside its mutants
      const db = path.join(dir, `mixed-${from}.sqlite`);
      await runCorpus([mutants, good], { db, jobs, ...(options.docTimeout ? { docTimeout: options.docTimeout } : {}) });
      const mixed = exportOf(db);
      const goodNow = mixed.filter((d) => d.source.includes('/good/'));
      if (JSON.stringify(goodNow) !== JSON.stringify(alone)) {
        s.goodChanged += goodNow.filter((d, i) => JSON.stringify(d) !== JSON.stringify(alone[i])).length || 1;
        problem(`batch ${from}: good documents export differently beside the mutants`);
      }
      check(db, how, s, problem);
      const broken = halfWritten(db);
      s.halfWritten += broken.length;
      for (const h of broken) problem(`half-written: ${h}`);
      fs.rmSync(mutants, { recursive: true, force: true });
      fs.rmSync(db, { force: true });
      options.onBatch?.({ ...s, reasons: { ...s.reasons }, problems: [...s.problems], seconds: (Date.now() - started) / 1000 });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    s.seconds = (Date.now() - started) / 1000;
  }
  return s;
}

function exportOf(db: string) {
  const store = openStore(db);
  try {
    return exportJson(store);
  } finally {
    store.close();
  }
}

function check(db: string, how: Map<string, { how: string; file: string }>, s: FuzzSummary, problem: (what: string) => void): void {
  const store = openStore(db);
  try {
    for (const info of store.listDocuments()) {
      const made = how.get(path.basename(info.source));
      if (!made) continue;
      const name = `${path.basename(info.source)} (${made.how})`;
      s.mutants++;
      s[info.status]++;
      const error = info.error ?? '';
      if (info.status === 'failed') {
        const gist = error.split(/[:(]/)[0]!.slice(0, 60);
        s.reasons[gist] = (s.reasons[gist] ?? 0) + 1;
        if (/^timed out after/.test(error)) (s.timeouts++, problem(`${name}: ${error}`));
        if (/^(worker crashed|worker exited)/.test(error)) (s.crashes++, problem(`${name}: ${error}`));
        if (/^internal error/.test(error)) (s.internalErrors++, problem(`${name}: ${error}`));
        if (!/^[^\n]{5,300}$/.test(error)) (s.inconsistent++, problem(`${name}: reason not one line: ${JSON.stringify(error.slice(0, 120))}`));
        continue;
      }
      if (info.error !== null || info.tables === 0) (s.inconsistent++, problem(`${name}: ${info.status} with ${info.tables} tables and reason ${info.error}`));
      if (info.format === 'word-text' || info.format === 'pdf-text') s.provenanceOutside += textProvenanceOutside(store.readDocument(info.id), made.file, name, problem);
    }
  } finally {
    store.close();
  }
}

/** Cells of a text document whose provenance leaves the decoded source or whose raw is not the slice it names. */
function textProvenanceOutside(doc: ReturnType<ReturnType<typeof openStore>['readDocument']>, file: string, name: string, problem: (what: string) => void): number {
  if (!doc) return 0;
  const source = decodeText(new Uint8Array(fs.readFileSync(file))).text;
  let bad = 0;
  for (const cell of doc.tables.flatMap((t) => t.cells)) {
    for (const p of cell.prov) {
      if (p.kind !== 'text') continue;
      const inside = p.start.offset >= 0 && p.start.offset <= p.end.offset && p.end.offset <= source.length;
      if (!inside || (cell.prov.length === 1 && source.slice(p.start.offset, p.end.offset) !== cell.raw)) {
        bad++;
        problem(`${name}: cell ${JSON.stringify(cell.raw.slice(0, 40))} at ${p.start.offset}-${p.end.offset} is not the source there`);
      }
    }
  }
  return bad;
}

/** Stored documents whose tables, blocks and rows do not add up: a write cut short. */
function halfWritten(db: string): string[] {
  const conn = new Database(db, { readonly: true });
  try {
    return halfWrittenDocuments(conn);
  } finally {
    conn.close();
  }
}
