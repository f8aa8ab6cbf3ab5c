// One measured run in its own process, so peak RSS belongs to it alone. Prints a JSON line.
// GONGKAI_CODE: another checkout whose pipeline is measured (before/after in one bench).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mainThreadCpu } from './thread-cpu.mjs';

const code = process.env.GONGKAI_CODE ?? path.resolve(import.meta.dirname, '..');
const { runCorpus } = (await import(pathToFileURL(path.join(code, 'src', 'pipeline', 'run-corpus.ts')).href)) as typeof import('../src/pipeline/run-corpus.js');
const [dir, db, jobs, force] = process.argv.slice(2);
const started = performance.now();
// when the first document is written: start-up (workers, pdfjs, compiling) plus one document
let first: number | null = null;
const s = await runCorpus([dir!], { db: db!, jobs: Number(jobs), force: force === 'force', onDocument: () => (first ??= (performance.now() - started) / 1000) });
const seconds = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage();
// CPU time of every thread of the process (main, workers, loader): less disturbed than wall time on a busy machine;
// mainCpu the main thread's alone, the one writer every document waits for
console.log(JSON.stringify({ ...s, wall: seconds, first, cpu: (user + system) / 1e6, mainCpu: mainThreadCpu(), maxRssMB: process.resourceUsage().maxRSS / 1024 }));
