// `npm run fuzz -- --n N --seed S [--jobs J] [--doc-timeout T]`: N mutants of the corpus through
// the real pipeline (scripts/fuzz/harness.ts); exits 1 when anything that must never happen did.
import { parseArgs } from 'node:util';
import { fuzz } from './harness.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '100' }, seed: { type: 'string', default: '1' }, jobs: { type: 'string' }, 'doc-timeout': { type: 'string' }, batch: { type: 'string' } } });
let shown = 0;
const s = await fuzz({
  n: Number(values.n),
  seed: Number(values.seed),
  ...(values.jobs !== undefined ? { jobs: Number(values.jobs) } : {}),
  ...(values['doc-timeout'] !== undefined ? { docTimeout: Number(values['doc-timeout']) } : {}),
  ...(values.batch !== undefined ? { batch: Number(values.batch) } : {}),
  onBatch: ({ problems, reasons, ...soFar }) => {
    console.error(`so far: ${JSON.stringify(soFar)}`);
    for (const p of problems.slice(shown)) console.error(`  ${p}`);
    shown = problems.length;
  },
});
const { problems, ...counts } = s;
console.log(JSON.stringify(counts));
for (const p of problems) console.log(`  ${p}`);
const bad = s.timeouts + s.crashes + s.internalErrors + s.inconsistent + s.provenanceOutside + s.halfWritten + s.goodChanged;
process.exitCode = bad > 0 ? 1 : 0;
