// The pool's real worker, behind a listener that ends the thread on marked documents: a last
// line `CRASH-ONCE <file>` crashes the first worker that gets it (the file records that it did),
// `CRASH-ALWAYS` every worker. It lets the pool's crash handling be tested with real deaths.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ bytes }) => {
  if (!bytes) return;
  const tail = Buffer.from(bytes).toString('utf8').trimEnd().split('\n').at(-1);
  if (tail === 'CRASH-ALWAYS') process.exit(7);
  const once = /^CRASH-ONCE (.+)$/.exec(tail ?? '');
  if (once && !fs.existsSync(once[1])) {
    fs.writeFileSync(once[1], 'crashed');
    process.exit(7);
  }
});
await import('../../src/pipeline/extract-worker.mjs');
