import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file the review pages load from `assets/`. */
export interface Asset {
  contentType: string;
  body: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/**
 * pdfjs-dist ships ES modules only, and a page opened from disk may not load module scripts
 * (Chromium refuses file:// modules and workers). Each bundle becomes a classic script: its
 * `export {…}` is dropped — both bundles also publish themselves on globalThis (pdfjsLib,
 * pdfjsWorker) — `import.meta.url` becomes the page's address, and each is wrapped in a function
 * so that their top-level names do not meet. With pdfjsWorker present,
 * pdfjs runs its worker code on the main thread, so no worker file has to be fetched.
 */
function classicPdfjs(file: string): string {
  const src = fs.readFileSync(require.resolve(`pdfjs-dist/build/${file}`), 'utf8');
  const out = src.replace(/export\s*\{[^}]*\}\s*;?\s*(\/\/# sourceMappingURL=\S*\s*)?$/, '').replace(/import\.meta\.url/g, 'document.baseURI');
  if (/\bexport\s*\{/.test(out.slice(-2000)) || out.includes('import.meta')) throw new Error(`cannot turn pdfjs-dist/build/${file} into a classic script`);
  // each bundle in its own function scope: both declare the same minified top-level names
  return `(function () {\n${out}\n})();\n`;
}

/**
 * pdfjs-dist's packed cMaps as one classic script (`window.gongkaiCMaps`: file name → base64):
 * without them a PDF whose Chinese text is in a non-embedded font (STSong-Light with
 * UniGB-UCS2-H, common in disclosures) renders without its text, and a page opened from disk
 * may not fetch files, so they travel as a script like pdfjs itself.
 */
function cMapsScript(): string {
  const dir = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps');
  const maps = Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.bcmap'))
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]),
  );
  return `window.gongkaiCMaps = ${JSON.stringify(maps)};\n`;
}

let cache: Map<string, Asset> | undefined;

/** Every asset by name (review-app.js, review.css, pdf.js, pdf.worker.js, pdf-cmaps.js); read once. */
export function reviewAssets(): Map<string, Asset> {
  cache ??= new Map<string, Asset>([
    ['review-app.js', { contentType: 'text/javascript; charset=utf-8', body: fs.readFileSync(path.join(here, 'review-app.js'), 'utf8') }],
    ['review.css', { contentType: 'text/css; charset=utf-8', body: fs.readFileSync(path.join(here, 'review.css'), 'utf8') }],
    ['pdf.js', { contentType: 'text/javascript; charset=utf-8', body: classicPdfjs('pdf.min.mjs') }],
    ['pdf.worker.js', { contentType: 'text/javascript; charset=utf-8', body: classicPdfjs('pdf.worker.min.mjs') }],
    ['pdf-cmaps.js', { contentType: 'text/javascript; charset=utf-8', body: cMapsScript() }],
  ]);
  return cache;
}
