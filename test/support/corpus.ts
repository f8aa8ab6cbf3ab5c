import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository's corpus folder (tests never read ../shared). */
export const CORPUS = path.resolve(__dirname, '../../corpus');

/** The seeds handled by the Word-export text extractor. */
export const WORD_TEXT_SEEDS = ['000_0018174054ff74da', '001_655c0751f88457f2', '003_fc1028512c8b7c0f', '004_3c83e1ac369f3f17'];

/** The seeds that are PDF-to-text conversions. */
export const PDF_TEXT_SEEDS = ['002_c52ee38ce6c6c3d2'];

export const ALL_SEEDS = [...WORD_TEXT_SEEDS, ...PDF_TEXT_SEEDS].sort();

/**
 * Where gongkai's export differs from a golden on purpose, with the reason. Each entry names
 * the table, the column, and what gongkai exports instead (what the source prints).
 */
export const KNOWN_GOLDEN_DIFFERENCES: Record<string, { table: string; column: number; exported: string[]; reason: string }[]> = {
  '002_c52ee38ce6c6c3d2': [
    {
      table: '部门预算财政拨款“三公”经费支出表',
      column: 5,
      exported: ['资金性质', '国有资本经营'],
      reason:
        'seed 002 L352 prints the header cell as 国有资本经营 only (the converter lost 预算财政拨款); the shared gold has the full name 国有资本经营预算财政拨款, which is not printed anywhere in the file. gongkai extracts what is printed.',
    },
  ],
};

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
