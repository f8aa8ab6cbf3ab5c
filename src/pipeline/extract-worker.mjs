// Worker-thread entry: runs extractDocument on the bytes it is sent. Plain .mjs so that it runs
// both as the source (it registers tsx's loader itself — a worker does not inherit the main
// thread's loader hooks) and copied into dist/ beside the compiled extract-document.js.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';

const compiled = new URL('./extract-document.js', import.meta.url);
let extractDocumentAsync;
if (fs.existsSync(compiled)) ({ extractDocumentAsync } = await import(compiled.href));
else {
  // before tsx: pdfjs-dist loads natively in a fraction of the time (see the module)
  await import('../../extractors/pdf/load-pdfjs.mjs');
  const { register } = await import('tsx/esm/api');
  register();
  ({ extractDocumentAsync } = await import('./extract-document.ts'));
}

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
