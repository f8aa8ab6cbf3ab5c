// The pool's real worker, behind a listener that never lets a marked document finish: a last line
// `HANG` spins the thread forever in one synchronous loop, as a reader stuck in a computation
// would. Only terminating the thread ends it, which is what Ctrl-C must do.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ bytes }) => {
  if (!bytes) return;
  const tail = Buffer.from(bytes).toString('utf8').trimEnd().split('\n').at(-1);
  if (tail === 'HANG') for (;;);
});
await import('../../src/pipeline/extract-worker.mjs');
