import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository's corpus folder (tests never read ../shared). */
export const CORPUS = path.resolve(__dirname, '../../corpus');

/** The seeds handled by the Word-export text extractor. */
export const WORD_TEXT_SEEDS = ['000_0018174054ff74da', '001_655c0751f88457f2', '003_fc1028512c8b7c0f', '004_3c83e1ac369f3f17'];

export function seedPath(seed: string): string {
  return path.join(CORPUS, `${seed}.txt`);
}

export function readGold(seed: string): GoldDocument {
  return JSON.parse(fs.readFileSync(path.join(CORPUS, `${seed}.gold.json`), 'utf8'));
}

export interface GoldDocument {
  source: string;
  sha256: string;
  format: string;
  org: { code: string; name: string };
  year: number;
  tables: { title: string; kind: string; unit: string | null; columns: string[][]; rows: string[][]; source: { page: number | null; line: number } }[];
}

/** A fresh temporary folder, removed by the caller's cleanup. */
export function tempDir(prefix = 'gongkai-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
