/**
 * Prints the seeds' golden tables with headless Chromium into corpus/rendered-chromium/*.pdf: the
 * same HTML as scripts/render-corpus.ts gives LibreOffice, with print rules added (header rows
 * repeated on every page a table crosses, 1 px collapsed borders, a CJK font), printed by Skia
 * rather than LibreOffice, so that the PDF reader is tested against a second producer. Needs
 * Debian's chromium and fonts-noto-cjk:
 *
 *   npx tsx scripts/render-chromium.ts            # --keep DIR keeps the HTML in DIR
 *
 * Reports, per seed, the pages and the radicals (⻔ U+2ED4, ⽀ U+2F40 …) in the PDF's text as
 * pdfjs reads it: Skia maps a glyph that a CJK font reaches from several code points to the
 * first of them, often a radical (the committed prints have 68 different ones, 5,016 in
 * all). pdftotext does not show them: poppler folds them into ideographs itself. CI never runs
 * this; the tests read the committed PDFs.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { openPdf } from '../extractors/pdf/pdfjs.js';
import { renderHtml, type Gold } from './render-corpus.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.join(ROOT, 'corpus');
const OUT = path.join(CORPUS, 'rendered-chromium');
const CHROMIUM = '/usr/bin/chromium';

/** What a browser needs to print a disclosure as a producer would: repeated headers, ruled cells, a CJK font. */
const PRINT_CSS = `table { border-collapse: collapse; } td, th { border: 1px solid #000; } thead { display: table-header-group; }
body, td, th { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC"; }
`;

/** Prints one HTML file to PDF with a profile of its own, no network, no header or footer. */
async function printToPdf(html: string, pdf: string, profile: string): Promise<void> {
  await run(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      `--print-to-pdf=${pdf}`,
      '--no-pdf-header-footer',
      pathToFileURL(html).href,
    ],
    { timeout: 120_000 },
  );
  if (!fs.existsSync(pdf)) throw new Error(`chromium wrote no ${pdf}`);
}

/** The pages of a PDF and the characters of the radical blocks in its text as pdfjs maps it, with how often each occurs. */
async function radicalsIn(pdf: string): Promise<{ pages: number; radicals: Map<string, number> }> {
  const doc = await openPdf(new Uint8Array(fs.readFileSync(pdf)));
  const radicals = new Map<string, number>();
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      for (const ch of item.str.match(/[\u2e80-\u2fdf\u31c0-\u31ef]/gu) ?? []) radicals.set(ch, (radicals.get(ch) ?? 0) + 1);
    }
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, radicals };
}

async function main(): Promise<void> {
  const keepAt = process.argv.indexOf('--keep');
  const work = keepAt > 0 ? path.resolve(process.argv[keepAt + 1]!) : fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-chromium-'));
  fs.mkdirSync(work, { recursive: true });
  fs.mkdirSync(OUT, { recursive: true });
  const seeds = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -'.gold.json'.length)).sort();
  // one at a time: each Chromium is several processes
  for (const s of seeds) {
    const gold = JSON.parse(fs.readFileSync(path.join(CORPUS, `${s}.gold.json`), 'utf8')) as Gold;
    const html = path.join(work, `${s}.html`);
    fs.writeFileSync(html, renderHtml(gold, fs.readFileSync(path.join(CORPUS, `${s}.txt`), 'utf8'), PRINT_CSS));
    const pdf = path.join(OUT, `${s}.pdf`);
    await printToPdf(html, pdf, path.join(work, `profile-${s}`));
    const { pages, radicals } = await radicalsIn(pdf);
    const listed = [...radicals].sort((a, b) => b[1] - a[1]).map(([ch, n]) => `${ch}×${n}`).join(' ');
    console.log(`${s}: ${pages} pages, ${gold.tables.length} tables; radicals in pdfjs's text: ${listed || 'none'}`);
  }
  if (keepAt < 0) fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
