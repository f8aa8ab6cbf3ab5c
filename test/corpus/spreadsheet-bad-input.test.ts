import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as XLSXTypes from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { MAX_SHEET_ROWS } from '../../extractors/spreadsheet/read-workbook.js';
import { exportJson } from '../../src/export/index.js';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { openStore } from '../../src/store/index.js';
import { tempDir } from '../support/corpus.js';

const XLSX = createRequire(import.meta.url)('@e965/xlsx') as typeof XLSXTypes;
const FIXTURES = path.join(__dirname, '../extractors/spreadsheet/fixtures');

/** A sheet with a small table, whose range reaches `lastRow` with one cell there (the last row a sheet can have). */
function tallSheet(lastRow: number): XLSXTypes.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet([['支出表'], ['项目', '金额'], ['合计', 12.5]]);
  ws[`A${lastRow}`] = { t: 's', v: '末行' };
  ws['!ref'] = `A1:B${lastRow}`;
  return ws;
}

function book(sheets: [string, XLSXTypes.WorkSheet][], type: 'xlsx' | 'biff8'): Buffer {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  return XLSX.write(wb, { type: 'buffer', bookType: type }) as Buffer;
}

/** 200 sheets of one small table each (a workbook with a sheet per 单位). */
const manySheets = (): [string, XLSXTypes.WorkSheet][] =>
  Array.from({ length: 200 }, (_, i) => [`单位${i + 1}`, XLSX.utils.aoa_to_sheet([[`单位${i + 1}支出表`], ['单位：万元'], ['项目', '金额'], ['合计', i + 0.5]])]);

describe('bad workbooks in a batch (made here with SheetJS, small on disk)', () => {
  it('each is read in bounded work or fails with its reason, and the batch goes on', async () => {
    const dir = tempDir();
    const files: Record<string, Buffer> = {
      // 1,048,576 rows in the sheet's range, one cell in the last: rows past the limit are not read
      'tall.xlsx': book([['支出表', tallSheet(1_048_576)]], 'xlsx'),
      // an .xls has at most 65,536 rows, fewer than the limit: all read, the last row's cell a line of text
      'tall.xls': book([['支出表', tallSheet(65_536)]], 'biff8'),
      'many-sheets.xlsx': book(manySheets(), 'xlsx'),
      'many-sheets.xls': book(manySheets(), 'biff8'),
    };
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
    for (const name of ['encrypted.xlsx', 'encrypted.xls', 'zip-bomb.xlsx', 'handmade.xlsx']) fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
    expect(Math.max(...Object.values(files).map((b) => b.length))).toBeLessThan(1_000_000);

    const db = path.join(tempDir(), 'gongkai.sqlite');
    const summary = await runCorpus([dir], { db });
    expect({ files: summary.files, failed: summary.failed, new: summary.new }).toEqual({ files: 8, failed: 3, new: 5 });
    const store = openStore(db);
    const docs = exportJson(store);
    const byName = (name: string) => docs.find((d) => path.basename(d.source) === name)!;
    const diagnostics = (name: string) => store.readDocument(store.listDocuments().find((d) => path.basename(d.source) === name)!.id)!.diagnostics;
    expect(Object.fromEntries(docs.map((d) => [path.basename(d.source), [d.status, d.format, d.error, d.tables.length]]))).toEqual({
      'encrypted.xls': ['failed', 'xls', 'encrypted workbook — the .xls opens only with its password: give it with --password, or save an unprotected copy', 0],
      'encrypted.xlsx': ['failed', null, 'encrypted Office document (a password-protected .xlsx or .docx) — it opens only with its password: give it with --password, or save an unprotected copy', 0],
      'handmade.xlsx': ['ok', 'xlsx', null, 1],
      'many-sheets.xls': ['ok', 'xls', null, 200],
      'many-sheets.xlsx': ['ok', 'xlsx', null, 200],
      'tall.xls': ['ok', 'xls', null, 1],
      'tall.xlsx': ['ok', 'xlsx', null, 1],
      'zip-bomb.xlsx': ['failed', 'xlsx', 'unreadable .xlsx: the package declares more than 268435456 bytes uncompressed — refused as a possible zip bomb', 0],
    });
    for (const name of ['tall.xlsx', 'tall.xls']) expect(byName(name).tables[0]!.rows, name).toEqual([['合计', '12.5']]);
    expect(diagnostics('tall.xlsx').map((d) => d.message)).toEqual([`sheet "支出表" has more rows or columns than gongkai reads; the rest was not read`]);
    expect(MAX_SHEET_ROWS).toBeLessThan(1_048_576);
    expect(diagnostics('tall.xls')).toEqual([]);
    for (const name of ['many-sheets.xlsx', 'many-sheets.xls']) {
      const last = byName(name).tables[199]!;
      expect([last.title, last.unit, last.rows], name).toEqual(['单位200支出表', '万元', [['合计', '199.5']]]);
    }
    store.close();
  }, 120_000);
});
