/**
 * Renders the hand-verified golden tables of the seeds (corpus/*.gold.json) into real office
 * files: HTML with real <table>s (header rows in <thead>, the original merges as rowspan/colspan,
 * multi-line cells with <br>, titles and org/year/unit lines as paragraphs, prose between
 * tables) → LibreOffice → .docx → .pdf, into corpus/rendered/. Also writes the .docx fixtures of
 * the docx extractor's tests (test/extractors/docx/fixtures/). Needs LibreOffice and poppler:
 *
 *   apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk poppler-utils poppler-data
 *   npx tsx scripts/render-corpus.ts            # --keep DIR keeps the HTML and intermediate files in DIR
 *
 * CI never runs this; the tests read the committed results.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import officeCrypto from 'officecrypto-tool';
import { readZipDirectory, readZipEntry } from '../extractors/zip/read-zip.js';
import { spacesEntry, writeZip, type ZipInput } from './lib/write-zip.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.join(ROOT, 'corpus');
const OUT = path.join(CORPUS, 'rendered');
const FIXTURES = path.join(ROOT, 'test/extractors/docx/fixtures');

interface GoldTable {
  title: string | null;
  kind: string;
  unit: string | null;
  columns: string[][];
  rows: string[][];
  source: { page: number | null; line: number | null };
}
export interface Gold {
  source: string;
  org: { code: string; name: string };
  year: number;
  tables: GoldTable[];
}

// ---------------------------------------------------------------- HTML

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cellHtml = (s: string) => s.split('\n').map(esc).join('<br>');

interface HtmlCell {
  text: string;
  rowspan: number;
  colspan: number;
}

/**
 * Header rows from the header paths: a label spans the adjacent columns whose paths share it
 * (and everything above it); a path's last label spans down to the bottom header row.
 */
export function headerGrid(columns: string[][]): HtmlCell[][] {
  const depth = Math.max(0, ...columns.map((c) => c.length));
  const rows: HtmlCell[][] = Array.from({ length: depth }, () => []);
  for (let level = 0; level < depth; level++) {
    let c = 0;
    while (c < columns.length) {
      const path = columns[c]!;
      if (path.length <= level) {
        c++;
        continue;
      }
      const leaf = level === path.length - 1;
      let end = c + 1;
      if (!leaf) {
        const prefix = path.slice(0, level + 1).join('\u0000');
        while (end < columns.length && columns[end]!.length > level + 1 && columns[end]!.slice(0, level + 1).join('\u0000') === prefix) end++;
      }
      rows[level]!.push({ text: path[level]!, rowspan: leaf ? depth - level : 1, colspan: end - c });
      c = end;
    }
  }
  return rows;
}

/**
 * Where the golden rows continue a merged cell above: the 一级指标 column of 绩效目标 indicator
 * rows, the four leading cells of seed 004's activity rows that continue the activity above,
 * and the labels of the project-info block (预算规模及资金用途 / 资金支出计划 over their second row).
 */
function continuesAbove(kind: string, rows: string[][], r: number, c: number, width: number): boolean {
  if (r === 0) return false;
  const row = rows[r]!;
  const above = rows[r - 1]!;
  if (row.length !== above.length && !(kind === 'block' && c === 0)) return false;
  if (row[c] !== '') return false;
  if (kind === 'performance_targets') return c === 0 && row.length === width;
  if (kind === 'activity_performance_targets') return c < 4 && row.length === width && row.slice(0, 4).every((x) => x === '') && row[4] !== '';
  if (kind === 'block') return c === 0 && row.slice(1).some((x) => x !== '');
  return false;
}

/** Extra attributes of a cell from its text (the workbook rendering gives Calc the number format). */
export type CellAttrs = (text: string) => string;
const noAttrs: CellAttrs = () => '';

function bodyHtml(rows: string[][], width: number, kind: string, cellAttrs: CellAttrs = noAttrs): string {
  const span = rows.map(() => [] as number[]);
  const skip = rows.map(() => new Set<number>());
  for (let r = 0; r < rows.length; r++) {
    rows[r]!.forEach((_, c) => {
      span[r]![c] = 1;
      if (continuesAbove(kind, rows, r, c, width)) {
        let o = r - 1;
        while (skip[o]!.has(c)) o--;
        span[o]![c]! += 1;
        skip[r]!.add(c);
      }
    });
  }
  return rows
    .map((row, r) => {
      const tds = row.map((text, c) => {
        if (skip[r]!.has(c)) return '';
        const colspan = c === row.length - 1 && row.length < width ? width - row.length + 1 : 1;
        const attrs = `${span[r]![c]! > 1 ? ` rowspan="${span[r]![c]}"` : ''}${colspan > 1 ? ` colspan="${colspan}"` : ''}`;
        return `<td${attrs}${cellAttrs(text)}>${cellHtml(text)}</td>`;
      });
      return `<tr>${tds.join('')}</tr>`;
    })
    .join('\n');
}

const TABLE = '<table border="1" cellspacing="0" cellpadding="3" width="100%">';

function tableHtml(t: GoldTable, cellAttrs: CellAttrs): string {
  const width = t.columns.length;
  // rows printed before the header (绩效目标表: the 绩效目标 row, the project-info block) are a
  // Word table of their own in the originals, ragged as printed
  let lead = 0;
  while (lead < t.rows.length && t.rows[lead]!.length !== width) lead++;
  const out: string[] = [];
  if (lead > 0) {
    const block = t.rows.slice(0, lead);
    const w = Math.max(2, ...block.map((r) => r.length));
    out.push(`${TABLE}\n<tbody>\n${bodyHtml(block, w, 'block', cellAttrs)}\n</tbody></table>`);
  }
  const head = headerGrid(t.columns)
    .map((r) => `<tr>${r.map((c) => `<th${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${cellAttrs(c.text)}>${cellHtml(c.text)}</th>`).join('')}</tr>`)
    .join('\n');
  const body = t.rows.slice(lead);
  out.push(`${TABLE}\n<thead>\n${head}\n</thead>\n<tbody>\n${body.length ? bodyHtml(body, width, t.kind, cellAttrs) : ''}\n</tbody></table>`);
  return out.join('\n<p></p>\n');
}

/** Prose lines of the seed before its first table, without the text export's artifacts and its table of contents. */
function introProse(seedText: string, firstTableLine: number | null): string[] {
  const lines = seedText.split(/\r?\n/).slice(0, Math.max(0, (firstTableLine ?? 1) - 1));
  return lines
    .filter((l) => !l.startsWith('\t') && l.trim() !== '' && l.trim() !== 'page number')
    .filter((l) => !/(?:\.{3,}|…{2,})\s*\t?\s*\d+\s*$/u.test(l))
    .map((l) =>
      l
        .replace(/\[bookmark: [^\]]*\]/g, '')
        .replace(/\s+TC\s+.*$/u, '')
        .replace(/^\s*(?:[-*+]\s+)?#{1,6}\s+/u, '')
        .replace(/\*\*/g, '')
        .replace(/<\/?p>/g, '')
        .trim(),
    )
    .filter((l) => l !== '')
    .slice(0, 30);
}

/**
 * A seed's golden tables as one HTML page; `css` is added after the house style
 * (scripts/render-chromium.ts adds the print rules), `cellAttrs` to each cell (scripts/render-workbooks.ts).
 */
export function renderHtml(gold: Gold, seedText: string, css = '', cellAttrs: CellAttrs = noAttrs): string {
  const { org, year } = gold;
  const parts: string[] = [`<h1>${esc(org.name)}${year}年部门预算公开</h1>`];
  for (const line of introProse(seedText, gold.tables[0]?.source.line ?? null)) parts.push(`<p>${esc(line)}</p>`);
  gold.tables.forEach((t, i) => {
    parts.push(`<h2>${i + 1}、${esc(t.title ?? '')}</h2>`);
    parts.push(`<p>${esc(org.code)}${esc(org.name)}</p>`, `<p>预算年度：${year}</p>`);
    if (t.unit) parts.push(`<p>单位：${esc(t.unit)}</p>`);
    parts.push(tableHtml(t, cellAttrs));
    if (i % 4 === 3) parts.push(`<p>以上是本部门${year}年部门预算公开表格的第${i + 1}张，表中数据按公开口径填列，空白单元格表示没有该项数据。</p>`);
  });
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(org.name)}${year}年部门预算</title>
<style>
body { font-family: "Noto Serif CJK SC", serif; font-size: 10.5pt; }
h1 { font-size: 16pt; text-align: center; } h2 { font-size: 13pt; }
table { border-collapse: collapse; } th, td { border: 1px solid #000; font-size: 9pt; }
${css}</style></head>
<body>
${parts.join('\n')}
</body></html>
`;
}

// ---------------------------------------------------------------- LibreOffice

/** Runs LibreOffice headless with a profile of its own (parallel runs must not share one). */
export async function soffice(profile: string, args: string[]): Promise<void> {
  await run('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', ...args], { timeout: 300_000 });
}

// ---------------------------------------------------------------- post-processing of a docx

function readParts(file: string): Map<string, Buffer> {
  const bytes = fs.readFileSync(file);
  const parts = new Map<string, Buffer>();
  for (const [name, e] of readZipDirectory(bytes)) parts.set(name, readZipEntry(bytes, e, 256 * 1024 * 1024));
  return parts;
}

function writeParts(file: string, parts: Map<string, Buffer>): void {
  const files: ZipInput[] = [...parts].map(([name, data]) => ({ name, data }));
  fs.writeFileSync(file, writeZip(files));
}

/**
 * What real government .docx files are full of: a bookmark directly inside w:tbl between rows
 * (mammoth 1.13: "unexpected non-row element in table", and the table loses its rowspans and
 * header), _Toc bookmarks and TC fields on every title, a _GoBack bookmark inside a cell, and
 * a table of contents made of PAGEREF fields in a content control.
 */
export function addWordArtifacts(xml: string, titles: { text: string; page: number }[]): string {
  let id = 9000;
  // bookmarks between rows: one opened before the 2nd row and closed before the 3rd, in every table
  xml = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (tbl) => {
    let row = 0;
    const bid = id++;
    return tbl.replace(/<w:tr>|<w:tr /g, (m) => {
      row++;
      if (row === 2) return `<w:bookmarkStart w:id="${bid}" w:name="_Hlk${bid}"/>${m}`;
      if (row === 3) return `<w:bookmarkEnd w:id="${bid}"/>${m}`;
      return m;
    });
  });
  // titles: a _Toc bookmark around the text and a TC field after it
  let t = 0;
  xml = xml.replace(/(<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading2"\/>[\s\S]*?<\/w:pPr>)([\s\S]*?)(<\/w:p>)/g, (_, open: string, runs: string, close: string) => {
    const bid = id++;
    const title = titles[t++]?.text ?? '';
    const tc =
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TC "${esc(title)}" \\f C \\l 1 </w:instrText></w:r>` +
      `<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    return `${open}<w:bookmarkStart w:id="${bid}" w:name="_Toc${100000 + bid}"/>${runs}<w:bookmarkEnd w:id="${bid}"/>${tc}${close}`;
  });
  // a _GoBack bookmark inside the first body cell that holds a number
  xml = xml.replace(/(<w:tc>(?:(?!<\/w:tc>)[\s\S])*?<w:r>(?:<w:rPr><\/w:rPr>)?)(<w:t>\d)/, `$1<w:bookmarkStart w:id="8999" w:name="_GoBack"/><w:bookmarkEnd w:id="8999"/>$2`);
  // a table of contents before the first title: TOC field over the entries, PAGEREF in each
  const entries = titles.map((x, k) => {
    const begin = k === 0 ? `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` : '';
    const end = k === titles.length - 1 ? `<w:r><w:fldChar w:fldCharType="end"/></w:r>` : '';
    return (
      `<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>${begin}<w:hyperlink w:anchor="_Toc${100000 + k}"><w:r><w:t>${k + 1}、${esc(x.text)}</w:t></w:r><w:r><w:tab/></w:r>` +
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc${100000 + k} \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
      `<w:r><w:t>${x.page}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>${end}</w:p>`
    );
  });
  const toc = `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>目录</w:t></w:r></w:p>${entries.join('')}</w:sdtContent></w:sdt>`;
  const firstTitle = xml.search(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading2"\/>/);
  if (firstTitle >= 0) xml = xml.slice(0, firstTitle) + toc + xml.slice(firstTitle);
  return xml;
}

/** The page of the PDF on which each title is printed (the TOC's page numbers). */
async function titlePages(pdf: string, titles: string[]): Promise<{ text: string; page: number }[]> {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split('\f').map((p) => p.replace(/\s+/g, ''));
  let from = 0;
  return titles.map((text) => {
    const key = text.replace(/\s+/g, '');
    const k = pages.findIndex((p, i) => i >= from && p.includes(key));
    if (k >= 0) from = k;
    return { text, page: k >= 0 ? k + 1 : 1 };
  });
}

/**
 * Tables whose header rows the PDF prints again at the top of a following page: a page whose
 * first lines hold most of the top header row of the table whose title came last before it.
 */
export async function repeatedHeaders(pdf: string, gold: Gold): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split('\f').map((p) => p.split('\n').map((l) => l.replace(/\s+/g, '')).filter(Boolean));
  const found: string[] = [];
  let current: { table: GoldTable; page: number } | null = null;
  pages.forEach((lines, k) => {
    const top = current ? headerGrid(current.table.columns)[0]?.map((c) => c.text.replace(/\s+/g, '').slice(0, 3)) ?? [] : [];
    const head = lines.slice(0, 4).join('');
    if (current && top.length && k > current.page && top.filter((x) => head.includes(x)).length >= Math.ceil(top.length * 0.6)) {
      found.push(`${current.table.title} (p. ${current.page + 1} → ${k + 1})`);
    }
    const text = lines.join('');
    for (const t of gold.tables) if (t.title && text.includes(t.title.replace(/\s+/g, ''))) current = { table: t, page: k };
  });
  return found;
}

// ---------------------------------------------------------------- the error fixtures

/** A docx whose document.xml inflates to 1 GiB of spaces (declared honestly; the tests patch it to lie). */
function zipBomb(contentTypes: Buffer, rels: Buffer): Buffer {
  return writeZip([{ name: '[Content_Types].xml', data: contentTypes }, { name: '_rels/.rels', data: rels }, spacesEntry('word/document.xml', 1024 * 1024 * 1024)]);
}

/**
 * A password-protected .docx (ECMA-376 agile encryption, password "gongkai"): the package inside
 * an OLE container. LibreOffice 7.4 cannot write one headless, so officecrypto-tool (a dev
 * dependency, used only here and by the test that opens it) encrypts the rendered .docx.
 */
function encryptDocx(input: string, output: string): void {
  fs.writeFileSync(output, officeCrypto.encrypt(fs.readFileSync(input), { password: 'gongkai' }));
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const keepAt = process.argv.indexOf('--keep');
  const work = keepAt > 0 ? path.resolve(process.argv[keepAt + 1]!) : fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-render-'));
  fs.mkdirSync(work, { recursive: true });
  fs.mkdirSync(OUT, { recursive: true });
  fs.mkdirSync(FIXTURES, { recursive: true });
  const seeds = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -'.gold.json'.length)).sort();
  const golds = new Map(seeds.map((s) => [s, JSON.parse(fs.readFileSync(path.join(CORPUS, `${s}.gold.json`), 'utf8')) as Gold]));

  for (const s of seeds) fs.writeFileSync(path.join(work, `${s}.html`), renderHtml(golds.get(s)!, fs.readFileSync(path.join(CORPUS, `${s}.txt`), 'utf8')));
  // each soffice needs a profile of its own to run in parallel
  await Promise.all(seeds.map((s, i) => soffice(path.join(work, `profile-${i}`), ['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, path.join(work, `${s}.html`)])));
  await Promise.all(seeds.map((s, i) => soffice(path.join(work, `profile-${i}`), ['--convert-to', 'pdf', '--outdir', work, path.join(work, `${s}.docx`)])));
  for (const s of seeds) {
    for (const ext of ['docx', 'pdf']) fs.copyFileSync(path.join(work, `${s}.${ext}`), path.join(OUT, `${s}.${ext}`));
    const repeats = await repeatedHeaders(path.join(work, `${s}.pdf`), golds.get(s)!);
    console.log(`${s}: ${golds.get(s)!.tables.length} tables; header rows repeated on a new page: ${repeats.length ? repeats.join('; ') : 'none'}`);
  }

  // seed 000 with the Word artifacts of real files, above all bookmarks between table rows
  const base = seeds[0]!;
  const parts = readParts(path.join(work, `${base}.docx`));
  const titles = await titlePages(path.join(work, `${base}.pdf`), golds.get(base)!.tables.map((t) => t.title ?? ''));
  parts.set('word/document.xml', Buffer.from(addWordArtifacts(parts.get('word/document.xml')!.toString('utf8'), titles), 'utf8'));
  writeParts(path.join(OUT, `${base}.bookmarks.docx`), parts);

  // error fixtures for the tests
  const second = readParts(path.join(work, `${seeds[1]}.docx`));
  second.delete('word/document.xml');
  writeParts(path.join(FIXTURES, 'no-document.docx'), second);
  fs.writeFileSync(
    path.join(FIXTURES, 'not-a-docx.zip'),
    writeZip([
      { name: 'readme.txt', data: Buffer.from('部门预算公开附件\n', 'utf8') },
      { name: 'data/budget.csv', data: Buffer.from('项目,金额\n合计,929.90\n', 'utf8') },
    ]),
  );
  fs.writeFileSync(path.join(FIXTURES, 'zip-bomb.docx'), zipBomb(parts.get('[Content_Types].xml')!, parts.get('_rels/.rels')!));
  const legacySeed = seeds[3]!;
  await soffice(path.join(work, 'profile-doc'), ['--convert-to', 'doc:MS Word 97', '--outdir', work, path.join(work, `${legacySeed}.docx`)]);
  fs.copyFileSync(path.join(work, `${legacySeed}.doc`), path.join(FIXTURES, `${legacySeed}.doc`));
  encryptDocx(path.join(work, `${seeds[4]}.docx`), path.join(FIXTURES, 'encrypted.docx'));
  console.log(`fixtures: ${fs.readdirSync(FIXTURES).join(', ')}`);
  if (keepAt < 0) fs.rmSync(work, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
