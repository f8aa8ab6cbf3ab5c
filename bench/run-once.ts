// One measured run in its own process, so peak RSS belongs to it alone. Prints a JSON line.
import { runCorpus } from '../src/pipeline/run-corpus.js';

const [dir, db, jobs, force] = process.argv.slice(2);
const started = performance.now();
const s = await runCorpus([dir!], { db: db!, jobs: Number(jobs), force: force === 'force' });
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ ...s, wall: seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
