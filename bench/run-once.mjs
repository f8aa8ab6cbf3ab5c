// bench/run-once.ts on the compiled dist/, as bin/gongkai.mjs runs it after `npm ci` (plain
// node, no tsx; the workers load the compiled extractor). Prints the same JSON line.
import { runCorpus } from '../dist/src/pipeline/run-corpus.js';

const [dir, db, jobs, force] = process.argv.slice(2);
const started = performance.now();
let first = null;
const s = await runCorpus([dir], { db, jobs: Number(jobs), force: force === 'force', onDocument: () => (first ??= (performance.now() - started) / 1000) });
const seconds = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage();
console.log(JSON.stringify({ ...s, wall: seconds, first, cpu: (user + system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
