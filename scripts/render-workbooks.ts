/**
 * Renders the seeds' golden tables as workbooks, the way the .docx/.pdf renderings are made: the
 * same HTML (scripts/render-corpus.ts renderHtml), imported by LibreOffice Calc and saved as
 * .xlsx and as .xls (BIFF8), into corpus/rendered/. Calc's HTML import puts a whole HTML page on
 * one sheet — title, org/year/unit lines and tables one below the other on a shared column grid,
 * merges from rowspan/colspan — which is also how many real disclosure workbooks print several
 * tables on one sheet; the spreadsheet extractor splits a sheet into its tables. The HTML
 * differs from the Writer one only in Calc's own number-format attributes (sdval/sdnum): amounts
 * are stored as numbers displayed with the decimals they are printed with (`929.90` is 929.9
 * shown as 0.00), other cells as text — without them Calc would store 929.90 as 929.9 shown
 * "929.9", which no real budget workbook does.
 *
 * Also writes the fixtures of test/extractors/spreadsheet/: a hand-made workbook (XML written
 * below, literally), its .xls conversion, a password-protected .xlsx (officecrypto-tool) and
 * .xls (saved with a password by Calc, through UNO: scripts/make-encrypted-xls.py), a zip bomb
 * posing as .xlsx, and a workbook of 200 sheets. The password is `gongkai`.
 *
 *   apt-get install -y --no-install-recommends libreoffice-calc-nogui python3-uno fonts-noto-cjk
 *   npx tsx scripts/render-workbooks.ts          # --keep DIR keeps the HTML in DIR; --fixtures-only skips the seeds
 *
 * CI never runs this; the tests read the committed results.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import officeCrypto from 'officecrypto-tool';
import { readZipDirectory, readZipEntry } from '../extractors/zip/read-zip.js';
import { renderHtml, soffice } from './render-corpus.js';
import { spacesEntry, writeZip, type ZipInput } from './lib/write-zip.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.join(ROOT, 'corpus');
const OUT = path.join(CORPUS, 'rendered');
const FIXTURES = path.join(ROOT, 'test/extractors/spreadsheet/fixtures');

const AMOUNT = /^-?(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)(?:\.(\d+))?$/;

/**
 * Calc's HTML import attributes: an amount stored as a number with its printed decimals, anything
 * else as text. Calc 7.4 applies an sdnum format only when it is one of its built-in formats
 * (`0`, `0.00`, `#,##0`, `#,##0.00`; `0.0000` is dropped for General, which prints 482.4310 as
 * 482.431), so amounts with other decimals are stored as text, as many real workbooks hold them.
 */
export function calcNumberAttrs(text: string): string {
  const m = AMOUNT.exec(text);
  const decimals = m?.[1]?.length ?? 0;
  if (!m || (decimals !== 0 && decimals !== 2)) return ' sdnum="2052;0;@"';
  const format = (text.includes(',') ? '#,##0' : '0') + (decimals ? '.' + '0'.repeat(decimals) : '');
  return ` sdval="${Number(text.replace(/,/g, ''))}" sdnum="2052;0;${format}"`;
}

// ---------------------------------------------------------------- a hand-made workbook

type Spec = string | number | { v?: number; s?: string; f?: string; fmt?: 'thousands' | 'fixed2' | 'pct2' | 'pct0' };

const XF = { general: 0, thousands: 1, fixed2: 2, pct2: 3, pct0: 4 } as const;
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
</styleSheet>`;

const xmlEsc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (c: number) => String.fromCharCode(65 + c);

interface SheetSpec {
  name: string;
  state?: 'hidden';
  rows: Spec[][];
  merges?: string[];
  hiddenRows?: number[]; // 1-based
  hiddenCols?: number[]; // 0-based
  cols?: number;
}

function sheetXml(sheet: SheetSpec, strings: string[]): string {
  const sst = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const rows = sheet.rows.map((row, r) => {
    const cells = row.map((spec, c) => {
      const at = `${col(c)}${r + 1}`;
      if (spec === '') return '';
      if (typeof spec === 'string') return `<c r="${at}" t="s"><v>${sst(spec)}</v></c>`;
      if (typeof spec === 'number') return `<c r="${at}"><v>${spec}</v></c>`;
      const s = spec.fmt ? ` s="${XF[spec.fmt]}"` : '';
      if (spec.s !== undefined) return `<c r="${at}"${s} t="s"><v>${sst(spec.s)}</v></c>`;
      return `<c r="${at}"${s}>${spec.f ? `<f>${xmlEsc(spec.f)}</f>` : ''}${spec.v !== undefined ? `<v>${spec.v}</v>` : ''}</c>`;
    });
    const hidden = sheet.hiddenRows?.includes(r + 1) ? ' hidden="1"' : '';
    return `<row r="${r + 1}"${hidden}>${cells.join('')}</row>`;
  });
  const cols = (sheet.hiddenCols ?? []).map((c) => `<col min="${c + 1}" max="${c + 1}" width="12" hidden="1" customWidth="1"/>`).join('');
  const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows.join('')}</sheetData>${merges}</worksheet>`;
}

/** An .xlsx package from sheet specs, every part written here by hand. */
export function workbookXlsx(sheets: SheetSpec[]): Buffer {
  const strings: string[] = [];
  const sheetParts = sheets.map((s) => sheetXml(s, strings));
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: ZipInput[] = [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`),
    },
    { name: '_rels/.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${ns}"><sheets>${sheets.map((s, i) => `<sheet name="${xmlEsc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${ns}/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="${ns}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    },
    { name: 'xl/styles.xml', data: Buffer.from(STYLES) },
    ...sheetParts.map((xml, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(xml) })),
    {
      name: 'xl/sharedStrings.xml',
      data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${xmlEsc(s)}</t></si>`).join('')}</sst>`),
    },
  ];
  return writeZip(files);
}

/**
 * The hand-made workbook of test/extractors/spreadsheet/ (golden: handmade.gold.json, written by
 * hand from this literal): a title merged across, 编制单位 and 单位 on one row, a two-level
 * header from merges, a 栏次 row, #,##0.00 / 0.00 / percent formats, formulas with and without a
 * cached result, a hidden row and a hidden column, empty styled rows at the end, a footnote, a
 * prose sheet and a hidden sheet.
 */
export const HANDMADE: SheetSpec[] = [
  {
    name: '部门支出总表',
    cols: 7,
    rows: [
      ['2024年部门支出预算总表'],
      ['编制单位：示范局', '', '', '', '', '单位：万元'],
      ['科目编码', '科目名称', '本年预算', '', '', '占比', '备注（内部）'],
      ['', '', '合计', '基本支出', '项目支出', '', ''],
      ['栏次', '', { v: 1 }, { v: 2 }, { v: 3 }, { v: 4 }, ''],
      ['201', '一般公共服务支出', { v: 1234.56, fmt: 'thousands' }, { v: 1000, fmt: 'fixed2' }, { v: 234.56, fmt: 'fixed2' }, { f: 'C6/C9', v: 0.617261482155535, fmt: 'pct2' }, '核对'],
      ['299', '隐藏行（不打印）', { v: 1, fmt: 'fixed2' }, { v: 1, fmt: 'fixed2' }, { v: 0, fmt: 'fixed2' }, '', ''],
      ['208', '社会保障和就业支出', { v: 765.5, fmt: 'fixed2' }, { v: 765.5, fmt: 'fixed2' }, { v: 0, fmt: 'fixed2' }, { f: 'C8/C9', fmt: 'pct2' }, ''],
      ['', '合计', { f: 'SUM(C6,C8)', v: 2000.06, fmt: 'thousands' }, { f: 'D6+D8', v: 1765.5, fmt: 'fixed2' }, { f: 'E6+E8', v: 234.56, fmt: 'fixed2' }, { v: 1, fmt: 'pct0' }, ''],
      [],
      ['注：隐藏行与隐藏列不属于打印的表。'],
      [{ fmt: 'fixed2' }, { fmt: 'fixed2' }],
      [{ fmt: 'fixed2' }],
    ],
    merges: ['A1:F1', 'A3:A4', 'B3:B4', 'C3:E3', 'F3:F4', 'G3:G4', 'A5:B5', 'A11:F11'],
    hiddenRows: [7],
    hiddenCols: [6],
  },
  {
    name: '主要职能',
    rows: [['一、主要职能'], ['示范局负责本地区示范工作的统筹协调，\n组织实施年度示范项目。'], [], ['二、机构设置'], ['示范局内设3个科室，下属事业单位1个。']],
  },
  { name: '草稿', state: 'hidden', rows: [['不应读出的草稿表'], ['项目', '金额'], ['草稿', 1]] },
];

/** 200 sheets of one small table each (a workbook with a sheet per 单位). */
function manySheets(): SheetSpec[] {
  return Array.from({ length: 200 }, (_, i) => ({
    name: `单位${i + 1}`,
    rows: [[`单位${i + 1}支出表`], ['单位：万元'], ['项目', '金额'], ['合计', { v: i + 0.5, fmt: 'fixed2' }]],
  }));
}

/** An .xlsx whose sheet XML inflates to 1 GiB (declared honestly; the tests patch it to lie). */
function zipBomb(): Buffer {
  const base = workbookXlsx([{ name: 'Sheet1', rows: [['x']] }]);
  const files: ZipInput[] = [];
  for (const [name, entry] of readZipDirectory(base)) {
    if (name === 'xl/worksheets/sheet1.xml') files.push(spacesEntry(name, 1024 * 1024 * 1024));
    else files.push({ name, data: readZipEntry(base, entry, 1 << 20) });
  }
  return writeZip(files);
}

async function main(): Promise<void> {
  const keepAt = process.argv.indexOf('--keep');
  const fixturesOnly = process.argv.includes('--fixtures-only');
  const work = keepAt > 0 ? path.resolve(process.argv[keepAt + 1]!) : fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-workbooks-'));
  fs.mkdirSync(work, { recursive: true });
  fs.mkdirSync(FIXTURES, { recursive: true });
  const seeds = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -'.gold.json'.length)).sort();
  for (const s of fixturesOnly ? [] : seeds) {
    const gold = JSON.parse(fs.readFileSync(path.join(CORPUS, `${s}.gold.json`), 'utf8'));
    fs.writeFileSync(path.join(work, `${s}.html`), renderHtml(gold, fs.readFileSync(path.join(CORPUS, `${s}.txt`), 'utf8'), '', calcNumberAttrs));
  }
  await Promise.all(
    (fixturesOnly ? [] : seeds).map(async (s, i) => {
      const profile = path.join(work, `profile-${i}`);
      const html = path.join(work, `${s}.html`);
      await soffice(profile, ['--infilter=HTML (StarCalc)', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', work, html]);
      await soffice(profile, ['--infilter=HTML (StarCalc)', '--convert-to', 'xls:MS Excel 97', '--outdir', work, html]);
    }),
  );
  for (const s of fixturesOnly ? [] : seeds) for (const ext of ['xlsx', 'xls']) fs.copyFileSync(path.join(work, `${s}.${ext}`), path.join(OUT, `${s}.${ext}`));

  fs.writeFileSync(path.join(FIXTURES, 'handmade.xlsx'), workbookXlsx(HANDMADE));
  // the .xls: the same workbook saved by Calc as BIFF8 (Calc keeps cached formula results on load)
  await soffice(path.join(work, 'profile-xls'), ['--convert-to', 'xls:MS Excel 97', '--outdir', work, path.join(FIXTURES, 'handmade.xlsx')]);
  fs.copyFileSync(path.join(work, 'handmade.xls'), path.join(FIXTURES, 'handmade.xls'));
  // --convert-to cannot set a password and officecrypto-tool encrypts only OOXML; python3-uno installs into the system Python
  execFileSync('/usr/bin/python3', [path.join(path.dirname(fileURLToPath(import.meta.url)), 'make-encrypted-xls.py'), path.join(FIXTURES, 'handmade.xls'), path.join(FIXTURES, 'encrypted.xls'), 'gongkai'], { stdio: 'inherit' });
  fs.writeFileSync(path.join(FIXTURES, 'encrypted.xlsx'), officeCrypto.encrypt(workbookXlsx(HANDMADE), { password: 'gongkai' }));
  fs.writeFileSync(path.join(FIXTURES, 'zip-bomb.xlsx'), zipBomb());
  fs.writeFileSync(path.join(FIXTURES, 'many-sheets.xlsx'), workbookXlsx(manySheets()));
  console.log(`rendered ${seeds.length} seeds as .xlsx and .xls; fixtures: ${fs.readdirSync(FIXTURES).join(', ')}`);
  if (keepAt < 0) fs.rmSync(work, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
