// npm run bench [-- --n 2000] [--before DIR] [--sizes 100,400,1600] — figures for a corpus-scale run, beside a floor measured in the same run.
// npm run bench -- --ocr — OCR pages per second beside tesseract alone, and cells and amounts read equal, on the table scans (bench/ocr-bench.ts).
// npm run bench -- --queue [--n 200] [--machines 10,100,1000] — run --queue with 1, 2, 4 worker processes vs a local run (bench/queue-bench.ts).
// npm run bench -- --pdf [--copies 16] [--repeat 2] [--sets …] [--scale N] [--before DIR] — the PDF path, beside pdftotext -layout (bench/pdf-bench.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sourceStamp } from '../bin/source-stamp.mjs';
import { fmt, runChild as child, type Measured } from './measure.js';
import { ocrBench } from './ocr-bench.js';
import { pdfBench } from './pdf-bench.js';
import { queueBench } from './queue-bench.js';
import { generateCorpus } from './synthetic-corpus.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '2000' }, keep: { type: 'boolean', default: false }, pdf: { type: 'boolean', default: false }, ocr: { type: 'boolean', default: false }, copies: { type: 'string', default: '16' }, repeat: { type: 'string', default: '2' }, sets: { type: 'string' }, scale: { type: 'string' }, before: { type: 'string' }, queue: { type: 'boolean', default: false }, sizes: { type: 'string' }, machines: { type: 'string', default: '1,10,100,1000' } } });
if (values.ocr) {
  await ocrBench();
  process.exit(0);
}
if (values.queue) {
  // the default --n (2000) is for the local bench; a queue bench of 200 takes minutes with its four runs
  await queueBench({ n: process.argv.includes('--n') ? Number(values.n) : 200, machines: values.machines!.split(',').map(Number) });
  process.exit(0);
}
if (values.pdf) {
  await pdfBench({
    copies: Number(values.copies),
    repeat: Math.max(1, Number(values.repeat)),
    keep: values.keep,
    ...(values.sets ? { sets: values.sets.split(',') } : {}),
    ...(values.scale ? { scale: Number(values.scale) } : {}),
    ...(values.before ? { before: values.before } : {}),
  });
  process.exit(0);
}
const n = Number(values.n);
const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
const corpus = path.join(work, 'corpus');
console.log(`gongkai bench: ${n} synthetic documents from the seeds in ${work}; ${os.cpus().length} cores, Node ${process.version}`);
const { files, bytes } = generateCorpus(corpus, n, path.join(root, 'corpus'));
fs.writeFileSync(path.join(work, 'files.txt'), files.join('\n'));
console.log(`corpus: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB`);

// the compiled dist/ when it is built from the sources as they are (what bin/gongkai.mjs runs), here and in --before's checkout
const before = values.before ? path.resolve(values.before) : null;
const built = (dir: string) => fs.existsSync(path.join(dir, 'dist', 'stamp')) && fs.readFileSync(path.join(dir, 'dist', 'stamp'), 'utf8') === sourceStamp(dir);
const script = built(root) && (!before || built(before)) ? 'run-once.mjs' : 'run-once.ts';
console.log(`measuring ${script === 'run-once.mjs' ? 'the compiled dist/' : 'the sources through tsx (dist/ is absent or stale: npm run build)'}`);
const rows: [string, Measured][] = [];
// --before DIR: another checkout (`git worktree add --detach /tmp/old <commit>`, node_modules linked) in the same rounds, each round before then after
for (const jobs of [1, 2]) {
  if (before) rows.push([`before: run --jobs ${jobs}`, child(script, [corpus, path.join(work, `before-jobs${jobs}.sqlite`), String(jobs)], before)]);
  rows.push([`run --jobs ${jobs}`, child(script, [corpus, path.join(work, `jobs${jobs}.sqlite`), String(jobs)])]);
}
rows.push(['re-run, nothing changed (--jobs 2)', child(script, [corpus, path.join(work, 'jobs2.sqlite'), '2'])]);
const cells = rows.find(([label]) => label === 'run --jobs 1')![1].cells;
const floor = child<{ read: number; insert: number; cpu: number; maxRssMB: number }>('floor.ts', [path.join(work, 'files.txt'), path.join(work, 'floor.sqlite'), String(cells)]);
const floorSecs = floor.read + floor.insert;

console.log('');
// CPU s: every thread of the process; on a loaded machine wall time is mostly waiting for a core
console.log(`${'measurement'.padEnd(36)} ${'seconds'.padStart(9)} ${'CPU s'.padStart(9)} ${'docs/s'.padStart(9)} ${'MB/s'.padStart(9)} ${'cells/s'.padStart(9)} ${'peak RSS MB'.padStart(12)} ${'× floor'.padStart(9)} ${'CPU × floor'.padStart(12)} ${'writer CPU s'.padStart(13)}`);
for (const [label, m] of rows) {
  console.log(`${label.padEnd(36)} ${fmt(m.wall, 2)} ${fmt(m.cpu, 2)} ${fmt(m.files / m.wall)} ${fmt(bytes / 1e6 / m.wall)} ${fmt(m.cells / m.wall, 0)} ${fmt(m.maxRssMB, 0).padStart(12)} ${fmt(m.wall / floorSecs, 1)} ${fmt(m.cpu / floor.cpu, 1, 12)} ${m.mainCpu == null ? '—'.padStart(13) : fmt(m.mainCpu, 2, 13)}`);
}
console.log(`${'floor: read files + bare insert'.padEnd(36)} ${fmt(floorSecs, 2)} ${fmt(floor.cpu, 2)} ${fmt(files.length / floorSecs)} ${fmt(bytes / 1e6 / floorSecs)} ${fmt(cells / floorSecs, 0)} ${fmt(floor.maxRssMB, 0).padStart(12)} ${fmt(1, 1)} ${fmt(1, 1, 12)} ${fmt(floor.cpu, 2, 13)}`);
console.log(`  (floor: reading ${floor.read.toFixed(2)} s, inserting ${cells} cell rows in ${files.length} transactions ${floor.insert.toFixed(2)} s)`);
const byLabel = (label: string) => rows.find(([l]) => l === label)![1];
const [j1, j2] = [byLabel('run --jobs 1'), byLabel('run --jobs 2')];
console.log(`--jobs 2 vs --jobs 1: ${(j1.wall / j2.wall).toFixed(2)}× ; failed documents: ${j1.failed} / ${j2.failed}`);
if (before) {
  const [b1, b2] = [byLabel('before: run --jobs 1'), byLabel('before: run --jobs 2')];
  console.log(`before: --jobs 2 vs --jobs 1: ${(b1.wall / b2.wall).toFixed(2)}× ; failed documents: ${b1.failed} / ${b2.failed}`);
}
// --sizes: --jobs 2 over corpora of growing size, for peak RSS as the batch grows
if (values.sizes) {
  console.log('');
  console.log(`${'--jobs 2, documents'.padEnd(36)} ${'seconds'.padStart(9)} ${'CPU s'.padStart(9)} ${'docs/s'.padStart(9)} ${'peak RSS MB'.padStart(12)} ${'writer CPU s'.padStart(13)}`);
  for (const size of values.sizes.split(',').map(Number)) {
    const dir = path.join(work, `size-${size}`);
    generateCorpus(dir, size, path.join(root, 'corpus'));
    for (const [label, at] of [...(before ? [['before: ', before] as const] : []), ['', root] as const]) {
      const m = child(script, [dir, path.join(work, `size-${size}-${label ? 'before' : 'after'}.sqlite`), '2'], at);
      console.log(`${`${label}${size}`.padEnd(36)} ${fmt(m.wall, 2)} ${fmt(m.cpu, 2)} ${fmt(m.files / m.wall)} ${fmt(m.maxRssMB, 0).padStart(12)} ${m.mainCpu == null ? '—'.padStart(13) : fmt(m.mainCpu, 2, 13)}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
if (!values.keep) fs.rmSync(work, { recursive: true, force: true });
