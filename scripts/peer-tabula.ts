/**
 * `npm run peer`: our PDF table extraction on tabula-java's own test PDFs
 * (../shared/peer-corpus/tabula, see its INDEX.md), compared with the CSV tabula expects: per
 * case equal or not (cells compared after white-space normalisation; merged places are "" as in
 * tabula), and the overall share. Never needed by the tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPageContent } from '../extractors/pdf/page-content.js';
import { openPdf } from '../extractors/pdf/pdfjs.js';
import { cropToArea } from '../extractors/pdf/page-area.js';
import { pageTables } from '../extractors/pdf/page-tables.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PEER = path.resolve(ROOT, '../shared/peer-corpus/tabula');

interface Case {
  pdf: string;
  expected: string;
  page: number;
  /** top, left, bottom, right from the page's top left (tabula -a); whole page when absent. */
  area?: [number, number, number, number];
  method: 'lattice' | 'stream';
}

const CASES: Case[] = [
  { pdf: 'spanning_cells.pdf', expected: 'csv/spanning_cells.csv', page: 1, method: 'lattice' },
  { pdf: 'spreadsheet_no_bounding_frame.pdf', expected: 'csv/spreadsheet_no_bounding_frame.csv', page: 1, area: [150.56, 58.9, 654.7, 536.12], method: 'lattice' },
  { pdf: 'Publication_of_award_of_Bids_for_Transport_Sector__August_2016.pdf', expected: 'csv/Publication_of_award_of_Bids_for_Transport_Sector__August_2016.csv', page: 1, area: [56.925, 24.255, 549.945, 786.555], method: 'lattice' },
  { pdf: 'schools.pdf', expected: 'csv/schools.csv', page: 1, area: [53.74, 16.97, 548.74, 762.3], method: 'lattice' },
  { pdf: 'twotables.pdf', expected: 'csv/twotables.csv', page: 1, method: 'lattice' },
  { pdf: 'frx_2012_disclosure.pdf', expected: 'csv/frx_2012_disclosure.csv', page: 1, area: [53, 49, 735, 550], method: 'lattice' },
  { pdf: 'us-017.pdf', expected: 'inline-expected/us-017_p2_lattice_fullpage_table0.csv', page: 2, method: 'lattice' },
  { pdf: 'argentina_diputados_voting_record.pdf', expected: 'csv/argentina_diputados_voting_record.csv', page: 1, area: [269.875, 12.75, 790.5, 561], method: 'stream' },
  { pdf: 'indictb1h_14.pdf', expected: 'csv/indictb1h_14.csv', page: 1, area: [205, 120, 622.82, 459.9], method: 'stream' },
  { pdf: 'us-020.pdf', expected: 'csv/us-020.csv', page: 2, area: [103, 35, 641, 560], method: 'stream' },
  { pdf: 'eu-002.pdf', expected: 'inline-expected/eu-002_p1_basic_area-115,70,233,510.csv', page: 1, area: [115, 70, 233, 510], method: 'stream' },
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

async function ourRows(c: Case): Promise<string[][]> {
  const doc = await openPdf(new Uint8Array(fs.readFileSync(path.join(PEER, c.pdf))));
  try {
    let content = await readPageContent(await doc.getPage(c.page), c.page);
    if (c.area) content = cropToArea(content, c.area);
    // tabula prints every grid place, a merged cell's text in its first place: our positional layout
    const rows: string[][] = [];
    for (const t of pageTables(content, c.method, c.area !== undefined)) {
      const at = new Map(t.cells.map((cell) => [`${cell.row},${cell.col}`, cell.text]));
      for (let r = 0; r + 1 < t.ys.length; r++) rows.push(Array.from({ length: t.xs.length - 1 }, (_, k) => at.get(`${r},${k}`) ?? ''));
    }
    return rows;
  } finally {
    await doc.destroy();
  }
}

if (!fs.existsSync(PEER)) {
  console.error(`no peer corpus at ${PEER}`);
  process.exit(2);
}
let equal = 0;
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
  if (same) equal++;
  const firstDiff = ours.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(expected[i]));
  const why = same ? '' : error || `${ours.length}×${ours[0]?.length ?? 0} vs ${expected.length}×${expected[0]?.length ?? 0}${firstDiff >= 0 ? `; row ${firstDiff}: ${JSON.stringify(ours[firstDiff])} vs ${JSON.stringify(expected[firstDiff])}` : ''}`;
  console.log(`${same ? 'equal  ' : 'differs'} ${c.method.padEnd(7)} ${c.pdf} p${c.page}${why ? `  — ${why.slice(0, 2000)}` : ''}`);
}
console.log(`\n${equal}/${CASES.length} cases equal (${Math.round((100 * equal) / CASES.length)}%); lattice ${CASES.filter((c) => c.method === 'lattice').length}, stream ${CASES.filter((c) => c.method === 'stream').length}`);
