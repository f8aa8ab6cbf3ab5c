// Worker-thread entry: runs extractDocument on the bytes it is sent. Plain .mjs so it can
// register tsx's loader itself — a worker does not inherit the main thread's loader hooks.
import { parentPort } from 'node:worker_threads';
// before tsx: pdfjs-dist loads natively in a fraction of the time (see the module)
import '../../extractors/pdf/load-pdfjs.mjs';
import { register } from 'tsx/esm/api';

register();
const { extractDocumentAsync } = await import('./extract-document.ts');

parentPort.on('message', async ({ id, bytes, options }) => {
  let result;
  try {
    result = await extractDocumentAsync(new Uint8Array(bytes), options ?? {});
  } catch (e) {
    result = { ok: false, format: null, error: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
  // one string crosses the thread boundary much faster than a structured clone of the object graph
  parentPort.postMessage({ id, json: JSON.stringify(result) });
});
parentPort.postMessage({ ready: true });
