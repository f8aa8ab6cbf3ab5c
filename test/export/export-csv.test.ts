import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { csvField, exportCsv, safeFileName, toCsv } from '../../src/export/index.js';
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
  for (const s of stores.splice(0)) if (s.db.open) s.close();
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
    expect(fs.readdirSync(dir).sort()).toEqual(['x__01_部门预算收入总表.csv', 'x__02_专项业务活动费绩效目标表.csv']);
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
    expect(fs.readdirSync(dir)).toHaveLength(6);
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
