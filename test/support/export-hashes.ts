import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportDocuments } from '../../src/export/index.js';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { discoverFiles } from '../../src/pipeline/discover.js';
import { STAGE_VERSIONS } from '../../src/pipeline/stage-versions.js';
import { openStore } from '../../src/store/index.js';

// imported by a tsx script too, where there is no __dirname
const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root: recorded sources are relative to it (`corpus/real/….pdf`). */
const ROOT = path.resolve(here, '../..');
const CORPUS = path.join(ROOT, 'corpus');

/** Where the hashes are recorded (test/corpus/export-hashes.json). */
export const HASHES_FILE = path.join(ROOT, 'test/corpus/export-hashes.json');

/**
 * The scans are left out: what OCR reads depends on the installed Tesseract and its language
 * data as much as on gongkai, so their export may change with no gongkai version to bump
 * (the OCR tests check them against hand-written tables instead).
 */
const NOT_HASHED = /^corpus\/scans\//u;

/** The recorded hashes: per document (its source), per versions key, the sha256 of its export. */
export interface RecordedHashes {
  about: string;
  documents: Record<string, Record<string, string>>;
}

/** One corpus document's export hashed under the versions that made it. */
export interface ExportHash {
  source: string;
  /** `<extractor>@<version> normalize@<v> enrich@<v>`: what a change in the export must bump. */
  versions: string;
  sha256: string;
}

/**
 * Runs the shipped corpus (less the scans) through the real pipeline into a fresh database,
 * with default options, and hashes each document's JSON export (`gongkai export --format json`,
 * one element) under its extractor's and the stages' versions.
 */
export async function hashCorpusExport(): Promise<ExportHash[]> {
  const files = [...discoverFiles([CORPUS])].filter((f) => !NOT_HASHED.test(relative(f)));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-export-hashes-'));
  const db = path.join(dir, 'gongkai.sqlite');
  await runCorpus(files, { db });
  const store = openStore(db);
  try {
    const versions = new Map(store.listDocuments().map((d) => [d.source, `${d.extractorName}@${d.extractorVersion} ${STAGE_VERSIONS}`]));
    return [...exportDocuments(store)].map((doc) => {
      const source = relative(doc.source);
      // the source is the key; where the checkout sits must not change the hash
      const sha256 = createHash('sha256').update(JSON.stringify({ ...doc, source })).digest('hex');
      return { source, versions: versions.get(doc.source)!, sha256 };
    });
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const relative = (file: string) => path.relative(ROOT, path.resolve(file)).split(path.sep).join('/');

export function readRecordedHashes(): RecordedHashes {
  return JSON.parse(fs.readFileSync(HASHES_FILE, 'utf8')) as RecordedHashes;
}
