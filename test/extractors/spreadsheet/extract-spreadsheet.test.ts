import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import type * as XLSXTypes from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { extractSpreadsheet, SpreadsheetError } from '../../../extractors/spreadsheet/extract-spreadsheet.js';
import { MAX_SHEET_COLS, MAX_SHEET_ROWS, MAX_WORKBOOK_CELLS, readWorkbook } from '../../../extractors/spreadsheet/read-workbook.js';
import { readZipDirectory } from '../../../extractors/zip/read-zip.js';
import { writeZip } from '../../../scripts/lib/write-zip.js';
import { toExportTable } from '../../../src/export/index.js';
import type { Document } from '../../../src/model/index.js';
import { detectFormat } from '../../../extractors/index.js';
import { extractDocument, extractDocumentAsync } from '../../../src/pipeline/extract-document.js';

const XLSX = createRequire(import.meta.url)('@e965/xlsx') as typeof XLSXTypes;
const FIXTURES = path.join(__dirname, 'fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const GOLD = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'handmade.gold.json'), 'utf8'));

function documentOf(bytes: Uint8Array): Document {
  const result = extractDocument(bytes);
  if (!result.ok) throw new Error(result.error);
  return result.document;
}
const tablesOf = (doc: Document) => doc.tables.map((t) => toExportTable(t)).map((t) => ({ title: t.title, unit: t.unit, columns: t.columns, rows: t.rows }));

describe('the hand-made workbook (merged headers, formulas, number formats, hidden row/column/sheet, prose sheet)', () => {
  it('.xlsx: exports the hand-written golden, the formula without a cached result empty and reported', () => {
    const doc = documentOf(fixture('handmade.xlsx'));
    expect(doc.format).toBe('xlsx');
    expect(doc.extractor).toEqual({ name: 'spreadsheet', version: '1.1.0' });
    expect(tablesOf(doc)).toEqual(GOLD.tables);
    expect(doc.blocks.filter((b) => b.type !== 'table').map((b) => b.text)).toEqual(GOLD.paragraphs);
    expect(doc.diagnostics.map((d) => ({ severity: d.severity, code: d.code, place: d.place }))).toEqual(GOLD.diagnosticsXlsx);
    expect(doc.diagnostics[0]!.message).toBe('部门支出总表!F8: the formula =C8/C9 was saved without its result; gongkai does not recompute formulas, so the cell is read as empty');
  });

  it('.xls (the same workbook saved by LibreOffice as BIFF8): the same tables, the formula result computed when it was saved', () => {
    const doc = documentOf(fixture('handmade.xls'));
    expect(doc.format).toBe('xls');
    const expected = structuredClone(GOLD.tables);
    const f = GOLD.xlsFormulaCell;
    expected[0].rows[f.row][f.col] = f.text;
    expect(tablesOf(doc)).toEqual(expected);
    expect(doc.blocks.filter((b) => b.type !== 'table').map((b) => b.text)).toEqual(GOLD.paragraphs);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['sheet-hidden']);
    // Calc stored the quotient it computed, shown as a percent
    expect(doc.tables[0]!.cells.find((c) => c.text === f.text)?.value).toBe(765.5 / 2000.06);
  });

  it.each(['handmade.xlsx', 'handmade.xls'])('%s: each cell names its sheet cell and merged range; value is the stored number', (name) => {
    const doc = documentOf(fixture(name));
    const cells = doc.tables.flatMap((t) => t.cells);
    for (const { text, prov } of GOLD.provenance) expect(cells.find((c) => c.text === text)?.prov, text).toEqual([prov]);
    for (const [text, value] of Object.entries(GOLD.values)) expect(cells.find((c) => c.text === text)?.value, text).toBe(value);
    // the hidden row 7 and the hidden column G are nowhere
    expect(cells.filter((c) => c.text.includes('隐藏行') || c.text === '299' || c.text === '核对' || c.text.includes('备注')).map((c) => c.text)).toEqual([]);
  });
});

describe('bad workbooks: a clear error or bounded work', () => {
  it('tells .xlsx and .xls apart by content', () => {
    expect(detectFormat(fixture('handmade.xlsx'))).toBe('xlsx');
    expect(detectFormat(fixture('handmade.xls'))).toBe('xls');
  });

  it('an encrypted .xlsx or .xls fails with the reason when no password is given', () => {
    expect(extractDocument(fixture('encrypted.xlsx'))).toEqual({ ok: false, format: null, error: 'encrypted Office document (a password-protected .xlsx or .docx) — it opens only with its password: give it with --password, or save an unprotected copy' });
    expect(detectFormat(fixture('encrypted.xls'))).toBe('xls');
    expect(extractDocument(fixture('encrypted.xls'))).toEqual({ ok: false, format: 'xls', error: 'encrypted workbook — the .xls opens only with its password: give it with --password, or save an unprotected copy' });
  });

  it('with --password, an encrypted .xlsx (ECMA-376 agile) and .xls (BIFF8 RC4, saved so by Calc) read as the workbooks they hold', async () => {
    const xlsx = await extractDocumentAsync(fixture('encrypted.xlsx'), { password: 'gongkai' });
    if (!xlsx.ok) throw new Error(xlsx.error);
    expect(xlsx.document.format).toBe('xlsx');
    expect(tablesOf(xlsx.document)).toEqual(GOLD.tables);
    const xls = await extractDocumentAsync(fixture('encrypted.xls'), { password: 'gongkai' });
    if (!xls.ok) throw new Error(xls.error);
    expect(xls.document.format).toBe('xls');
    expect(tablesOf(xls.document)).toEqual(tablesOf(documentOf(fixture('handmade.xls'))));
    // the hidden sheet stays hidden in the decrypted copy
    expect(xls.document.diagnostics.map((d) => d.code)).toEqual(['sheet-hidden']);
  });

  it('a wrong or empty password is a clear error; a password does not change how an unencrypted workbook is read', async () => {
    expect(await extractDocumentAsync(fixture('encrypted.xls'), { password: 'wrong' })).toEqual({ ok: false, format: 'xls', error: 'encrypted workbook — the password given does not open it' });
    expect(await extractDocumentAsync(fixture('encrypted.xlsx'), { password: 'wrong' })).toEqual({ ok: false, format: null, error: 'encrypted Office document (a password-protected .xlsx or .docx) — the password given does not open it' });
    expect(await extractDocumentAsync(fixture('encrypted.xls'), { password: '' })).toEqual({ ok: false, format: 'xls', error: 'encrypted workbook — the password given is empty' });
    const plain = await extractDocumentAsync(fixture('handmade.xls'), { password: 'gongkai' });
    expect(plain).toEqual(extractDocument(fixture('handmade.xls')));
  });

  it('a zip bomb posing as .xlsx is refused by its declared size, and when the size lies, by inflating no further than the limit', () => {
    const bomb = fixture('zip-bomb.xlsx');
    expect(() => extractSpreadsheet(bomb, 'xlsx')).toThrow(SpreadsheetError);
    expect(extractDocument(bomb)).toEqual({ ok: false, format: 'xlsx', error: 'unreadable .xlsx: the package declares more than 268435456 bytes uncompressed — refused as a possible zip bomb' });
    // the same archive claiming its sheet is 2 KiB, in the central directory and the local header
    const lying = Buffer.from(bomb);
    const entry = readZipDirectory(lying).get('xl/worksheets/sheet1.xml')!;
    lying.writeUInt32LE(2048, entry.localHeaderOffset + 22);
    const dir = lying.indexOf(Buffer.from('xl/worksheets/sheet1.xml'), lying.length - 4096) - 46;
    lying.writeUInt32LE(2048, dir + 24);
    expect(extractDocument(lying)).toEqual({ ok: false, format: 'xlsx', error: 'unreadable .xlsx: xl/worksheets/sheet1.xml inflates to more than 67108864 bytes (it declares 2048) — refused as a possible zip bomb' });
  });

  it('a sheet of a million empty rows reads only up to the row limit, and says so', () => {
    const xml = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
        `<row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c><c r="B1" t="inlineStr"><is><t>金额</t></is></c></row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><t>合计</t></is></c><c r="B2"><v>1.5</v></c></row>` +
        Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 3}" ht="15" customHeight="1"/>`).join('') +
        `</sheetData></worksheet>`,
    );
    const base = fixture('handmade.xlsx');
    const parts = [...readZipDirectory(base).keys()].filter((n) => !n.startsWith('xl/worksheets/sheet2') && !n.startsWith('xl/worksheets/sheet3'));
    const book = rebuild(base, parts, { 'xl/worksheets/sheet1.xml': xml });
    const raw = extractSpreadsheet(book, 'xlsx');
    const table = raw.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r.cells.map((c) => c.raw))).toEqual([['项目', '金额'], ['合计', '1.5']]);
    expect(raw.diagnostics.find((d) => d.code === 'sheet-truncated')?.message).toBe(`sheet "部门支出总表" has more rows or columns than gongkai reads; the rest was not read`);
    expect(MAX_SHEET_ROWS).toBe(100_000);
  }, 60_000);

  it('a workbook of 200 sheets gives 200 tables, each titled from its own title row', () => {
    const doc = documentOf(fixture('many-sheets.xlsx'));
    expect(doc.tables).toHaveLength(200);
    expect(doc.tables[199]!.title).toBe('单位200支出表');
    expect(toExportTable(doc.tables[199]!).rows).toEqual([['合计', '199.50']]);
  });
});

describe('the workbook cell budget counts the cells that hold something', () => {
  it('a sheet with a far-right cell on every row does not use up the budget of the sheets after it; a cell in XFD is past what is read', () => {
    // 5,001 rows each filled in A and in ALL (the last column read): 10,002 stored cells, but
    // 5,001,000 places if a row counted as long as its last filled column
    const wide: XLSXTypes.WorkSheet = {};
    const rows = Math.ceil(MAX_WORKBOOK_CELLS / MAX_SHEET_COLS) + 1;
    for (let r = 0; r < rows; r++) {
      wide[XLSX.utils.encode_cell({ r, c: 0 })] = { t: 's', v: `行${r + 1}` };
      wide[XLSX.utils.encode_cell({ r, c: MAX_SHEET_COLS - 1 })] = { t: 'n', v: r };
    }
    wide['!ref'] = `A1:${XLSX.utils.encode_col(MAX_SHEET_COLS - 1)}${rows}`;
    // one row, filled in A and in XFD, the last column a sheet has
    const farRight = XLSX.utils.aoa_to_sheet([['项目']]);
    farRight['XFD1'] = { t: 's', v: '最右' };
    farRight['!ref'] = 'A1:XFD1';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, wide, '宽表');
    XLSX.utils.book_append_sheet(wb, farRight, '最右');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['支出表'], ['项目', '金额'], ['合计', 12.5]]), '支出表');
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;

    const sheets = readWorkbook(bytes, 'xlsx');
    expect(sheets.map((s) => [s.name, s.filled, s.nCols, s.truncated])).toEqual([
      ['宽表', 2 * rows, MAX_SHEET_COLS, false],
      ['最右', 1, 1, true],
      ['支出表', 5, 2, false],
    ]);
    expect(sheets[2]!.cells[2]![1]).toEqual({ ref: 'B3', text: '12.5', number: 12.5 });
  }, 60_000);
});

/** The package `base` with only `keep` parts, some replaced. */
function rebuild(base: Buffer, keep: string[], replace: Record<string, Buffer>): Buffer {
  const entries = readZipDirectory(base);
  const files = keep.map((name) => {
    if (replace[name]) return { name, data: replace[name]! };
    const e = entries.get(name)!;
    const start = e.localHeaderOffset + 30 + base.readUInt16LE(e.localHeaderOffset + 26) + base.readUInt16LE(e.localHeaderOffset + 28);
    const data = base.subarray(start, start + e.compressedSize);
    return { name, data: e.method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data) };
  });
  // the workbook must list only the sheets kept
  const wb = files.find((f) => f.name === 'xl/workbook.xml')!;
  wb.data = Buffer.from(wb.data.toString('utf8').replace(/<sheet name="主要职能"[^>]*\/>|<sheet name="草稿"[^>]*\/>/g, ''));
  return writeZip(files);
}

describe('a workbook whose sheet list names a sheet with no contents', () => {
  it('fails in one line that says so (fuzz mutant m07311 of seed 004\'s .xlsx: was `internal error: TypeError … \'!data\'`)', () => {
    const r = extractDocument(fixture('m07311-sheet-listed-without-contents.xlsx'));
    expect(r).toEqual({ ok: false, format: 'xlsx', error: 'unreadable .xlsx workbook: sheet "Sheet1" is listed but its contents are missing' });
  });
});
