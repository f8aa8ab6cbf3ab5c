/**
 * The table scans of corpus/scans (scripts/make-scans.ts) beside the goldens of the renderings
 * they were made from, and how equal their tables come out: shared by the OCR tests and
 * `npm run bench -- --ocr`, so that both count the same cells.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bodyRows } from '../../src/export/index.js';
import type { Document } from '../../src/model/index.js';

const CORPUS = path.resolve(import.meta.dirname, '../../corpus');

/** A scan's bytes. */
export const scanBytes = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(CORPUS, 'scans', `${name}.pdf`)));

/** A two-decimal amount as the goldens print them. */
export const GOLD_AMOUNT = /^-?\d+\.\d{2}$/;

/**
 * Each table scan with the golden it was printed from: `tables` pairs a golden table's index
 * with the index of that table among the scan's tables; `skew` is the angle make-scans.ts gave the page.
 */
export const TABLE_SCANS = [
  { scan: '000-p1', seed: '000_0018174054ff74da', skew: 1.2, tables: [[0, 0]] },
  { scan: '000-p2', seed: '000_0018174054ff74da', skew: -0.9, tables: [[1, 0]] },
  { scan: '001-p1', seed: '001_655c0751f88457f2', skew: -1.5, tables: [[0, 0]] },
  { scan: '001-p1-upside-down', seed: '001_655c0751f88457f2', skew: 0.8, tables: [[0, 0]] },
  { scan: '001-p1-skew3-upside-down', seed: '001_655c0751f88457f2', skew: -3, tables: [[0, 0]] },
  // the 001-p1 scan on an A0 page (read at a lower dpi), and 001's page printed without borders (no rules to find)
  { scan: '001-p1-huge', seed: '001_655c0751f88457f2', skew: -1.5, tables: [[0, 0]] },
  { scan: '001-p1-unruled', seed: '001_655c0751f88457f2', skew: 1, tables: [[0, 0]] },
  // 000-p1 scanned at the ends of the range of resolutions, 150 and 300 dpi
  { scan: '000-p1-150dpi', seed: '000_0018174054ff74da', skew: -0.6, tables: [[0, 0]] },
  { scan: '000-p1-300dpi', seed: '000_0018174054ff74da', skew: 0.9, tables: [[0, 0]] },
] as const;

export interface ScanTally {
  cells: number;
  allCells: number;
  amounts: number;
  allAmounts: number;
  titles: number;
  /** The golden's amounts read otherwise: what was printed, what OCR made of it. */
  missed: { want: string; got: string | undefined }[];
}

/** Equal body cells and equal amounts of the golden tables in a scan's document, by place. */
export function compareScan(document: Document, seed: string, pairs: readonly (readonly number[])[]): ScanTally {
  const gold = JSON.parse(fs.readFileSync(path.join(CORPUS, `${seed}.gold.json`), 'utf8')) as { tables: { title: string; rows: string[][] }[] };
  const tally: ScanTally = { cells: 0, allCells: 0, amounts: 0, allAmounts: 0, titles: 0, missed: [] };
  for (const [g, s] of pairs) {
    const want = gold.tables[g!]!;
    const got = document.tables[s!];
    if (got?.title === want.title) tally.titles++;
    const rows = got ? bodyRows(got) : [];
    want.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const read = rows[r]?.[c];
        const same = read === cell;
        tally.allCells++;
        if (same) tally.cells++;
        if (GOLD_AMOUNT.test(cell)) {
          tally.allAmounts++;
          if (same) tally.amounts++;
          else tally.missed.push({ want: cell, got: read });
        }
      }),
    );
  }
  return tally;
}

/** `7/9 (77.8 %)` */
export const share = (n: number, of: number): string => `${n}/${of} (${of ? ((100 * n) / of).toFixed(1) : '0.0'} %)`;
