// Worker-thread entry: runs one document at a time on the bytes it is sent. Plain .mjs so it can
// register tsx's loader itself — a worker does not inherit the main thread's loader hooks.
import { parentPort } from 'node:worker_threads';
// before tsx: pdfjs-dist loads natively in a fraction of the time (see the module)
import '../../extractors/pdf/load-pdfjs.mjs';
import { register } from 'tsx/esm/api';

register();
const { extractIsolated } = await import('./extract-isolated.ts');
const { keepUnhandledRejections } = await import('./document-scope.ts');

// a rejection nobody handled must not end the worker: it would take the next document with it
keepUnhandledRejections();

parentPort.on('message', async ({ id, bytes, options }) => {
  // the pool keeps the stage, to say where a document was when its time ran out
  const result = await extractIsolated(new Uint8Array(bytes), options ?? {}, { onStage: (stage) => parentPort.postMessage({ id, stage }) });
  // one string crosses the thread boundary much faster than a structured clone of the object graph
  parentPort.postMessage({ id, json: JSON.stringify(result) });
});
parentPort.postMessage({ ready: true });
