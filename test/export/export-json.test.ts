import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyRows, exportJson, writeExportJson } from '../../src/export/index.js';
import { ExportFile, type Document, type Table } from '../../src/model/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../support/corpus.js';
import { sampleDocument } from '../support/sample-document.js';
import { sqliteConnection } from '../../src/store/store.js';

const dirs: string[] = [];
const stores: Store[] = [];
function newDir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}
function newStore(): Store {
  const s = openStore(path.join(newDir(), 'g.sqlite'));
  stores.push(s);
  return s;
}
afterEach(() => {
  for (const s of stores.splice(0)) if (s.isOpen) s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The sample with a ragged body row (the 绩效目标 row has one cell) and a PDF-located empty third table. */
function raggedDocument(): Document {
  const doc = sampleDocument();
  const perf = doc.tables[1]!;
  perf.cells = perf.cells.filter((c) => !(c.row === 1 && c.col === 1));
  perf.cells.push({ row: 3, col: 0, rowspan: 1, colspan: 1, isHeader: false, text: '效益指标', raw: '效益指标', value: null, prov: [] });
  perf.cells.push({ row: 3, col: 1, rowspan: 1, colspan: 1, isHeader: false, text: '社会效益', raw: '社会效益', value: null, prov: [] });
  perf.cells.push({ row: 3, col: 2, rowspan: 1, colspan: 1, isHeader: false, text: '≥90%', raw: '$\\geq 90\\%$', value: null, prov: [] });
  perf.nRows = 3;
  perf.nCols = 3;
  doc.tables.push({
    order: 2,
    title: null,
    titleRaw: null,
    kind: 'other',
    unit: null,
    meta: { org: null, year: null, unit: null, asOf: null },
    columns: [],
    headerRows: 0,
    nRows: 0,
    nCols: 0,
    cells: [],
    prov: [{ kind: 'pdf', page: 7, bbox: [10, 20, 30, 40] }],
  });
  doc.blocks.push({ order: 4, type: 'table', text: '', tableOrder: 2, prov: [] });
  return doc;
}

function storeWithSamples(): Store {
  const store = newStore();
  const run = store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} });
  // written out of source order on purpose
  store.writeDocument(run, { source: 'corpus/x.txt', sha256: 'ab'.repeat(32), bytes: 10 }, { document: sampleDocument() });
  store.writeDocument(run, { source: 'corpus/a-empty.txt', sha256: 'cd'.repeat(32), bytes: 0 }, { failure: { format: null, error: 'empty file' } });
  store.writeDocument(run, { source: 'corpus/m.txt', sha256: 'ef'.repeat(32), bytes: 20 }, { document: raggedDocument() });
  return store;
}

describe('exportJson', () => {
  it('prints the contract for the sample: header paths as columns, body rows only, source line of the first provenance piece', () => {
    const store = storeWithSamples();
    const exported = exportJson(store);
    expect(exported.map((d) => d.source)).toEqual(['corpus/a-empty.txt', 'corpus/m.txt', 'corpus/x.txt']);
    expect(exported[2]).toEqual({
      source: 'corpus/x.txt',
      sha256: 'ab'.repeat(32),
      format: 'word-text',
      status: 'ok',
      error: null,
      org: { code: '434', name: '政府办' },
      year: 2022,
      docKind: '预算',
      tables: [
        {
          title: '部门预算收入总表',
          kind: 'budget_revenue_summary',
          unit: '万元',
          columns: [['序号'], ['功能分类科目', '科目编码'], ['功能分类科目', '科目名称'], ['合计']],
          // header rows 0 and 1 (序号, 功能分类科目, 科目编码 …) are not rows; the empty cell keeps its place
          rows: [
            ['1', '', '合计', '929.90'],
            ['2', '201', '一般公共服务支出', '784.52'],
          ],
          source: { page: null, line: 1 },
        },
        {
          title: '专项业务活动费绩效目标表',
          kind: 'performance_targets',
          unit: null,
          columns: [['一级指标'], ['二级指标']],
          rows: [
            ['绩效目标', '1.负责, "组织"\n2.保证'],
            ['产出指标', '区域的破损'],
          ],
          source: { page: null, line: 21 },
        },
      ],
    });
    expect(() => ExportFile.parse(exported)).not.toThrow();
  });

  it('keeps ragged rows as stored, exports empty tables, and takes the page of a PDF-located table', () => {
    const store = storeWithSamples();
    const m = exportJson(store)[1]!;
    expect(m.tables.map((t) => t.rows)).toEqual([
      [
        ['1', '', '合计', '929.90'],
        ['2', '201', '一般公共服务支出', '784.52'],
      ],
      [['绩效目标'], ['产出指标', '区域的破损'], ['效益指标', '社会效益', '≥90%']],
      [],
    ]);
    expect(m.tables[2]).toEqual({ title: null, kind: 'other', unit: null, columns: [], rows: [], source: { page: 7, line: null } });
  });

  it('exports a failed document with its reason and no tables', () => {
    const store = storeWithSamples();
    expect(exportJson(store)[0]).toEqual({
      source: 'corpus/a-empty.txt',
      sha256: 'cd'.repeat(32),
      format: null,
      status: 'failed',
      error: 'empty file',
      org: { code: null, name: null },
      year: null,
      docKind: null,
      tables: [],
    });
  });

  it('marks a document with error diagnostics as partial', () => {
    const store = newStore();
    const doc = sampleDocument();
    doc.diagnostics.push({ severity: 'error', code: 'table-cut', stage: 'normalize', message: 'a row is missing' });
    store.writeDocument(store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} }), { source: 'p.txt', sha256: '00'.repeat(32), bytes: 1 }, { document: doc });
    expect(exportJson(store)[0]).toMatchObject({ status: 'partial', error: null, tables: [{}, {}] });
  });

  it('is an empty array for an empty store', () => {
    expect(exportJson(newStore())).toEqual([]);
  });
});

describe('bodyRows', () => {
  const table = (cells: [number, number, string][], headerRows: number, nRows: number): Table => ({
    ...sampleDocument().tables[0]!,
    headerRows,
    nRows,
    cells: cells.map(([row, col, text]) => ({ row, col, rowspan: 1, colspan: 1, isHeader: row < headerRows, text, raw: text, value: null, prov: [] })),
  });

  it('groups body cells by row, each at its column, whatever order they are stored in, without padding past the last cell', () => {
    const t = table([[2, 1, 'b'], [0, 0, 'H'], [1, 0, 'h'], [3, 0, 'c'], [2, 0, 'a'], [2, 3, 'd']], 2, 2);
    // column 2 of the first body row has no cell: it prints "", and `d` stays in column 3
    expect(bodyRows(t)).toEqual([['a', 'b', '', 'd'], ['c']]);
  });

  it('prints a cell merged across columns once, in its first column, and "" in the columns it covers', () => {
    const t = table([[1, 0, '合计'], [1, 3, '150.00'], [1, 4, '130.00']], 1, 1);
    t.cells[0]!.colspan = 3;
    expect(bodyRows(t)).toEqual([['合计', '', '', '150.00', '130.00']]);
  });

  it('keeps a body row without cells in its place', () => {
    expect(bodyRows(table([[1, 0, 'x'], [3, 0, 'z']], 1, 3))).toEqual([['x'], [], ['z']]);
  });
});

describe('writeExportJson', () => {
  it('writes exactly the pretty-printed export with a trailing newline, UTF-8 without BOM, and no temporary file', () => {
    const store = storeWithSamples();
    const out = path.join(newDir(), 'deep', 'tables.json');
    expect(writeExportJson(store, out)).toBe(3);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toBe(JSON.stringify(exportJson(store), null, 2) + '\n');
    expect(text.startsWith('[\n  {\n    "source": "corpus/a-empty.txt"')).toBe(true);
    expect(text).toContain('"title": "部门预算收入总表"');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['tables.json']);
  });

  it('writes [] for an empty store and one element for one document', () => {
    const dir = newDir();
    const empty = newStore();
    expect(writeExportJson(empty, path.join(dir, 'e.json'))).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'e.json'), 'utf8')).toBe('[]\n');
    const one = newStore();
    one.writeDocument(one.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} }), { source: 's.txt', sha256: '11'.repeat(32), bytes: 1 }, { document: sampleDocument() });
    writeExportJson(one, path.join(dir, 'o.json'));
    expect(fs.readFileSync(path.join(dir, 'o.json'), 'utf8')).toBe(JSON.stringify(exportJson(one), null, 2) + '\n');
  });

  it('leaves an existing export untouched when the export fails', () => {
    const store = storeWithSamples();
    const out = path.join(newDir(), 'tables.json');
    fs.writeFileSync(out, 'previous\n');
    // a stored year that is not an integer, in the second document: the first one was already written out
    sqliteConnection(store).prepare("update document set year = 2022.5 where source = 'corpus/m.txt'").run();
    expect(() => writeExportJson(store, out)).toThrow();
    expect(fs.readFileSync(out, 'utf8')).toBe('previous\n');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['tables.json']);
  });
});
