// npm run bench -- --ocr: the OCR path on the table scans of corpus/scans (scripts/make-scans.ts,
// 200 dpi), one page each, one after another: seconds per OCR page and the share of the golden's
// cells and amounts read equal, beside the floor — `tesseract` alone reading the same pages
// (rasterised by pdftoppm at the same 300 dpi, Simplified Chinese, psm 6) in the same run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OCR_DPI } from '../extractors/pdf/ocr/ocr-page.js';
import { extractDocumentAsync } from '../src/pipeline/extract-document.js';
import { compareScan, scanBytes, share, TABLE_SCANS } from '../scripts/lib/scan-goldens.js';

export async function ocrBench(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-ocr-bench-'));
  console.log(`gongkai bench --ocr: ${TABLE_SCANS.length} scanned pages (corpus/scans), ${os.cpus().length} cores, one page at a time`);
  console.log(`${'scan'.padEnd(22)} ${'s/page'.padStart(7)} ${'tesseract s'.padStart(12)} ${'cells equal'.padStart(18)} ${'amounts equal'.padStart(18)}`);
  const total = { secs: 0, floor: 0, cells: 0, allCells: 0, amounts: 0, allAmounts: 0 };
  for (const s of TABLE_SCANS) {
    const t0 = performance.now();
    const result = await extractDocumentAsync(scanBytes(s.scan));
    const secs = (performance.now() - t0) / 1000;
    if (!result.ok) throw new Error(`${s.scan}: ${result.error}`);
    const t = compareScan(result.document, s.seed, s.tables);
    // the floor: the page rasterised as the OCR path does, then read once by the tesseract CLI
    const pgm = path.join(work, s.scan);
    execFileSync('pdftoppm', ['-r', String(OCR_DPI), '-gray', '-singlefile', path.resolve(import.meta.dirname, '../corpus/scans', `${s.scan}.pdf`), pgm]);
    const f0 = performance.now();
    execFileSync('tesseract', [`${pgm}.pgm`, 'stdout', '-l', 'chi_sim', '--psm', '6', 'tsv'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['ignore', 'ignore', 'ignore'] });
    const floor = (performance.now() - f0) / 1000;
    Object.assign(total, { secs: total.secs + secs, floor: total.floor + floor, cells: total.cells + t.cells, allCells: total.allCells + t.allCells, amounts: total.amounts + t.amounts, allAmounts: total.allAmounts + t.allAmounts });
    console.log(`${s.scan.padEnd(22)} ${secs.toFixed(1).padStart(7)} ${floor.toFixed(1).padStart(12)} ${share(t.cells, t.allCells).padStart(18)} ${share(t.amounts, t.allAmounts).padStart(18)}`);
  }
  const n = TABLE_SCANS.length;
  console.log(`${'all'.padEnd(22)} ${(total.secs / n).toFixed(1).padStart(7)} ${(total.floor / n).toFixed(1).padStart(12)} ${share(total.cells, total.allCells).padStart(18)} ${share(total.amounts, total.allAmounts).padStart(18)}`);
  console.log(`(s/page: the whole extraction of the one-page document, first reading, upside-down check and second reading included; × floor ${(total.secs / total.floor).toFixed(1)})`);
  fs.rmSync(work, { recursive: true, force: true });
}
