// bench/run-once.ts on the compiled dist/, as bin/gongkai.mjs runs it after `npm ci` (plain
// node, no tsx; the workers load the compiled extractor). Prints the same JSON line.
// GONGKAI_CODE: another checkout (its dist/ built) whose pipeline is measured.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mainThreadCpu } from './thread-cpu.mjs';

const code = process.env.GONGKAI_CODE ?? path.resolve(import.meta.dirname, '..');
const { runCorpus } = await import(pathToFileURL(path.join(code, 'dist', 'src', 'pipeline', 'run-corpus.js')).href);
const [dir, db, jobs, force] = process.argv.slice(2);
const started = performance.now();
let first = null;
const s = await runCorpus([dir], { db, jobs: Number(jobs), force: force === 'force', onDocument: () => (first ??= (performance.now() - started) / 1000) });
const seconds = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage();
console.log(JSON.stringify({ ...s, wall: seconds, first, cpu: (user + system) / 1e6, mainCpu: mainThreadCpu(), maxRssMB: process.resourceUsage().maxRSS / 1024 }));
