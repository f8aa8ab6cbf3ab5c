// One measured run in its own process, so peak RSS belongs to it alone. Prints a JSON line.
import { runCorpus } from '../src/pipeline/run-corpus.js';

const [dir, db, jobs, force] = process.argv.slice(2);
const started = performance.now();
const s = await runCorpus([dir!], { db: db!, jobs: Number(jobs), force: force === 'force' });
const seconds = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage();
// CPU time of every thread of the process (main, workers, loader): less disturbed than wall time on a busy machine
console.log(JSON.stringify({ ...s, wall: seconds, cpu: (user + system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
