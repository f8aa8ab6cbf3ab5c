#!/usr/bin/env node
// The gongkai command. Runs the compiled dist/ (built by `npm ci` through `prepare`, or `npm run
// build`) when it was built from the sources as they are; otherwise the TypeScript sources
// through tsx's loader (slower to start: tsx compiles every module on each start).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sourceStamp } from './source-stamp.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = (() => {
  try {
    return fs.readFileSync(new URL('../dist/stamp', import.meta.url), 'utf8') === sourceStamp(root);
  } catch {
    return false;
  }
})();
let main;
if (built) ({ main } = await import('../dist/src/cli/main.js'));
else {
  // before tsx: pdfjs-dist loads natively in a fraction of the time (see the module)
  await import('../extractors/pdf/load-pdfjs.mjs');
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
