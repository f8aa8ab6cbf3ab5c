import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField, exportCsv, exportJson } from '../../src/export/index.js';
import { openStore } from '../../src/store/index.js';
import { tempDir } from '../support/corpus.js';
import { sampleDocument } from '../support/sample-document.js';

function storeWithSample() {
  const store = openStore(path.join(tempDir(), 'g.sqlite'));
  const run = store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} });
  store.writeDocument(run, { source: 'corpus/x.txt', sha256: 'ab'.repeat(32), bytes: 10 }, { document: sampleDocument() });
  store.writeDocument(run, { source: 'corpus/a-empty.txt', sha256: 'cd'.repeat(32), bytes: 0 }, { failure: { format: null, error: 'empty file', extractor: { name: 'gongkai', version: '0' } } });
  return store;
}

describe('exportJson', () => {
  it('prints the contract: body rows only, header paths as columns, source line of the title', () => {
    const store = storeWithSample();
    const [failed, doc] = exportJson(store);
    expect(failed).toEqual({ source: 'corpus/a-empty.txt', sha256: 'cd'.repeat(32), format: null, status: 'failed', error: 'empty file', org: { code: null, name: null }, year: null, docKind: null, tables: [] });
    expect(doc!.tables[0]).toEqual({
      title: '部门预算收入总表',
      kind: 'budget_revenue_summary',
      unit: '万元',
      columns: [['序号'], ['功能分类科目', '科目编码'], ['功能分类科目', '科目名称'], ['合计']],
      rows: [['1', '', '合计', '929.90'], ['2', '201', '一般公共服务支出', '784.52']],
      source: { page: null, line: 1 },
    });
    expect(doc!.tables[1]!.rows).toEqual([['绩效目标', '1.负责, "组织"\n2.保证'], ['产出指标', '区域的破损']]);
    store.close();
  });
});

describe('exportCsv', () => {
  it('writes one CSV per table with header paths, RFC 4180 quoting and a BOM', () => {
    const store = storeWithSample();
    const dir = tempDir();
    const files = exportCsv(store, dir);
    expect(files.map((f) => path.basename(f))).toEqual(['x__01_部门预算收入总表.csv', 'x__02_专项业务活动费绩效目标表.csv']);
    expect(fs.readFileSync(files[0]!, 'utf8')).toBe('\ufeff序号,功能分类科目/科目编码,功能分类科目/科目名称,合计\r\n1,,合计,929.90\r\n2,201,一般公共服务支出,784.52\r\n');
    expect(fs.readFileSync(files[1]!, 'utf8')).toContain('绩效目标,"1.负责, ""组织""\n2.保证"\r\n');
    store.close();
  });

  it('quotes only what needs quoting', () => {
    expect(csvField('a')).toBe('a');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
