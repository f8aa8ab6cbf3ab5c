// npm run bench -- --ocr: the OCR path on the table scans of corpus/scans (scripts/make-scans.ts,
// 200 dpi scans, and 000-p1 at 150 and 300 dpi), one page each: pages per second of the whole extraction and the share of the
// golden's cells and amounts read equal, beside the floor — `tesseract` alone reading the same
// pages (rasterised by pdftoppm at the dpi the OCR path reads them at, Simplified Chinese, psm 6)
// in the same run. First one page at a time, then two at a time (the machine's two cores, as
// `--jobs 2` runs them).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { OCR_DPI } from '../extractors/pdf/ocr/ocr-page.js';
import { extractDocumentAsync } from '../src/pipeline/extract-document.js';
import { compareScan, scanBytes, share, TABLE_SCANS } from '../scripts/lib/scan-goldens.js';

const run = promisify(execFile);
const SCANS = path.resolve(import.meta.dirname, '../corpus/scans');

/** The whole extraction of one scan: seconds, the dpi it was read at, and how equal its tables came out. */
async function extractScan(s: (typeof TABLE_SCANS)[number]) {
  const t0 = performance.now();
  const result = await extractDocumentAsync(scanBytes(s.scan));
  const secs = (performance.now() - t0) / 1000;
  if (!result.ok) throw new Error(`${s.scan}: ${result.error}`);
  const lower = result.document.diagnostics.find((d) => d.code === 'pdf-ocr-lower-dpi')?.message;
  const dpi = lower ? Number(/at (\d+) dpi/.exec(lower)![1]) : OCR_DPI;
  return { secs, dpi, tally: compareScan(result.document, s.seed, s.tables) };
}

/** The floor: the page rasterised as the OCR path does (not timed), then read once by the tesseract CLI (timed). */
async function tesseractAlone(pgm: string): Promise<number> {
  const t0 = performance.now();
  await run('tesseract', [pgm, 'stdout', '-l', 'chi_sim', '--psm', '6', 'tsv'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return (performance.now() - t0) / 1000;
}

/** Runs `jobs` over `width` at a time; the wall-clock seconds of it all. */
async function wall(jobs: (() => Promise<unknown>)[], width: number): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
  return (performance.now() - t0) / 1000;
}

export async function ocrBench(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-ocr-bench-'));
  const n = TABLE_SCANS.length;
  console.log(`gongkai bench --ocr: ${n} scanned pages (corpus/scans; 200 dpi scans but for 000-p1-150dpi and 000-p1-300dpi), ${os.cpus().length} cores; one page at a time, then two at a time`);
  console.log(`${'scan'.padEnd(26)} ${'dpi'.padStart(4)} ${'s/page'.padStart(7)} ${'tesseract s'.padStart(12)} ${'cells equal'.padStart(18)} ${'amounts equal'.padStart(18)}`);
  const total = { secs: 0, floor: 0, cells: 0, allCells: 0, amounts: 0, allAmounts: 0 };
  const pgms: string[] = [];
  for (const s of TABLE_SCANS) {
    const { secs, dpi, tally: t } = await extractScan(s);
    const pgm = path.join(work, s.scan);
    await run('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', path.join(SCANS, `${s.scan}.pdf`), pgm]);
    pgms.push(`${pgm}.pgm`);
    const floor = await tesseractAlone(`${pgm}.pgm`);
    Object.assign(total, { secs: total.secs + secs, floor: total.floor + floor, cells: total.cells + t.cells, allCells: total.allCells + t.allCells, amounts: total.amounts + t.amounts, allAmounts: total.allAmounts + t.allAmounts });
    console.log(`${s.scan.padEnd(26)} ${String(dpi).padStart(4)} ${secs.toFixed(1).padStart(7)} ${floor.toFixed(1).padStart(12)} ${share(t.cells, t.allCells).padStart(18)} ${share(t.amounts, t.allAmounts).padStart(18)}`);
  }
  console.log(`${'all'.padEnd(26)} ${''.padStart(4)} ${(total.secs / n).toFixed(1).padStart(7)} ${(total.floor / n).toFixed(1).padStart(12)} ${share(total.cells, total.allCells).padStart(18)} ${share(total.amounts, total.allAmounts).padStart(18)}`);
  const paired = await wall(TABLE_SCANS.map((s) => () => extractScan(s)), 2);
  const pairedFloor = await wall(pgms.map((p) => () => tesseractAlone(p)), 2);
  console.log(`pages/s, one at a time: gongkai ${(n / total.secs).toFixed(3)}, tesseract alone ${(n / total.floor).toFixed(3)} (× floor ${(total.secs / total.floor).toFixed(1)})`);
  console.log(`pages/s, two at a time: gongkai ${(n / paired).toFixed(3)}, tesseract alone ${(n / pairedFloor).toFixed(3)} (× floor ${(paired / pairedFloor).toFixed(1)})`);
  console.log('(s/page: the whole extraction of the one-page document — rasterising, levelling, rules, first reading, upside-down check, second reading, tables; the floor reads the raster once)');
  fs.rmSync(work, { recursive: true, force: true });
}
