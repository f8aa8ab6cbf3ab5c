import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CSV_INDEX, CsvExportError, csvField, exportCsv, safeFileName, shortName, toCsv } from '../../src/export/index.js';
import type { Document } from '../../src/model/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../support/corpus.js';
import { sampleDocument } from '../support/sample-document.js';

const dirs: string[] = [];
const stores: Store[] = [];
function newDir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}
function storeWith(docs: [string, string, Document | null][]): Store {
  const store = openStore(path.join(newDir(), 'g.sqlite'));
  stores.push(store);
  const run = store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} });
  for (const [source, sha256, doc] of docs) {
    store.writeDocument(run, { source, sha256, bytes: 1 }, doc ? { document: doc } : { failure: { format: null, error: 'empty file' } });
  }
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) if (s.isOpen) s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The sample with cells that need quoting and a ragged row in its second table. */
function quotingDocument(): Document {
  const doc = sampleDocument();
  const perf = doc.tables[1]!;
  perf.cells.find((c) => c.text === '区域的破损')!.text = 'a,b "c"\r\nd';
  perf.cells = perf.cells.filter((c) => !(c.row === 1 && c.col === 1));
  perf.title = '16/17: 表 "绩效"?';
  return doc;
}

describe('exportCsv', () => {
  it('writes one CSV per table: BOM, header paths joined with "/", body rows only, CRLF records', () => {
    const store = storeWith([
      ['corpus/x.txt', 'ab'.repeat(32), sampleDocument()],
      ['corpus/a-empty.txt', 'cd'.repeat(32), null],
    ]);
    const dir = newDir();
    const files = exportCsv(store, dir);
    expect(files.map((f) => path.basename(f))).toEqual(['x__01_部门预算收入总表.csv', 'x__02_专项业务活动费绩效目标表.csv']);
    expect(fs.readdirSync(dir).sort()).toEqual(['tables.csv', 'x__01_部门预算收入总表.csv', 'x__02_专项业务活动费绩效目标表.csv']);
    const bytes = fs.readFileSync(files[0]!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe('\ufeff序号,功能分类科目/科目编码,功能分类科目/科目名称,合计\r\n1,,合计,929.90\r\n2,201,一般公共服务支出,784.52\r\n');
    expect(fs.readFileSync(files[1]!, 'utf8')).toBe('\ufeff一级指标,二级指标\r\n绩效目标,"1.负责, ""组织""\n2.保证"\r\n产出指标,区域的破损\r\n');
  });

  it('quotes commas, quotes and line breaks, keeps ragged rows short, and makes the title a safe file name', () => {
    const store = storeWith([['in/dir/report.v2.txt', 'ab'.repeat(32), quotingDocument()]]);
    const files = exportCsv(store, newDir());
    expect(files.map((f) => path.basename(f))).toEqual(['report.v2__01_部门预算收入总表.csv', 'report.v2__02_16_17_表_绩效.csv']);
    expect(fs.readFileSync(files[1]!, 'utf8')).toBe('\ufeff一级指标,二级指标\r\n绩效目标\r\n产出指标,"a,b ""c""\r\nd"\r\n');
  });

  it('never overwrites the tables of another document with the same file name', () => {
    const store = storeWith([
      ['a/x.txt', 'ab'.repeat(32), sampleDocument()],
      ['b/X.txt', 'cd'.repeat(32), sampleDocument()],
      ['c/x.pdf', 'ef'.repeat(32), sampleDocument()],
    ]);
    const dir = newDir();
    const files = exportCsv(store, dir).map((f) => path.basename(f));
    expect(files).toEqual([
      'x__01_部门预算收入总表.csv',
      'x__02_专项业务活动费绩效目标表.csv',
      'X-cdcdcdcd__01_部门预算收入总表.csv',
      'X-cdcdcdcd__02_专项业务活动费绩效目标表.csv',
      'x-efefefef__01_部门预算收入总表.csv',
      'x-efefefef__02_专项业务活动费绩效目标表.csv',
    ]);
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(6);
    expect(fs.readdirSync(dir)).toHaveLength(7);
  });

  it('writes tables.csv, an index from each file to its document and table', () => {
    const store = storeWith([['corpus/x.txt', 'ab'.repeat(32), sampleDocument()]]);
    const dir = newDir();
    exportCsv(store, dir);
    expect(fs.readFileSync(path.join(dir, CSV_INDEX), 'utf8')).toBe(
      '\ufefffile,source,sha256,table,title,kind,unit,rows,columns\r\n' +
        `x__01_部门预算收入总表.csv,corpus/x.txt,${'ab'.repeat(32)},1,部门预算收入总表,budget_revenue_summary,万元,2,4\r\n` +
        `x__02_专项业务活动费绩效目标表.csv,corpus/x.txt,${'ab'.repeat(32)},2,专项业务活动费绩效目标表,performance_targets,,2,2\r\n`,
    );
  });

  it('names the files of a source with a long Chinese name from a short stem, unique, all of them written', () => {
    // 90 characters, 270 bytes of UTF-8: with a title the old names passed the 255 bytes a file name may have
    const long = '上海市普陀区长征镇人民政府关于二〇二四年度部门预算公开的说明及附表（含一般公共预算财政拨款支出表和政府性基金预算财政拨款支出表以及三公经费预算表）第一册共三册正式版本最终稿定稿';
    const sameStart = `${long}第二册`;
    const store = storeWith([
      [`scraped/${long}.txt`, 'ab'.repeat(32), sampleDocument()],
      [`scraped/${sameStart}.txt`, 'cd'.repeat(32), sampleDocument()],
    ]);
    const dir = newDir();
    const files = exportCsv(store, dir).map((f) => path.basename(f));
    expect(files).toEqual([
      '上海市普陀区长征镇人民政府__01_部门预算收入总表.csv',
      '上海市普陀区长征镇人民政府__02_专项业务活动费绩效目标表.csv',
      '上海市普陀区长征镇人民政府-cdcdcdcd__01_部门预算收入总表.csv',
      '上海市普陀区长征镇人民政府-cdcdcdcd__02_专项业务活动费绩效目标表.csv',
    ]);
    expect(Math.max(...files.map((f) => Buffer.byteLength(f)))).toBeLessThanOrEqual(120);
    const index = fs.readFileSync(path.join(dir, CSV_INDEX), 'utf8').split('\r\n');
    expect(index[3]!.startsWith(`上海市普陀区长征镇人民政府-cdcdcdcd__01_部门预算收入总表.csv,scraped/${sameStart}.txt,`)).toBe(true);
  });

  it('never leaves a partial export: a failure halfway keeps the earlier export as it was, and no temporary folder', () => {
    const store = storeWith([
      ['a.txt', 'ab'.repeat(32), sampleDocument()],
      ['b.txt', 'cd'.repeat(32), sampleDocument()],
    ]);
    const parent = newDir();
    const dir = path.join(parent, 'csv');
    exportCsv(store, dir);
    const before = Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    // the store as it is, except that reading the second document fails (a disk error, a corrupt page)
    const failing = Object.create(store, {
      readDocument: { value: (id: number) => (id === 2 ? (() => { throw new Error('disk I/O error'); })() : store.readDocument(id)) },
    }) as Store;
    expect(() => exportCsv(failing, dir)).toThrow('disk I/O error');
    expect(Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]))).toEqual(before);
    expect(fs.readdirSync(parent)).toEqual(['csv']);
    // and a second export replaces the first whole
    store.writeDocument(store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} }), { source: 'b.txt', sha256: 'cd'.repeat(32), bytes: 1 }, { failure: { format: null, error: 'empty file' } });
    exportCsv(store, dir);
    expect(fs.readdirSync(dir).sort()).toEqual(['a__01_部门预算收入总表.csv', 'a__02_专项业务活动费绩效目标表.csv', 'tables.csv']);
    expect(fs.readdirSync(parent)).toEqual(['csv']);
  });

  it('refuses to replace a folder that is not an earlier CSV export', () => {
    const store = storeWith([['a.txt', 'ab'.repeat(32), sampleDocument()]]);
    const dir = newDir();
    fs.writeFileSync(path.join(dir, 'notes.md'), 'mine');
    expect(() => exportCsv(store, dir)).toThrow(CsvExportError);
    expect(fs.readdirSync(dir)).toEqual(['notes.md']);
  });
});

describe('shortName', () => {
  it('cuts a safe name to a number of UTF-8 bytes, between characters, never ending in "_" or "." nor reserved', () => {
    expect(shortName('部门预算收支总表', 12)).toBe('部门预算');
    expect(shortName('部门预算收支总表', 13)).toBe('部门预算');
    expect(shortName('ab cd', 3)).toBe('ab');
    expect(shortName('com1x', 4)).toBe('_com1');
    expect(shortName('𠀀𠀀', 7)).toBe('𠀀');
  });
});

describe('csvField / toCsv', () => {
  it('quotes only what needs quoting, doubling inner quotes (RFC 4180)', () => {
    expect(csvField('a')).toBe('a');
    expect(csvField('')).toBe('');
    expect(csvField('合计 929.90')).toBe('合计 929.90');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('"')).toBe('""""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(toCsv([['a', 'b,c'], [], ['x']])).toBe('a,"b,c"\r\n\r\nx\r\n');
  });
});

describe('safeFileName', () => {
  it('keeps CJK, replaces separators, reserved and control characters, and is never empty or reserved', () => {
    expect(safeFileName('部门预算收支总表')).toBe('部门预算收支总表');
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(safeFileName('项  目\t\n名称')).toBe('项_目_名称');
    expect(safeFileName('x\u0000y\u001fz')).toBe('x_y_z');
    expect(safeFileName('..hidden.')).toBe('hidden');
    expect(safeFileName('   ')).toBe('_');
    expect(safeFileName('NUL')).toBe('_NUL');
    expect(safeFileName('com1')).toBe('_com1');
    expect(safeFileName('表'.repeat(100))).toBe('表'.repeat(60));
    // an astral character is never cut in half
    expect(Array.from(safeFileName('𠀀'.repeat(70)))).toHaveLength(60);
    expect(safeFileName('𠀀'.repeat(70))).toBe('𠀀'.repeat(60));
  });
});
