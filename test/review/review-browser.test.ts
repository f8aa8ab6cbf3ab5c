import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocx } from '../../extractors/docx/extract-docx.js';
import { splitLines } from '../../extractors/text/lines.js';
import type { Cell, Document } from '../../src/model/index.js';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { ReviewData, startReviewServer, writeStaticSite, type ReviewServer } from '../../src/review/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { sqliteConnection } from '../../src/store/store.js';

// End-to-end tests of `gongkai review` in real headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core). A missing browser fails these tests: .ci/run installs it.
const CHROMIUM = '/usr/bin/chromium';
const SEED_000 = 'corpus/000_0018174054ff74da.txt';
const SEED_002 = 'corpus/002_c52ee38ce6c6c3d2.txt';
const DOCX_000 = 'corpus/rendered/000_0018174054ff74da.docx';
const PDF_000 = 'corpus/rendered/000_0018174054ff74da.pdf';
const PDF_ROTATED = 'test/extractors/pdf/fixtures/rotated.pdf';
const SCAN_001 = 'corpus/scans/001-p1.pdf';
const XLSX_HANDMADE = 'test/extractors/spreadsheet/fixtures/handmade.xlsx';
const XLS_004 = 'corpus/rendered/004_3c83e1ac369f3f17.xls';
const SHOTS = path.resolve('out/review-screenshots');

/** A Word-export text whose prose and cells print HTML that must never run. */
const EVIL = [
  '<script>window.__pwned = 1</script>测试文件',
  '',
  '1、测试表<img src=x onerror="window.__pwned=2">',
  '单位：万元',
  '\t项目',
  '\t金额',
  '',
  '\t<script>window.__pwned=3</script>',
  '\t12.50',
  '',
  '\t5 < 6 && "7" > \'2\'',
  '\t12.50',
  '',
  '',
].join('\n');

let tmp: string;
let db: string;
let store: Store;
let server: ReviewServer;
let context: BrowserContext;
let page: Page;
let staticDir: string;
let copyOf000: string;

function ids(): Map<string, number> {
  return new Map(store.listDocuments().map((d) => [d.source, d.id]));
}

function sourceLines(file: string): string[] {
  return splitLines(fs.readFileSync(file, 'utf8')).map((l) => l.text);
}

/** The highlighted source: each highlighted piece's text and line, in page order. */
async function highlighted(p: Page): Promise<{ line: number; text: string }[]> {
  return p.$$eval('#source .seg.hl', (els) => els.map((e) => ({ line: Number((e.closest('.ln') as HTMLElement).dataset.line), text: e.textContent ?? '' })));
}

/** Dark pixels of the rendered page's canvas inside the highlighted PDF box (the text the box is drawn over). */
async function inkInHighlightedBox(p: Page): Promise<number> {
  return p.$eval('#source .box.hl', (box) => {
    const pageEl = box.closest('.pdf-page')!;
    const canvas = pageEl.querySelector('canvas')!;
    const k = canvas.width / (pageEl as HTMLElement).clientWidth;
    const b = box as HTMLElement;
    const px = (v: number) => Math.round(v * k);
    const [x, y, w, h] = [px(b.offsetLeft), px(b.offsetTop), px(b.offsetWidth), px(b.offsetHeight)];
    const d = canvas.getContext('2d')!.getImageData(x + 3, y + 3, Math.max(1, w - 6), Math.max(1, h - 6)).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 100 && d[i + 3]! > 0) n++;
    return n;
  });
}

/** Clicks the cell of a table (by title) in the body row whose cells include `rowLabel`, in the column whose header path ends with `column`. */
async function clickCell(p: Page, title: string, rowLabel: string, column: string): Promise<string> {
  const id = await p.evaluate(
    ([title, rowLabel, column]) => {
      const section = [...document.querySelectorAll<HTMLElement>('section.table')].find((s) => s.dataset.title === title)!;
      const paths = [...section.querySelectorAll<HTMLElement>('tr.paths th')].map((th) => th.textContent!.split(' / ').pop());
      const col = paths.indexOf(column);
      const row = [...section.querySelectorAll('tbody tr')].find((tr) => [...tr.children].some((td) => td.textContent === rowLabel))!;
      return ([...row.children] as HTMLElement[]).find((td) => td.dataset.col === String(col))!.dataset.cell!;
    },
    [title, rowLabel, column],
  );
  await p.click(`td[data-cell="${id}"]`);
  return id;
}

/**
 * Stores seed 000's .docx rendering with one table built straight from the docx extractor's
 * cells and their docx provenance — what the page needs, whatever the pipeline does with .docx today.
 */
function writeDocxDocument(file: string): void {
  const bytes = fs.readFileSync(DOCX_000);
  const raw = extractDocx(bytes);
  const t = raw.blocks.filter((b) => b.type === 'table')[1]!;
  if (t.type !== 'table') throw new Error('no table');
  const headerRows = t.rows.filter((r) => r.cells.every((c) => c.isHeader)).length;
  const cells: Cell[] = t.rows.flatMap((r, row) =>
    r.cells.map((c, i) => ({ row, col: c.col ?? i, rowspan: c.rowspan ?? 1, colspan: c.colspan ?? 1, isHeader: row < headerRows, text: c.raw, raw: c.raw, value: null, prov: c.prov })),
  );
  const nCols = Math.max(...cells.map((c) => c.col + c.colspan));
  const document: Document = {
    schemaVersion: 1,
    format: 'docx',
    encoding: null,
    extractor: { name: 'docx', version: 'test' },
    org: { code: '434', name: '政府办' },
    year: 2022,
    docKind: '预算',
    blocks: [],
    tables: [
      {
        order: 0,
        title: '部门预算收入总表',
        titleRaw: '2、部门预算收入总表',
        kind: 'budget_revenue_summary',
        unit: '万元',
        meta: { org: null, year: null, unit: null, asOf: null },
        columns: Array.from({ length: nCols }, (_, index) => ({ index, path: [String(index)] })),
        headerRows,
        nRows: t.rows.length - headerRows,
        nCols,
        cells,
        prov: t.prov,
      },
    ],
    diagnostics: [],
  };
  const s = openStore(file);
  try {
    // as a real run does, it records the paths it was given: the review shows sources only from inside them
    const run = s.beginRun({ toolVersion: 'test', extractorVersions: {}, options: { paths: [DOCX_000] } });
    s.writeDocument(run, { source: DOCX_000, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }, { document });
    s.finishRun(run, {});
  } finally {
    s.close();
  }
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-review-'));
  db = path.join(tmp, 'review.sqlite');
  fs.writeFileSync(path.join(tmp, 'evil.txt'), EVIL);
  copyOf000 = path.join(tmp, 'copy-of-000.txt');
  fs.copyFileSync(SEED_000, copyOf000);
  await runCorpus([SEED_000, SEED_002, PDF_000, PDF_ROTATED, SCAN_001, XLSX_HANDMADE, XLS_004, path.join(tmp, 'evil.txt'), copyOf000], { db, jobs: 0 });
  // a re-extraction with one changed amount, for the run view: 行政运行 合计 336.49 → 336.50
  fs.writeFileSync(copyOf000, fs.readFileSync(copyOf000, 'utf8').replace('\t行政运行\n\t336.49\n', '\t行政运行\n\t336.50\n'));
  await runCorpus([copyOf000], { db, jobs: 0 });
  writeDocxDocument(db);
  store = openStore(db);
  const data = new ReviewData(store, db, process.cwd());
  server = await startReviewServer(data, { port: 0 });
  staticDir = path.join(tmp, 'static');
  writeStaticSite(data, staticDir);
  fs.mkdirSync(SHOTS, { recursive: true });
  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1600, height: 1000 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  // the pages load nothing from a network: any request that is not the review server or a local file fails the test
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(server.url) && !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')) throw new Error(`network request: ${u}`);
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  store?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('gongkai review in Chromium', () => {
  it('serves on loopback only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('highlights exactly the source line of 000 部门预算收入总表 / 行政运行 / 合计 = 336.49', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready]');
    await page.click(`a[href="doc-${ids().get(SEED_000)}.html"]`);
    await page.waitForSelector('body[data-ready]');
    const id = await clickCell(page, '部门预算收入总表', '行政运行', '合计');
    expect(await page.textContent(`td[data-cell="${id}"]`)).toBe('336.49');
    const lines = sourceLines(SEED_000);
    // the seed itself: 行政运行 on line 307, its 合计 on line 308, as a tab-led cell
    expect(lines[306]).toBe('\t行政运行');
    expect(lines[307]).toBe('\t336.49');
    expect(await highlighted(page)).toEqual([{ line: 308, text: '336.49' }]);
    // the highlight is on screen, and the selection names the cell and its provenance
    expect(await page.isVisible('#L308 .seg.hl')).toBe(true);
    const box = await page.locator('#L308').boundingBox();
    const pane = await page.locator('#source').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(pane!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(pane!.y + pane!.height);
    expect(await page.textContent('#selection-info')).toContain('部门预算收入总表 · row 4 · 合计: 336.49');
    expect(await page.textContent('#selection-info')).toContain('line 308:2–308:8');
    await page.screenshot({ path: path.join(SHOTS, '000-cell-336.49.png') });
  });

  it('shows, on hovering a source span, the cell it went into', async () => {
    await page.goto(`${server.url}doc-${ids().get(SEED_000)}.html`);
    await page.waitForSelector('body[data-ready]');
    await page.hover('#L307 .seg');
    expect(await page.textContent('#hover-info')).toContain('[2] 部门预算收入总表 · row 4 · 功能分类科目/科目名称: 行政运行');
    expect(await page.$$eval('td.hover', (els) => els.map((e) => e.textContent))).toEqual(['行政运行']);
    await page.screenshot({ path: path.join(SHOTS, '000-hover-line-307.png') });
  });

  it('highlights both pieces of a cell of 002 rejoined across a page break', async () => {
    const id = ids().get(SEED_002)!;
    const doc = store.readDocument(id)!;
    const cells = doc.tables.flatMap((t) => t.cells.map((c) => ({ t, c })));
    const stitched = cells.find(({ c }) => c.prov.length === 2 && c.prov.every((p) => p.kind === 'text') && new Set(c.prov.map((p) => p.kind === 'text' && p.start.line)).size === 2)!;
    expect(stitched).toBeDefined();
    const source = fs.readFileSync(SEED_002, 'utf8');
    const expected = stitched.c.prov.map((p) => (p.kind === 'text' ? { line: p.start.line, text: source.slice(p.start.offset, p.end.offset) } : null));
    // the two pieces read back as the cell's text, on two different lines
    expect(expected.map((e) => e!.text).join('')).toBe(stitched.c.text);
    await page.goto(`${server.url}doc-${id}.html`);
    await page.waitForSelector('body[data-ready]');
    await page.click(`td[data-cell="${stitched.t.order}.${stitched.c.row}.${stitched.c.col}"]`);
    expect(await highlighted(page)).toEqual(expected);
    expect(await page.getAttribute(`td[data-cell="${stitched.t.order}.${stitched.c.row}.${stitched.c.col}"]`, 'class')).toContain('stitched');
    await page.screenshot({ path: path.join(SHOTS, '002-stitched-cell.png') });
  });

  it('draws a .docx source and highlights the table cell a docx cell came from', async () => {
    const id = ids().get(DOCX_000)!;
    const cell = store.readDocument(id)!.tables[0]!.cells.find((c) => c.text === '336.49')!;
    const p = cell.prov[0]!;
    if (p.kind !== 'docx') throw new Error('not a docx cell');
    await page.goto(`${server.url}doc-${id}.html`);
    await page.waitForSelector('body[data-ready]');
    // the source side: the document's own headings and tables, not the extracted ones
    expect(await page.$$eval('#source h3', (els) => els.map((e) => e.textContent))).toContain('2、部门预算收入总表');
    expect((await page.$$('#source table.docx-table')).length).toBeGreaterThan(20);
    await page.click(`td[data-cell="0.${cell.row}.${cell.col}"]`);
    const hl = await page.$$eval('#source .hl', (els) => els.map((e) => ({ pos: (e as HTMLElement).dataset.pos, text: e.textContent, block: (e.closest('table') as HTMLElement).dataset.block })));
    expect(hl).toEqual([{ pos: `${p.block}.${p.row}.${p.cell}`, text: '336.49', block: String(p.block) }]);
    // the docx row of that cell is 行政运行's
    expect(await page.$eval('#source .hl', (e) => [...e.closest('tr')!.children].map((td) => td.textContent))).toContain('行政运行');
    await page.screenshot({ path: path.join(SHOTS, 'docx-cell-336.49.png') });
  });

  it('draws a workbook source as its printed sheets and highlights the sheet cell a cell came from', async () => {
    const id = ids().get(XLSX_HANDMADE)!;
    const table = store.readDocument(id)!.tables[0]!;
    const cell = table.cells.find((c) => c.text === '1,234.56')!;
    expect(cell.prov).toEqual([{ kind: 'sheet', sheet: '部门支出总表', cell: 'C6' }]);
    await page.goto(`${server.url}doc-${id}.html`);
    await page.waitForSelector('body[data-ready]');
    // the visible sheets as printed: the hidden sheet, row 7 and column G are not drawn
    expect(await page.$$eval('#source h3.sheet-name', (els) => els.map((e) => e.textContent))).toEqual(['部门支出总表', '主要职能']);
    expect(await page.$$eval('#source table.sheet[data-sheet="部门支出总表"] th.row-no', (els) => els.map((e) => e.textContent))).not.toContain('7');
    expect(await page.$$eval('#source table.sheet[data-sheet="部门支出总表"] th.col-name', (els) => els.map((e) => e.textContent))).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    await page.click(`td[data-cell="${table.order}.${cell.row}.${cell.col}"]`);
    const hl = await page.$$eval('#source .hl', (els) => els.map((e) => ({ ref: (e as HTMLElement).dataset.ref, text: e.textContent })));
    expect(hl).toEqual([{ ref: '部门支出总表!C6', text: '1,234.56' }]);
    // a merged header cell highlights its merged range, drawn as one cell
    const merged = table.cells.find((c) => c.text === '本年预算')!;
    await page.click(`td[data-cell="${table.order}.${merged.row}.${merged.col}"], th[data-cell="${table.order}.${merged.row}.${merged.col}"]`);
    expect(await page.$$eval('#source .hl', (els) => els.map((e) => [(e as HTMLElement).dataset.ref, e.getAttribute('colspan')]))).toEqual([['部门支出总表!C3', '3']]);
    await page.screenshot({ path: path.join(SHOTS, 'sheet-cell-1234.56.png') });
  });

  it('a corpus workbook (.xls): its tables beside its sheet, the cells of its failed check marked, each leading to its sheet cell', async () => {
    const id = ids().get(XLS_004)!;
    const doc = store.readDocument(id)!;
    const failed = sqliteConnection(store)
      .prepare("select distinct r.table_ord as t, r.row, r.col from doc_check_ref r join doc_check c on c.document_id = r.document_id and c.ord = r.check_ord where c.status = 'fail' and r.document_id = ? and r.table_ord is not null")
      .all(id) as { t: number; row: number; col: number }[];
    expect(failed.length).toBeGreaterThan(0);
    await page.goto(`${server.url}doc-${id}.html`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.$$('section.table')).toHaveLength(doc.tables.length);
    const sheets = [...new Set(doc.tables.flatMap((t) => t.cells.map((c) => (c.prov[0]?.kind === 'sheet' ? c.prov[0].sheet : '?'))))];
    expect(await page.$$eval('#source h3.sheet-name', (els) => els.map((e) => e.textContent))).toEqual(sheets);
    expect((await page.$$eval('.check-fail', (els) => els.map((e) => (e as HTMLElement).dataset.cell!))).sort()).toEqual(failed.map((r) => `${r.t}.${r.row}.${r.col}`).sort());
    expect(await page.$$('#failed-checks li.check')).toHaveLength((sqliteConnection(store).prepare("select count(*) as n from doc_check where document_id = ? and status = 'fail'").get(id) as { n: number }).n);
    for (const r of failed) {
      const cell = doc.tables[r.t]!.cells.find((c) => c.row === r.row && c.col === r.col)!;
      const p = cell.prov[0]!;
      if (p.kind !== 'sheet') throw new Error(`not a sheet provenance: ${p.kind}`);
      await page.click(`[data-cell="${r.t}.${r.row}.${r.col}"]`);
      expect(await page.$$eval('#source .hl', (els) => els.map((e) => ({ ref: (e as HTMLElement).dataset.ref, text: e.textContent })))).toEqual([{ ref: `${p.sheet}!${p.cell}`, text: cell.raw }]);
    }
    await page.screenshot({ path: path.join(SHOTS, 'xls-004-failed-check.png') });
  });

  it('renders a .pdf source with the bundled pdfjs, and a cell with a bbox boxes it on its page', async () => {
    const id = ids().get(PDF_000)!;
    await page.goto(`${server.url}doc-${id}.html`);
    await page.waitForSelector('.pdf-pages[data-rendered]', { timeout: 50_000 });
    expect(await page.$$('.pdf-page')).toHaveLength(14);
    // the first page is drawn: its canvas holds dark (text) pixels
    const dark = await page.$eval('#page-1 canvas', (c) => {
      const d = (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 100 && d[i + 3]! > 0) n++;
      return n;
    });
    expect(dark).toBeGreaterThan(1000);
    await page.screenshot({ path: path.join(SHOTS, 'pdf-page.png') });
    const doc = store.readDocument(id)!;
    const cell = doc.tables.flatMap((t) => t.cells.map((c) => ({ t, c }))).find(({ c }) => c.text === '336.49' && c.prov[0]?.kind === 'pdf')!;
    const p = cell.c.prov[0]!;
    await page.click(`td[data-cell="${cell.t.order}.${cell.c.row}.${cell.c.col}"]`);
    expect(await page.$$eval('#source .box.hl', (els) => els.map((e) => (e as HTMLElement).dataset.page))).toEqual([String(p.kind === 'pdf' && p.page)]);
    // the box is drawn where the page prints the number: text pixels inside it (its ruled border left out)
    expect(await inkInHighlightedBox(page)).toBeGreaterThan(20);
    await page.screenshot({ path: path.join(SHOTS, 'pdf-cell-336.49.png') });
  });

  it('boxes a cell on a page turned by /Rotate where the page, displayed upright, prints it; decodes non-embedded CJK text with the bundled cMaps', async () => {
    const id = ids().get(PDF_ROTATED)!;
    const messages: string[] = [];
    const listen = (m: ConsoleMessage) => messages.push(m.text());
    page.on('console', listen);
    await page.goto(`${server.url}doc-${id}.html`);
    await page.waitForSelector('.pdf-pages[data-rendered]', { timeout: 50_000 });
    page.off('console', listen);
    // the fixture's Chinese is STSong-Light / UniGB-UCS2-H, not embedded: without cMaps pdfjs says so and draws nothing
    expect(messages.filter((m) => /cmap/i.test(m))).toEqual([]);
    const doc = store.readDocument(id)!;
    const cell = doc.tables.flatMap((t) => t.cells.map((c) => ({ t, c }))).find(({ c }) => c.text === '100.00')!;
    await page.click(`td[data-cell="${cell.t.order}.${cell.c.row}.${cell.c.col}"]`);
    await page.screenshot({ path: path.join(SHOTS, 'pdf-rotated-cell.png') });
    expect(await inkInHighlightedBox(page)).toBeGreaterThan(20);
  });

  it('a scanned PDF: the cells OCR doubts are marked, and each is boxed on the scan where it prints', async () => {
    const id = ids().get(SCAN_001)!;
    await page.goto(`${server.url}doc-${id}.html`);
    await page.waitForSelector('.pdf-pages[data-rendered]', { timeout: 50_000 });
    const doc = store.readDocument(id)!;
    const cells = doc.tables.flatMap((t) => t.cells.map((c) => ({ t, c })));
    const flagged = new Set(doc.diagnostics.filter((d) => d.code.startsWith('ocr-') && d.place?.kind === 'pdf' && d.place.ocr).map((d) => JSON.stringify(d.place)));
    const doubtful = cells.filter(({ c }) => c.confidence !== undefined && (c.confidence < 0.8 || flagged.has(JSON.stringify(c.prov[0]))));
    expect(doubtful.length).toBeGreaterThan(0);
    expect((await page.$$eval('#tables .ocr-doubt', (els) => els.map((e) => (e as HTMLElement).dataset.cell))).sort()).toEqual(doubtful.map(({ t, c }) => `${t.order}.${c.row}.${c.col}`).sort());
    expect(await page.$$('#source .box.ocr-doubt')).toHaveLength(doubtful.length);
    // the scan is drawn (an image-only page), and a doubted cell's box lies over its ink
    const first = doubtful.find(({ c }) => c.text !== '')!;
    const sel = `#tables [data-cell="${first.t.order}.${first.c.row}.${first.c.col}"]`;
    await page.click(sel);
    expect(await page.$$eval('#source .box.hl', (els) => els.map((e) => e.classList.contains('ocr-doubt')))).toEqual([true]);
    expect(await inkInHighlightedBox(page)).toBeGreaterThan(20);
    await page.screenshot({ path: path.join(SHOTS, 'scan-ocr-doubt.png') });
  });

  it('shows document text containing <script> as text and never runs it', async () => {
    const id = ids().get(path.join(tmp, 'evil.txt'))!;
    await page.goto(`${server.url}doc-${id}.html`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // only the page's own scripts: its JSON data and the client script
    expect(await page.$$eval('script', (els) => els.map((e) => e.getAttribute('src') ?? e.getAttribute('type')))).toEqual(['application/json', 'assets/review-app.js']);
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.textContent('#L1 .tx')).toBe('<script>window.__pwned = 1</script>测试文件');
    expect(await page.textContent('#L3 .tx')).toBe('1、测试表<img src=x onerror="window.__pwned=2">');
    expect(await page.textContent('#L8 .tx')).toBe('\t<script>window.__pwned=3</script>');
    // a cell keeps its < & " ' as text (the cleaner strips tags such as <script>, not comparisons)
    const stored = store.readDocument(id)!.tables[0]!.cells.find((c) => c.text.includes('&&'))!.text;
    expect(stored).toMatch(/^5 ?< ?6 && "7" > '2'$/);
    expect(await page.$$eval('section.table td', (els) => els.map((e) => e.textContent))).toContain(stored);
    await page.screenshot({ path: path.join(SHOTS, 'script-escaped.png') });
  });

  it('marks the cells of failed checks when the database has checks, and says so when it has none', async () => {
    const hasChecks = sqliteConnection(store).prepare("select 1 from sqlite_master where name = 'doc_check'").get() !== undefined;
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready]');
    const cell = await page.textContent(`tr[data-id="${ids().get(SEED_000)}"] td:nth-child(7)`);
    if (!hasChecks) {
      expect(cell).toBe('—');
      expect(await page.textContent('.index .note')).toContain('no checks table');
      return;
    }
    const failed = sqliteConnection(store).prepare("select count(*) as n from doc_check where document_id = ? and status = 'fail'").get(ids().get(SEED_000)) as { n: number };
    expect(cell).toBe(String(failed.n));
    const refs = sqliteConnection(store)
      .prepare("select distinct r.table_ord || '.' || r.row || '.' || r.col as id from doc_check_ref r join doc_check c on c.document_id = r.document_id and c.ord = r.check_ord where c.status = 'fail' and r.document_id = ? and r.table_ord is not null")
      .all(ids().get(SEED_000)) as { id: string }[];
    await page.goto(`${server.url}doc-${ids().get(SEED_000)}.html`);
    await page.waitForSelector('body[data-ready]');
    expect((await page.$$eval('.check-fail', (els) => els.map((e) => (e as HTMLElement).dataset.cell!))).sort()).toEqual(refs.map((r) => r.id).sort());
    expect(await page.$$('#failed-checks li.check')).toHaveLength(failed.n);
    await page.screenshot({ path: path.join(SHOTS, '000-failed-checks.png') });
  });

  it('shows the last runs and the cells a re-extraction changed (old → new)', async () => {
    await page.goto(`${server.url}runs.html`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.$$('section.runs > table.docs tbody tr')).toHaveLength(store.listRuns().length);
    const id = ids().get(copyOf000)!;
    const rows = await page.$$eval(`section.change[data-id="${id}"] table.changes tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(rows).toEqual([['部门预算收入总表', '4', '合计', '336.49', '→', '336.50']]);
    await page.screenshot({ path: path.join(SHOTS, 'runs.png') });
    await page.click(`section.change[data-id="${id}"] table.changes a`);
    await page.waitForSelector('body[data-ready]');
    expect(await highlighted(page)).toEqual([{ line: 308, text: '336.50' }]);
    expect(await page.getAttribute('td.selected', 'class')).toContain('changed');
  });

  it('moves between tables and documents with the keyboard', async () => {
    const docs = store.listDocuments();
    await page.goto(`${server.url}doc-${docs[0]!.id}.html`);
    await page.waitForSelector('body[data-ready]');
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    expect(await page.getAttribute('section.table.current', 'data-order')).toBe('1');
    await page.keyboard.press('p');
    expect(await page.getAttribute('section.table.current', 'data-order')).toBe('0');
    await Promise.all([page.waitForURL(`**/doc-${docs[1]!.id}.html`), page.keyboard.press('Shift+N')]);
    await page.waitForSelector('body[data-ready]');
    expect(await page.textContent('h1')).toBe(docs[1]!.source);
  });

  it('filters and searches the index', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready]');
    await page.fill('#filter', '002_c52');
    expect(await page.$$eval('table.docs tbody tr:not([hidden])', (trs) => trs.map((tr) => tr.querySelector('a')!.textContent))).toEqual([SEED_002]);
    await page.fill('#filter', '');
    await page.selectOption('#format-filter', 'pdf-text');
    expect(await page.textContent('.count')).toBe(`1 of ${store.listDocuments().length} documents`);
  });

  it('searches titles, row labels and prose through the full-text index, each hit leading to its cell or line', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready]');
    await page.fill('#text-search', '行政运行');
    await Promise.all([page.waitForURL(/search\.html\?q=/), page.press('#text-search', 'Enter')]);
    await page.waitForSelector('body[data-ready]');
    const hits = await page.$$eval('tr.hit', (trs) => trs.map((tr) => ({ source: tr.querySelector('a')!.textContent, href: tr.querySelector('a')!.getAttribute('href'), where: tr.children[1]!.textContent, text: tr.children[3]!.textContent })));
    // every hit holds the text, and the seeds' 行政运行 rows are among them: 000's on line 307 (the seed, read above)
    expect(hits.length).toBeGreaterThan(3);
    for (const x of hits) expect(x.text).toContain('行政运行');
    const id000 = ids().get(SEED_000)!;
    const hit = hits.find((x) => x.source === SEED_000 && x.where === 'L307');
    expect(hit?.href).toMatch(new RegExp(`^doc-${id000}\\.html#c=\\d+\\.\\d+\\.\\d+$`));
    expect(sourceLines(SEED_000)[306]).toBe('\t行政运行');
    await page.click(`tr.hit a[href="${hit!.href}"]`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.textContent('td.selected')).toBe('行政运行');
    expect(await highlighted(page)).toEqual([{ line: 307, text: '行政运行' }]);
    // a title hit leads to its table; a text found nowhere says so
    await page.goto(`${server.url}search.html?q=${encodeURIComponent('部门预算收入总表')}`);
    await page.waitForSelector('body[data-ready]');
    const title = await page.$eval('tr.hit-title a', (a) => a.getAttribute('href'));
    expect(title).toMatch(/^doc-\d+\.html#t=\d+$/);
    await page.click(`tr.hit-title a[href="${title}"]`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.textContent('section.table.current')).toContain('部门预算收入总表');
    await page.goto(`${server.url}search.html?q=${encodeURIComponent('没有这样的文字')}`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.textContent('.search .count')).toBe('0 hit(s) for “没有这样的文字”');
    await page.screenshot({ path: path.join(SHOTS, 'search-no-hits.png') });
  });

  it('says on a site written to disk that searching needs the served review', async () => {
    await page.goto(pathToFileURL(path.join(staticDir, 'search.html')).href + '?q=行政运行');
    await page.waitForSelector('body[data-ready]');
    expect(await page.$$('tr.hit')).toHaveLength(0);
    expect(await page.textContent('.search .note')).toContain('Searching needs the database');
  });

  it('works as static files opened from disk (--out)', async () => {
    const url = pathToFileURL(path.join(staticDir, `doc-${ids().get(SEED_000)}.html`)).href;
    await page.goto(url);
    await page.waitForSelector('body[data-ready]');
    await clickCell(page, '部门预算收入总表', '行政运行', '合计');
    expect(await highlighted(page)).toEqual([{ line: 308, text: '336.49' }]);
    await page.click('a[href="index.html"]');
    await page.waitForSelector('body[data-ready]');
    expect(await page.$$('table.docs tbody tr')).toHaveLength(store.listDocuments().length);
    await page.screenshot({ path: path.join(SHOTS, 'static-index.png') });
  });

  it('says why a source file cannot be shown', async () => {
    const gone = path.join(tmp, 'gone.txt');
    fs.copyFileSync(SEED_000, gone);
    await runCorpus([gone], { db, jobs: 0 });
    fs.rmSync(gone);
    await page.goto(`${server.url}doc-${ids().get(gone)}.html`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.textContent('#source .unavailable')).toContain('cannot read the source file: ENOENT');
    // the tables are still there
    expect(await page.$$('section.table')).toHaveLength(store.readDocument(ids().get(gone)!)!.tables.length);
  });
});
