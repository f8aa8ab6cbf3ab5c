// Worker-thread entry: runs one document at a time on the bytes it is sent. Plain .mjs so that it
// runs both as the source (it registers tsx's loader itself — a worker does not inherit the main
// thread's loader hooks) and copied into dist/ beside the compiled extract-isolated.js.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';

const compiled = new URL('./extract-isolated.js', import.meta.url);
let extractIsolated;
let extractPacked;
let keepUnhandledRejections;
if (fs.existsSync(compiled)) {
  ({ extractIsolated, extractPacked } = await import(compiled.href));
  ({ keepUnhandledRejections } = await import(new URL('./document-scope.js', import.meta.url).href));
} else {
  // before tsx: pdfjs-dist loads natively in a fraction of the time (see the module)
  await import('../../extractors/pdf/load-pdfjs.mjs');
  const { register } = await import('tsx/esm/api');
  register();
  ({ extractIsolated, extractPacked } = await import('./extract-isolated.ts'));
  ({ keepUnhandledRejections } = await import('./document-scope.ts'));
}

// a rejection nobody handled must not end the worker: it would take the next document with it
keepUnhandledRejections();

parentPort.on('message', async ({ id, bytes, options, pack }) => {
  // the pool keeps the stage, to say where a document was when its time ran out
  const watch = { onStage: (stage) => parentPort.postMessage({ id, stage }) };
  // packed for the writer (a run), else the Document itself
  const result = await (pack ? extractPacked : extractIsolated)(new Uint8Array(bytes), options ?? {}, watch);
  // a Document's object graph crosses the thread boundary much faster as one string than as a
  // structured clone; packed rows (arrays of strings and numbers) the other way round
  if (pack) parentPort.postMessage({ id, result });
  else parentPort.postMessage({ id, json: JSON.stringify(result) });
});
parentPort.postMessage({ ready: true });
