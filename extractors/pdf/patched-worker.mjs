// pdfjs-dist's parser (pdf.worker.mjs) with one step removed that only serves drawing: when a
// page uses an embedded OpenType font with CFF outlines, pdfjs parses the outlines and compiles
// them anew for a browser's font loader (the "CFF " table it then hands over). Text is never
// drawn here (see skipFontLoading in pdfjs.ts), and the font's glyph count, cmap and widths —
// all the glyph placement uses — come from the parse, which stays. The compile built every
// byte of the font in JavaScript arrays: on corpus/real's finance PDF (a 3.4 MB Noto Sans KR
// subset) it took half of the document's CPU and 240 MB of memory. pdfjs's own fallback when
// that compile fails is the same: the font's CFF table as stored.
//
// The patched copy is written once per pdfjs-dist version to the system's temp folder and
// imported from there (its absolute resource paths are passed by pdfjs.ts). pdfjs-dist is
// pinned; should the text move, loading fails loudly rather than running unpatched.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const COMPILE = `        const compiler = new CFFCompiler(cff);
        tables["CFF "].data = compiler.compile();
        numGlyphsFromCFF = cff.charStringCount;`;
const PARSE_ONLY = `        numGlyphsFromCFF = cff.charStringCount;`;

/** The path of the patched pdf.worker.mjs, written if it is not there yet. */
export function patchedWorkerPath() {
  const original = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const source = fs.readFileSync(original, 'utf8');
  const at = source.indexOf(COMPILE);
  if (at < 0 || source.indexOf(COMPILE, at + 1) >= 0) throw new Error(`pdfjs-dist changed: the CFF compile step to skip is not found once in ${original} (extractors/pdf/patched-worker.mjs)`);
  const patched = source.slice(0, at) + PARSE_ONLY + source.slice(at + COMPILE.length);
  const hash = crypto.createHash('sha256').update(patched).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), 'gongkai-pdfjs', `pdf.worker.${hash}.mjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // threads and processes starting together each write their own file and rename it into place
    const tmp = `${file}.${process.pid}.${crypto.randomUUID()}`;
    fs.writeFileSync(tmp, patched);
    fs.renameSync(tmp, file);
  }
  return file;
}
