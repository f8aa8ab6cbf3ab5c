/**
 * Writes corpus/scans/*.pdf: image-only PDFs that play scanned disclosures, made from our own
 * LibreOffice renderings (corpus/rendered/*.pdf, whose goldens are corpus/*.gold.json). Each page
 * is rasterised at 200 dpi by pdftoppm, turned by a small angle, given a little noise and
 * JPEG-compressed by ImageMagick's `convert` (seeded, so a rerun writes the same images), and
 * the JPEG is wrapped as the only content of an A4 page (a DCTDecode image XObject; no text
 * layer). Also a blank page, upside-down pages, the same scan on an A0 page (a huge page: OCR
 * reads it at a lower dpi) and a page of seed 001 rendered by LibreOffice without borders (an
 * unruled table: scanned, it has no ruling lines to find). Needs poppler-utils and imagemagick,
 * and for the unruled page LibreOffice (scripts/render-corpus.ts says which packages).
 *
 *   npx tsx scripts/make-scans.ts            # every scan; names (001-p1-huge …) make only those
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderHtml, soffice, type Gold } from './render-corpus.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'corpus', 'scans');
const DPI = 200;

/** A4 and A0 in points. */
const A4: [number, number] = [595.304, 841.89];
const A0: [number, number] = [2383.94, 3370.39];

/**
 * A scan: pages of one rendering, each turned by its angle (degrees, clockwise); `upsideDown`
 * adds 180°. `unruled`: the seed rendered again with its tables' borders off; `paper`: the page
 * size the 200 dpi image is shown at (A4 unless told).
 */
interface Scan {
  name: string;
  seed: string | null;
  pages: { page: number; skew: number; upsideDown?: boolean }[];
  unruled?: boolean;
  paper?: [number, number];
  /** The scan's resolution, 200 dpi unless told (the issue's range is 150–300). */
  dpi?: number;
}

export const SCANS: Scan[] = [
  { name: '000-p1', seed: '000_0018174054ff74da', pages: [{ page: 1, skew: 1.2 }] },
  { name: '000-p2', seed: '000_0018174054ff74da', pages: [{ page: 2, skew: -0.9 }] },
  { name: '001-p1', seed: '001_655c0751f88457f2', pages: [{ page: 1, skew: -1.5 }] },
  { name: '004-p1-prose', seed: '004_3c83e1ac369f3f17', pages: [{ page: 1, skew: 0.7 }] },
  { name: '001-p1-upside-down', seed: '001_655c0751f88457f2', pages: [{ page: 1, skew: 0.8, upsideDown: true }] },
  { name: 'blank', seed: null, pages: [{ page: 1, skew: 0 }] },
  // a larger skew, upside down: the provenance test measures ink on it by hand
  { name: '001-p1-skew3-upside-down', seed: '001_655c0751f88457f2', pages: [{ page: 1, skew: -3, upsideDown: true }] },
  { name: '001-p1-huge', seed: '001_655c0751f88457f2', pages: [{ page: 1, skew: -1.5 }], paper: A0 },
  { name: '001-p1-unruled', seed: '001_655c0751f88457f2', pages: [{ page: 1, skew: 1 }], unruled: true },
  // the ends of the range of resolutions scans come in
  { name: '000-p1-150dpi', seed: '000_0018174054ff74da', pages: [{ page: 1, skew: -0.6 }], dpi: 150 },
  { name: '000-p1-300dpi', seed: '000_0018174054ff74da', pages: [{ page: 1, skew: 0.9 }], dpi: 300 },
];

/**
 * The seed printed as scripts/render-corpus.ts prints it (HTML → LibreOffice → .docx → .pdf),
 * but with no borders: the cells' 1 px borders off, the tables' border attribute 0.
 */
async function renderUnruled(seed: string, dir: string): Promise<string> {
  const corpus = path.join(ROOT, 'corpus');
  const gold = JSON.parse(fs.readFileSync(path.join(corpus, `${seed}.gold.json`), 'utf8')) as Gold;
  const html = renderHtml(gold, fs.readFileSync(path.join(corpus, `${seed}.txt`), 'utf8'), 'th, td { border: none; }').replaceAll('<table border="1"', '<table border="0"');
  if (html.includes('border="1"')) throw new Error('render-corpus.ts prints its tables otherwise now: make-scans.ts cannot take their borders off');
  const base = path.join(dir, `${seed}-unruled`);
  fs.writeFileSync(`${base}.html`, html);
  await soffice(path.join(dir, 'profile'), ['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, `${base}.html`]);
  await soffice(path.join(dir, 'profile'), ['--convert-to', 'pdf', '--outdir', dir, `${base}.docx`]);
  return `${base}.pdf`;
}

function scanPage(source: string | null, page: number, angle: number, dir: string, dpi = DPI): { jpeg: Buffer; width: number; height: number } {
  const pgm = path.join(dir, 'page');
  const jpg = path.join(dir, 'page.jpg');
  // A4 at the scan's dpi, as pdftoppm rasterises the renderings
  const [w, h] = [Math.round((595.304 * dpi) / 72), Math.round((841.89 * dpi) / 72)];
  if (source) execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', '-f', String(page), '-l', String(page), source, pgm]);
  else execFileSync('convert', ['-size', `${w}x${h}`, 'xc:white', '-colorspace', 'Gray', `${pgm}.pgm`]);
  // light paper noise and a mid JPEG quality: a plain office scan, a page still under 300 KB
  execFileSync('convert', [`${pgm}.pgm`, '-background', 'white', '-rotate', String(angle), '-gravity', 'center', '-extent', `${w}x${h}`, '-seed', '17', '-attenuate', '0.15', '+noise', 'Gaussian', '-colorspace', 'Gray', '-quality', '55', jpg]);
  return { jpeg: fs.readFileSync(jpg), width: w, height: h };
}

/** A PDF whose every page is one grey JPEG filling a page of `paper` (points; A4 unless told). */
export function imagePdf(images: { jpeg: Buffer; width: number; height: number }[], paper: [number, number] = A4): Buffer {
  const [pw, ph] = paper;
  const objects: Buffer[] = [];
  const pageIds: number[] = [];
  // 1: catalog, 2: pages; then per page: page, content, image
  images.forEach((img, i) => {
    const id = 3 + i * 3;
    pageIds.push(id);
    const content = Buffer.from(`q ${pw} 0 0 ${ph} 0 0 cm /Im0 Do Q\n`);
    objects[id] = Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw} ${ph}] /Resources << /XObject << /Im0 ${id + 2} 0 R >> >> /Contents ${id + 1} 0 R >>`);
    objects[id + 1] = Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]);
    objects[id + 2] = Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${img.jpeg.length} >>\nstream\n`), img.jpeg, Buffer.from('\nendstream')]);
  });
  objects[1] = Buffer.from('<< /Type /Catalog /Pages 2 0 R >>');
  objects[2] = Buffer.from(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = at;
    const obj = Buffer.concat([Buffer.from(`${id} 0 obj\n`), objects[id]!, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    at += obj.length;
  }
  const xref = [`xref\n0 ${objects.length}\n0000000000 65535 f \n`, ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv.slice(2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-scans-'));
  try {
    fs.mkdirSync(OUT, { recursive: true });
    for (const scan of SCANS.filter((s) => only.length === 0 || only.includes(s.name))) {
      const source = scan.seed === null ? null : scan.unruled ? await renderUnruled(scan.seed, dir) : path.join(ROOT, 'corpus', 'rendered', `${scan.seed}.pdf`);
      const images = scan.pages.map((p) => scanPage(source, p.page, p.skew + (p.upsideDown ? 180 : 0), dir, scan.dpi));
      const pdf = imagePdf(images, scan.paper);
      fs.writeFileSync(path.join(OUT, `${scan.name}.pdf`), pdf);
      console.log(`${scan.name}.pdf: ${scan.pages.length} page(s), ${Math.round(pdf.length / 1024)} KB`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
