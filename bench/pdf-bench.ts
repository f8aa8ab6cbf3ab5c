// npm run bench -- --pdf [--copies 16] [--repeat 2] [--sets corpus,long,real] [--scale 10]
// [--before DIR] [--keep]: pages/s of the whole PDF path (discover → worker threads → pdfjs text
// and rulings → tables → normalize → enrich → SQLite), beside poppler's `pdftotext -layout` on
// the same files in the same run — the machine is shared, so only the ratio measured together
// means anything. A run starts its workers and loads pdfjs first ("1st doc s": when the first
// document was written); 16 copies make that a small part of the run, as it is in a batch of
// thousands. The compiled dist/ is measured when it is built from the current sources (as
// `gongkai run` runs it), else the sources through tsx. `--before DIR` measures another
// checkout (e.g. `git worktree add --detach /tmp/old <commit>`, node_modules linked) in the same
// rounds, through its own bench/run-once.ts. `--scale N` runs each set once more with N times the
// copies, `--jobs 2`, for peak RSS as the batch grows.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sourceStamp } from '../bin/source-stamp.mjs';
import { openPdf } from '../extractors/pdf/pdfjs.js';
import { fmt, runChild, type Measured } from './measure.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

/** A set of PDFs measured together: `copies` copies of each file, so that every worker has work. */
interface PdfSet {
  name: string;
  sources: string[];
}

const SETS: PdfSet[] = [
  {
    name: 'corpus',
    sources: fs
      .readdirSync(path.join(ROOT, 'corpus', 'rendered'))
      .filter((f) => f.endsWith('.pdf'))
      .sort()
      .map((f) => path.join(ROOT, 'corpus', 'rendered', f)),
  },
  { name: 'long', sources: [path.join(ROOT, 'bench', 'fixtures', 'long-disclosure.pdf')] },
  // four disclosures from Shanghai's Putuo district, each printed by a different producer
  {
    name: 'real',
    sources: fs
      .readdirSync(path.join(ROOT, 'corpus', 'real'))
      .filter((f) => f.endsWith('.pdf'))
      .sort()
      .map((f) => path.join(ROOT, 'corpus', 'real', f)),
  },
];

/** The run script for this checkout: the compiled dist/ when it is built from the sources as they are. */
function ownScript(): string {
  const stamp = path.join(ROOT, 'dist', 'stamp');
  return fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === sourceStamp(ROOT) ? 'run-once.mjs' : 'run-once.ts';
}

function copyInto(dir: string, sources: string[], copies: number): string[] {
  const files: string[] = [];
  for (let c = 0; c < copies; c++) {
    fs.mkdirSync(path.join(dir, `copy${c}`), { recursive: true });
    for (const src of sources) {
      const file = path.join(dir, `copy${c}`, path.basename(src));
      fs.copyFileSync(src, file);
      files.push(file);
    }
  }
  return files;
}

async function pageCount(file: string): Promise<number> {
  const doc = await openPdf(fs.readFileSync(file));
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

/** Seconds for `pdftotext -layout` over the files, `parallel` processes at a time. */
async function pdftotext(files: string[], parallel: number): Promise<number> {
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < files.length) await run('pdftotext', ['-layout', files[next++]!, os.devNull]);
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return (performance.now() - started) / 1000;
}

const hasPdftotext = () => spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

export interface PdfBenchOptions {
  copies: number;
  repeat: number;
  keep: boolean;
  sets?: string[];
  scale?: number;
  before?: string;
}

export async function pdfBench({ copies, repeat, keep, sets, scale, before }: PdfBenchOptions): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-pdf-bench-'));
  const poppler = hasPdftotext();
  const script = ownScript();
  console.log(`gongkai bench --pdf: ${copies} copies of each file in ${work}, the fastest of ${repeat} rounds; ${os.cpus().length} cores, Node ${process.version}; load average ${load()}`);
  console.log(`measuring ${script === 'run-once.mjs' ? 'the compiled dist/' : 'the sources through tsx (dist/ is absent or stale: npm run build)'}${before ? `, and before: ${before}` : ''}`);
  if (!poppler) console.log('pdftotext not found: its rows are skipped (apt-get install poppler-utils poppler-data)');
  const header = `${'set'.padEnd(7)} ${'measurement'.padEnd(30)} ${'files'.padStart(6)} ${'pages'.padStart(6)} ${'seconds'.padStart(9)} ${'1st doc s'.padStart(9)} ${'pages/s'.padStart(9)} ${'CPU s'.padStart(9)} ${'peak RSS MB'.padStart(12)} ${'× pdftotext'.padStart(12)}`;
  const lines: string[] = [];
  const who: [string, string, string | undefined][] = [['', script, undefined], ...(before ? [['before: ', 'run-once.ts', path.resolve(before)] as [string, string, string]] : [])];
  for (const set of SETS.filter((s) => !sets || sets.includes(s.name))) {
    const dir = path.join(work, set.name);
    const files = copyInto(dir, set.sources, copies);
    let pages = 0;
    for (const src of set.sources) pages += (await pageCount(src)) * copies;
    // the rounds interleave every measurement, so a burst of load elsewhere hits them alike; the fastest round counts
    const ours = new Map<string, Measured>();
    const floor = new Map<number, number>();
    for (let round = 0; round < repeat; round++) {
      for (const [label, run, root] of who)
        for (const jobs of [1, 2]) {
          const m = runChild(run, [dir, path.join(work, `${set.name}-${label ? 'before' : 'now'}-jobs${jobs}-${round}.sqlite`), String(jobs)], root);
          const key = `${label}run --jobs ${jobs}`;
          if (!ours.has(key) || m.wall < ours.get(key)!.wall) ours.set(key, m);
        }
      if (poppler)
        for (const p of [1, 2]) {
          const secs = await pdftotext(files, p);
          floor.set(p, Math.min(secs, floor.get(p) ?? Infinity));
        }
    }
    for (const [key, m] of ours) {
      const jobs = Number(key.slice(-1));
      // our wall time over pdftotext's with as many processes as jobs
      const vs = poppler ? fmt(m.wall / floor.get(jobs)!, 2, 12) : '—'.padStart(12);
      lines.push(`${set.name.padEnd(7)} ${key.padEnd(30)} ${String(m.files).padStart(6)} ${String(pages).padStart(6)} ${fmt(m.wall, 2)} ${fmt(m.first ?? NaN, 2)} ${fmt(pages / m.wall)} ${fmt(m.cpu, 2)} ${fmt(m.maxRssMB, 0, 12)} ${vs}`);
      if (m.failed) lines.push(`        (${m.failed} documents failed)`);
    }
    for (const [p, secs] of floor)
      lines.push(`${set.name.padEnd(7)} ${`pdftotext -layout, ${p} at once`.padEnd(30)} ${String(files.length).padStart(6)} ${String(pages).padStart(6)} ${fmt(secs, 2)} ${'—'.padStart(9)} ${fmt(pages / secs)} ${'—'.padStart(9)} ${'—'.padStart(12)} ${fmt(1, 2, 12)}`);
    const [j1, j2] = [ours.get('run --jobs 1')!, ours.get('run --jobs 2')!];
    lines.push(`${set.name.padEnd(7)} --jobs 2 vs --jobs 1: ${(j1.wall / j2.wall).toFixed(2)}×; tables ${j1.tables} / ${j2.tables}, cells ${j1.cells} / ${j2.cells}`);
    if (before) {
      const b = ours.get('before: run --jobs 2')!;
      lines.push(`${set.name.padEnd(7)} now vs before, --jobs 2: ${(b.wall / j2.wall).toFixed(2)}× wall, ${(b.cpu / j2.cpu).toFixed(2)}× CPU; tables ${b.tables} / ${j2.tables}, cells ${b.cells} / ${j2.cells}`);
    }
    if (scale && scale > 1) {
      // the same files, scale times as many: peak RSS should not grow with the batch
      const big = path.join(work, `${set.name}-x${scale}`);
      copyInto(big, set.sources, copies * scale);
      for (const [label, run, root] of who) {
        const m = runChild(run, [big, path.join(work, `${set.name}-x${scale}-${label ? 'before' : 'now'}.sqlite`), '2'], root);
        lines.push(`${set.name.padEnd(7)} ${`${label}run --jobs 2, ×${scale} files`.padEnd(30)} ${String(m.files).padStart(6)} ${String(pages * scale).padStart(6)} ${fmt(m.wall, 2)} ${fmt(m.first ?? NaN, 2)} ${fmt((pages * scale) / m.wall)} ${fmt(m.cpu, 2)} ${fmt(m.maxRssMB, 0, 12)} ${'—'.padStart(12)}`);
      }
      fs.rmSync(big, { recursive: true, force: true });
    }
  }
  console.log('');
  console.log(header);
  for (const l of lines) console.log(l);
  console.log('× pdftotext: our wall time over pdftotext\'s with as many processes as jobs (1.00 = as fast)');
  console.log(`load average after: ${load()}`);
  if (!keep) fs.rmSync(work, { recursive: true, force: true });
}
