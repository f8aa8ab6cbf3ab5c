// Loads pdfjs-dist (its API and its parser, which runs on this thread as a "fake worker") once
// per thread, with the built-ins it replaces put back. Plain JavaScript so that entry points can
// import it before registering tsx: through tsx's loader the two 1–2 MB bundles take over 2 s
// to load (tsx rewrites their dynamic imports with a source map), natively about 0.3 s.
import { pathToFileURL } from 'node:url';
import { restoreNativeBuiltins } from './native-builtins.mjs';
import { patchedWorkerPath } from './patched-worker.mjs';
import 'pdfjs-dist/legacy/build/pdf.mjs';
// sets globalThis.pdfjsWorker, which pdfjs then uses instead of importing its worker per
// document: pdf.worker.mjs without the font compile that only drawing needs (see the module)
await import(pathToFileURL(patchedWorkerPath()).href);

restoreNativeBuiltins();
