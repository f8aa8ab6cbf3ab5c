/**
 * `npm run peer`: our PDF table extraction on tabula-java's own test PDFs
 * (../shared/peer-corpus/tabula, see its INDEX.md), compared with the CSV tabula expects: per
 * case equal or not (cells compared after white-space normalisation; merged places are "" as in
 * tabula), and the overall share. Never needed by the tests. `npm run peer -- NAME` also prints
 * both tables of the cases whose file name contains NAME.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPageContent } from '../extractors/pdf/page-content.js';
import { openPdf } from '../extractors/pdf/pdfjs.js';
import { cropToArea } from '../extractors/pdf/page-area.js';
import { pageTables } from '../extractors/pdf/page-tables.js';
import type { PageTable } from '../extractors/pdf/ruled-tables.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PEER = path.resolve(ROOT, '../shared/peer-corpus/tabula');

interface Case {
  pdf: string;
  expected: string;
  page: number;
  /** top, left, bottom, right from the page's top left (tabula -a); whole page when absent. */
  area?: [number, number, number, number];
  /** several areas (tabula -a given twice) */
  areas?: [number, number, number, number][];
  /** `auto` where tabula's test gives no method (its DECIDE) */
  method: 'lattice' | 'stream' | 'auto';
}

const CASES: Case[] = [
  { pdf: 'spanning_cells.pdf', expected: 'csv/spanning_cells.csv', page: 1, method: 'lattice' },
  { pdf: 'spreadsheet_no_bounding_frame.pdf', expected: 'csv/spreadsheet_no_bounding_frame.csv', page: 1, area: [150.56, 58.9, 654.7, 536.12], method: 'lattice' },
  { pdf: 'Publication_of_award_of_Bids_for_Transport_Sector__August_2016.pdf', expected: 'csv/Publication_of_award_of_Bids_for_Transport_Sector__August_2016.csv', page: 1, area: [56.925, 24.255, 549.945, 786.555], method: 'lattice' },
  { pdf: 'schools.pdf', expected: 'csv/schools.csv', page: 1, area: [53.74, 16.97, 548.74, 762.3], method: 'lattice' },
  { pdf: 'twotables.pdf', expected: 'csv/twotables.csv', page: 1, method: 'lattice' },
  { pdf: 'frx_2012_disclosure.pdf', expected: 'csv/frx_2012_disclosure.csv', page: 1, area: [53, 49, 735, 550], method: 'lattice' },
  { pdf: 'us-017.pdf', expected: 'inline-expected/us-017_p2_lattice_fullpage_table0.csv', page: 2, method: 'lattice' },
  { pdf: 'puertos1.pdf', expected: 'inline-expected/puertos1_p1_lattice_area-273.90,30.32,554.88,546.80.csv', page: 1, area: [273.9035714285714, 30.32142857142857, 554.8821428571429, 546.7964285714286], method: 'lattice' },
  // tabula -p 1 -a %0,0,100,50 -a %0,50,100,100 on a 425.169 × 451.814 page
  { pdf: 'MultiColumn.pdf', expected: 'csv/MultiColumn.csv', page: 1, areas: [[0, 0, 451.814, 212.5845], [0, 212.5845, 451.814, 425.169]], method: 'auto' },
  { pdf: 'argentina_diputados_voting_record.pdf', expected: 'csv/argentina_diputados_voting_record.csv', page: 1, area: [269.875, 12.75, 790.5, 561], method: 'stream' },
  { pdf: 'indictb1h_14.pdf', expected: 'csv/indictb1h_14.csv', page: 1, area: [205, 120, 622.82, 459.9], method: 'stream' },
  { pdf: 'us-020.pdf', expected: 'csv/us-020.csv', page: 2, area: [103, 35, 641, 560], method: 'stream' },
  { pdf: 'eu-002.pdf', expected: 'inline-expected/eu-002_p1_basic_area-115,70,233,510.csv', page: 1, area: [115, 70, 233, 510], method: 'stream' },
  { pdf: 'frx_2012_disclosure.pdf', expected: 'inline-expected/frx_2012_disclosure_p1_basic_area-106.01,48.09,227.31,551.89.csv', page: 1, area: [106.01, 48.09, 227.31, 551.89], method: 'stream' },
  // tabula's test hands the page's vertical rulings to the stream algorithm as column bounds
  { pdf: 'eu-017.pdf', expected: 'inline-expected/eu-017_p3_basic_vrulings_area-299.625,148.44,711.875,452.32.csv', page: 3, area: [299.625, 148.44, 711.875, 452.32], method: 'stream' },
];

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}

const norm = (rows: string[][]) => rows.map((r) => r.map((c) => c.replace(/\s+/gu, ' ').trim())).filter((r) => r.some((c) => c !== ''));

/**
 * The loose comparison: white space inside cells ignored (tabula and gongkai place word spaces
 * differently: tabula drops the printed space in "Black & White" and puts one where a Japanese
 * cell wraps, gongkai never puts one next to CJK), full-width forms folded (NFKC: the PDF maps
 * a glyph to U+FF08 （, pdfjs and poppler print that, PDFBox prints "("), and columns empty on every row dropped
 * (tabula turns the sliver between an --area's edge and the table's frame into a column).
 */
function loose(rows: string[][]): string[][] {
  const squeezed = rows.map((r) => r.map((c) => c.normalize('NFKC').replace(/\s+/gu, '')));
  const width = Math.max(0, ...squeezed.map((r) => r.length));
  const keep = Array.from({ length: width }, (_, k) => squeezed.some((r) => (r[k] ?? '') !== ''));
  return squeezed.map((r) => r.filter((_, k) => keep[k]));
}

async function ourRows(c: Case): Promise<string[][]> {
  const doc = await openPdf(new Uint8Array(fs.readFileSync(path.join(PEER, c.pdf))));
  try {
    const page = await readPageContent(await doc.getPage(c.page), c.page);
    const rows: string[][] = [];
    // tabula -a given twice: the tables of each area, one after the other
    for (const area of c.areas ?? (c.area ? [c.area] : [undefined])) {
      const content = area ? cropToArea(page, area) : page;
      // how tabula's DECIDE would have printed what our auto found: a ruled table as lattice
      const printAs = c.method === 'auto' ? (pageTables(content, 'lattice', area !== undefined).length ? 'lattice' : 'stream') : c.method;
      for (const t of pageTables(content, c.method, area !== undefined)) rows.push(...(printAs === 'lattice' ? tabulaRows(t) : positionalRows(t)));
    }
    return rows;
  } finally {
    await doc.destroy();
  }
}

/** Every grid place a cell: a merged cell's text in its first place, "" in the places it covers. */
function positionalRows(t: PageTable): string[][] {
  const at = new Map(t.cells.map((cell) => [`${cell.row},${cell.col}`, cell.text]));
  return Array.from({ length: t.ys.length - 1 }, (_, r) => Array.from({ length: t.xs.length - 1 }, (_, k) => at.get(`${r},${k}`) ?? ''));
}

/**
 * A ruled table printed as tabula prints one (TableWithRulingLines.addCells at the snapshot):
 * cells are grouped into rows by their top edge, and a row's cells are printed side by side,
 * left to right, from the column after the most cells that any row lying wholly below-left of
 * its first cell holds. A merged cell thus takes one column, and what follows it in its row
 * moves left (twotables.pdf: 少数株主持分 right after the 5-wide その他の包括利益累計額).
 */
function tabulaRows(t: PageTable): string[][] {
  const EPS = 0.01;
  const [left, bottom] = [t.box[0], t.box[1]];
  const groups = new Map<number, typeof t.cells>();
  for (const cell of t.cells) groups.set(cell.row, [...(groups.get(cell.row) ?? []), cell]);
  const rows: string[][] = [];
  for (const row of [...groups.keys()].sort((a, b) => a - b).map((r) => groups.get(r)!.sort((a, b) => a.col - b.col))) {
    const [x0, y0] = row[0]!.box;
    // tabula asks its spatial index for the cells wholly inside the table's part below and left of the first cell
    const below = t.cells.filter((o) => o.box[0] >= left - EPS && o.box[2] <= x0 + EPS && o.box[3] <= y0 + EPS && o.box[1] >= bottom - EPS);
    const perRow = new Map<number, number>();
    for (const o of below) perRow.set(o.row, (perRow.get(o.row) ?? 0) + 1);
    const start = Math.max(0, ...perRow.values());
    const out: string[] = Array.from({ length: start }, () => '');
    for (const cell of row) out.push(cell.text);
    rows.push(out);
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => '')]);
}

if (!fs.existsSync(PEER)) {
  console.error(`no peer corpus at ${PEER}`);
  process.exit(2);
}
const SHOW = process.argv[2];
const results: { c: Case; same: boolean; sameLoosely: boolean }[] = [];
for (const c of CASES) {
  const expected = norm(parseCsv(fs.readFileSync(path.join(PEER, c.expected), 'utf8')));
  let ours: string[][] = [];
  let error = '';
  try {
    ours = norm(await ourRows(c));
  } catch (e) {
    error = (e as Error).message;
  }
  const same = JSON.stringify(ours) === JSON.stringify(expected);
  const sameLoosely = JSON.stringify(loose(ours)) === JSON.stringify(loose(expected));
  results.push({ c, same, sameLoosely });
  if (SHOW && c.pdf.includes(SHOW)) {
    // `npm run peer -- NAME`: both tables of the cases whose file name contains NAME, row by row
    for (let i = 0; i < Math.max(ours.length, expected.length); i++) {
      const [o, e] = [JSON.stringify(ours[i] ?? null), JSON.stringify(expected[i] ?? null)];
      console.log(o === e ? `  = ${o}` : `  < ${o}\n  > ${e}`);
    }
  }
  const firstDiff = ours.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(expected[i]));
  const why = same ? '' : error || `${ours.length}×${ours[0]?.length ?? 0} vs ${expected.length}×${expected[0]?.length ?? 0}${firstDiff >= 0 ? `; row ${firstDiff}: ${JSON.stringify(ours[firstDiff])} vs ${JSON.stringify(expected[firstDiff])}` : ''}`;
  console.log(`${same ? 'equal  ' : sameLoosely ? 'loosely' : 'differs'} ${c.method.padEnd(7)} ${c.pdf} p${c.page}${why ? `  — ${why.slice(0, 2000)}` : ''}`);
}
const count = (method: string | null, key: 'same' | 'sameLoosely') => {
  const of = results.filter((r) => method === null || r.c.method === method);
  const n = of.filter((r) => r[key]).length;
  return `${n}/${of.length}${method === null ? ` (${Math.round((100 * n) / of.length)}%)` : ''}`;
};
const byMethod = (key: 'same' | 'sameLoosely') => `lattice ${count('lattice', key)}, stream ${count('stream', key)}, auto ${count('auto', key)}`;
console.log(`\n${count(null, 'same')} cases equal (${byMethod('same')})`);
console.log(`${count(null, 'sameLoosely')} equal loosely, white space in cells, full-width forms and all-empty columns ignored (${byMethod('sameLoosely')})`);
