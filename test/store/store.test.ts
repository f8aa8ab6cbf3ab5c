import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { TOOL_VERSION } from '../../src/version.js';
import { tempDir } from '../support/corpus.js';
import { sampleDocument } from '../support/sample-document.js';
import { sqliteConnection } from '../../src/store/store.js';

const file = { source: 'corpus/x.txt', sha256: 'ab'.repeat(32), bytes: 1234 };
const CONTENT = ['block', 'doc_table', 'column', 'cell', 'diagnostic'];

const open: Store[] = [];
const dirs: string[] = [];
function newStore(): Store {
  const dir = tempDir();
  dirs.push(dir);
  const store = openStore(path.join(dir, 'sub', 'g.sqlite'));
  open.push(store);
  return store;
}
afterEach(() => {
  for (const s of open.splice(0)) if (s.isOpen) s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const newRun = (store: Store) => store.beginRun({ toolVersion: '0.1.0', extractorVersions: { 'word-text': 'word-text@1.0.0' }, options: {} });
const count = (store: Store, table: string, where = '') => (sqliteConnection(store).prepare(`select count(*) n from "${table}" ${where}`).get() as { n: number }).n;

/** Every row of every table, in a stable order: "nothing changed" means this is equal. */
function dump(store: Store): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of ['run', 'document', ...CONTENT]) out[t] = sqliteConnection(store).prepare(`select * from "${t}" order by 1, 2, 3`).all();
  return out;
}

/** A PDF document: bbox provenance on every cell, a cell stitched over two pages, an error diagnostic. */
function pdfDocument(): Document {
  const box = (page: number, x0: number, y0: number): Document['tables'][number]['prov'][number] => ({ kind: 'pdf', page, bbox: [x0, y0, x0 + 40.5, y0 + 12.25] });
  return {
    schemaVersion: 1,
    format: 'pdf',
    encoding: null,
    extractor: { name: 'pdf', version: '0.1.0' },
    org: { code: null, name: '某某中心' },
    year: 2021,
    docKind: '决算',
    blocks: [{ order: 0, type: 'table', text: '支出决算表', tableOrder: 0, prov: [box(3, 50, 700)] }],
    tables: [
      {
        order: 0,
        title: '支出决算表',
        titleRaw: '支出决算表',
        kind: 'final_expenditure',
        unit: '元',
        meta: { org: null, year: '2021', unit: '元', asOf: '2021-12-31' },
        columns: [{ index: 0, path: ['项目'] }, { index: 1, path: ['金额'] }],
        headerRows: 1,
        nRows: 1,
        nCols: 2,
        cells: [
          { row: 0, col: 0, rowspan: 1, colspan: 1, isHeader: true, text: '项目', raw: '项目', value: null, prov: [box(3, 50, 680)] },
          { row: 0, col: 1, rowspan: 1, colspan: 1, isHeader: true, text: '金额', raw: '金额', value: null, prov: [box(3, 300, 680)] },
          { row: 1, col: 0, rowspan: 1, colspan: 1, isHeader: false, text: '办公费\n及印刷费', raw: '办公费\n及印刷费', value: null, prov: [box(3, 50, 60), box(4, 50, 760)] },
          { row: 1, col: 1, rowspan: 1, colspan: 1, isHeader: false, text: '-1234.5', raw: '-1,234.50', value: -1234.5, prov: [box(3, 300, 60)] },
        ],
        prov: [box(3, 50, 700), box(4, 50, 740)],
      },
    ],
    diagnostics: [
      { severity: 'error', code: 'table-cut', stage: 'normalize', message: 'a row is missing', place: box(4, 50, 740) },
      { severity: 'info', code: 'no-place', stage: 'extract', message: 'no place' },
    ],
  };
}

/** A document whose provenance is .docx element positions, with and without the optional parts. */
function docxDocument(): Document {
  const doc = sampleDocument();
  doc.format = 'docx';
  doc.encoding = null;
  doc.tables = doc.tables.slice(1).map((t) => ({
    ...t,
    order: 0,
    prov: [{ kind: 'docx', block: 7 }],
    cells: t.cells.map((c) => ({ ...c, prov: [{ kind: 'docx', block: 7, table: 0, row: c.row, cell: c.col, paragraph: 0 }] })),
  }));
  doc.blocks = [{ order: 0, type: 'table', text: '', tableOrder: 0, prov: [{ kind: 'docx', block: 7, table: 0 }] }];
  doc.diagnostics = [];
  return doc;
}

describe('writeDocument / readDocument', () => {
  it('gives back exactly the Document it stored, provenance included (text, pdf, docx)', () => {
    const store = newStore();
    const run = newRun(store);
    const docs = [sampleDocument(), pdfDocument(), docxDocument()];
    const ids = docs.map((d, k) => store.writeDocument(run, { ...file, source: `corpus/${k}.txt` }, { document: d }));
    expect(ids.map((id) => store.readDocument(id))).toEqual(docs);
    expect(ids.map((id) => store.readStoredDocument(id)!.document)).toEqual(docs);
  });

  it('lists documents with their status, org, year and number of tables, ordered by source', () => {
    const store = newStore();
    const run = newRun(store);
    store.writeDocument(run, { ...file, source: 'corpus/z.pdf' }, { document: pdfDocument() });
    store.writeDocument(run, file, { document: sampleDocument() });
    expect(store.listDocuments()).toEqual([
      expect.objectContaining({ source: 'corpus/x.txt', sha256: file.sha256, bytes: 1234, format: 'word-text', encoding: 'utf-8', status: 'ok', error: null, org: { code: '434', name: '政府办' }, year: 2022, docKind: '预算', tables: 2 }),
      // an error diagnostic makes a document partial, never ok
      expect.objectContaining({ source: 'corpus/z.pdf', format: 'pdf', status: 'partial', error: null, org: { code: null, name: '某某中心' }, year: 2021, docKind: '决算', tables: 1 }),
    ]);
    expect(store.findDocument('corpus/x.txt')).toEqual({ id: expect.any(Number), sha256: file.sha256, format: 'word-text', extractorName: 'word-text', extractorVersion: '1.0.0', stageVersions: null, extractOptions: '', status: 'ok' });
    expect(store.findDocument('corpus/none.txt')).toBeUndefined();
  });

  it('stores the columns flat for queries: header path text, the first provenance piece of each cell, table line and page range', () => {
    const store = newStore();
    const run = newRun(store);
    store.writeDocument(run, file, { document: sampleDocument() });
    store.writeDocument(run, { ...file, source: 'corpus/z.pdf' }, { document: pdfDocument() });
    expect(sqliteConnection(store).prepare("select prov_kind, line_start, col_start, off_start, line_end, col_end, off_end, page, x0, value from cell where text = '784.52'").get()).toEqual({
      prov_kind: 'text', line_start: 18, col_start: 2, off_start: 98, line_end: 18, col_end: 8, off_end: 104, page: null, x0: null, value: 784.52,
    });
    // a stitched cell: every piece in prov, the first one flattened
    const stitched = sqliteConnection(store).prepare("select prov, line_start, off_start from cell where text = '区域的破损'").get() as { prov: string; line_start: number; off_start: number };
    expect(JSON.parse(stitched.prov)).toHaveLength(2);
    expect([stitched.line_start, stitched.off_start]).toEqual([29, 276]);
    expect(sqliteConnection(store).prepare("select prov_kind, page, x0, y0, x1, y1, line_start, value from cell where raw = '-1,234.50'").get()).toEqual({
      prov_kind: 'pdf', page: 3, x0: 300, y0: 60, x1: 340.5, y1: 72.25, line_start: null, value: -1234.5,
    });
    expect(sqliteConnection(store).prepare("select path, path_text from \"column\" where path_text like '功能分类科目/%' order by idx").all()).toEqual([
      { path: '["功能分类科目","科目编码"]', path_text: '功能分类科目/科目编码' },
      { path: '["功能分类科目","科目名称"]', path_text: '功能分类科目/科目名称' },
    ]);
    expect(sqliteConnection(store).prepare('select title, first_line, last_line, first_page, last_page from doc_table order by title').all()).toEqual([
      { title: '专项业务活动费绩效目标表', first_line: 21, last_line: 21, first_page: null, last_page: null },
      { title: '支出决算表', first_line: null, last_line: null, first_page: 3, last_page: 4 },
      { title: '部门预算收入总表', first_line: 1, last_line: 2, first_page: null, last_page: null },
    ]);
    expect(sqliteConnection(store).prepare("select is_header, count(*) n from cell c join document d on d.id = c.document_id where d.source = 'corpus/x.txt' group by is_header").all()).toEqual([
      { is_header: 0, n: 12 },
      { is_header: 1, n: 7 },
    ]);
  });

  it('replaces a re-extracted document in place: same id, no duplicate or stale rows', () => {
    const store = newStore();
    const run = newRun(store);
    const id = store.writeDocument(run, file, { document: sampleDocument() });
    const counts = CONTENT.map((t) => count(store, t));
    // the same document again: identical counts
    expect(store.writeDocument(run, file, { document: sampleDocument() })).toBe(id);
    expect(CONTENT.map((t) => count(store, t))).toEqual(counts);
    // a smaller one: the rows of what it lost are gone
    const changed = sampleDocument();
    changed.tables = changed.tables.slice(0, 1);
    changed.blocks = changed.blocks.slice(0, 3);
    changed.diagnostics = [];
    const run2 = newRun(store);
    expect(store.writeDocument(run2, { ...file, sha256: 'cd'.repeat(32) }, { document: changed })).toBe(id);
    expect(count(store, 'document')).toBe(1);
    expect(count(store, 'doc_table')).toBe(1);
    expect(count(store, 'cell')).toBe(changed.tables[0]!.cells.length);
    expect(count(store, 'column')).toBe(4);
    expect(count(store, 'block')).toBe(3);
    expect(count(store, 'diagnostic')).toBe(0);
    expect(store.readDocument(id)).toEqual(changed);
    expect(store.findDocument(file.source)).toMatchObject({ id, sha256: 'cd'.repeat(32) });
    expect(sqliteConnection(store).prepare('select run_id from document').get()).toEqual({ run_id: run2 });
  });

  it('refuses a document that does not fit the schema before writing anything, and keeps what was stored', () => {
    const store = newStore();
    const run = newRun(store);
    const id = store.writeDocument(run, file, { document: sampleDocument() });
    const before = dump(store);
    const bad = sampleDocument();
    (bad.tables[0]!.cells[3] as { row: number }).row = -1;
    expect(() => store.writeDocument(run, { ...file, sha256: 'ef'.repeat(32) }, { document: bad })).toThrow(/row/);
    const notADocument = { ...sampleDocument(), year: 'twenty' } as unknown as Document;
    expect(() => store.writeDocument(run, { ...file, source: 'corpus/new.txt' }, { document: notADocument })).toThrow();
    expect(dump(store)).toEqual(before);
    expect(store.readDocument(id)).toEqual(sampleDocument());
  });

  it('is all-or-nothing: an insert failing half-way leaves the previous content intact', () => {
    const store = newStore();
    const run = newRun(store);
    const id = store.writeDocument(run, file, { document: sampleDocument() });
    store.writeDocument(run, { ...file, source: 'corpus/other.txt' }, { document: pdfDocument() });
    const before = dump(store);
    const broken = sampleDocument();
    // valid for the schema, but two cells at one place: the second table's cells violate the primary key
    // after the blocks, the first table and its cells were already inserted
    broken.tables[1]!.cells.push({ ...broken.tables[1]!.cells[5]!, text: 'dup' });
    expect(() => store.writeDocument(newRun(store), { ...file, sha256: 'ef'.repeat(32) }, { document: broken })).toThrow(/UNIQUE|PRIMARY/);
    const after = dump(store);
    expect({ ...after, run: undefined }).toEqual({ ...before, run: undefined });
    expect(store.readDocument(id)).toEqual(sampleDocument());
    // a first write of a new source that fails leaves no document row behind
    expect(() => store.writeDocument(run, { ...file, source: 'corpus/new.txt' }, { document: broken })).toThrow(/UNIQUE|PRIMARY/);
    expect(store.findDocument('corpus/new.txt')).toBeUndefined();
    expect(count(store, 'document')).toBe(2);
  });

  it('records a failed file with its reason, no content, and the tool as extractor unless told otherwise', () => {
    const store = newStore();
    const run = newRun(store);
    const id = store.writeDocument(run, { ...file, sha256: '', bytes: 0 }, { failure: { format: null, error: 'empty file' } });
    store.writeDocument(run, { ...file, source: 'corpus/y.pdf' }, { failure: { format: 'pdf', error: 'encrypted', extractor: { name: 'pdf', version: '0.2.0' } } });
    expect(store.listDocuments()).toEqual([
      expect.objectContaining({ id, source: 'corpus/x.txt', status: 'failed', error: 'empty file', format: null, extractorName: 'gongkai', extractorVersion: TOOL_VERSION, org: { code: null, name: null }, year: null, tables: 0 }),
      expect.objectContaining({ source: 'corpus/y.pdf', status: 'failed', error: 'encrypted', format: 'pdf', extractorName: 'pdf', extractorVersion: '0.2.0' }),
    ]);
    expect(store.readDocument(id)).toBeNull();
    expect(store.readStoredDocument('corpus/x.txt')).toMatchObject({ status: 'failed', error: 'empty file', document: null });
  });

  it('replaces a stored document by a failure of the same source: status failed, content gone', () => {
    const store = newStore();
    const run = newRun(store);
    const id = store.writeDocument(run, file, { document: sampleDocument() });
    expect(store.writeDocument(run, file, { failure: { format: 'word-text', error: 'decoder crashed' } })).toBe(id);
    expect(CONTENT.map((t) => count(store, t))).toEqual([0, 0, 0, 0, 0]);
    expect(store.findDocument(file.source)).toMatchObject({ status: 'failed' });
    expect(store.listDocuments()[0]).toMatchObject({ status: 'failed', error: 'decoder crashed', format: 'word-text', org: { code: null, name: null }, year: null });
    // and back to a document: the error text does not linger
    store.writeDocument(run, file, { document: sampleDocument() });
    expect(store.listDocuments()[0]).toMatchObject({ status: 'ok', error: null });
  });

  it('deleting a document cascades to all its rows', () => {
    const store = newStore();
    const run = newRun(store);
    const id = store.writeDocument(run, file, { document: sampleDocument() });
    store.writeDocument(run, { ...file, source: 'corpus/z.pdf' }, { document: pdfDocument() });
    sqliteConnection(store).prepare('delete from document where id = ?').run(id);
    expect(CONTENT.map((t) => count(store, t, `where document_id = ${id}`))).toEqual([0, 0, 0, 0, 0]);
    expect(store.readDocument(store.findDocument('corpus/z.pdf')!.id)).toEqual(pdfDocument());
  });

  it('gives the same ids and rows for the same documents written in the same order', () => {
    const write = () => {
      const store = newStore();
      const run = newRun(store);
      store.writeDocument(run, file, { document: sampleDocument() });
      store.writeDocument(run, { ...file, source: 'corpus/z.pdf' }, { document: pdfDocument() });
      const rows = Object.fromEntries(CONTENT.map((t) => [t, sqliteConnection(store).prepare(`select * from "${t}" order by 1, 2, 3`).all()]));
      return { ids: store.listDocuments().map((d) => [d.id, d.source]), rows };
    };
    expect(write()).toEqual(write());
  });
});

describe('readStoredDocument', () => {
  it('finds a document by id, by exact source or by sha256 prefix, with its file info and status', () => {
    const store = newStore();
    const run = newRun(store);
    const id = store.writeDocument(run, file, { document: sampleDocument() });
    store.writeDocument(run, { source: 'corpus/y.txt', sha256: 'cd'.repeat(32), bytes: 1 }, { document: pdfDocument() });
    const x = store.readStoredDocument(id);
    expect(x).toMatchObject({ id, source: 'corpus/x.txt', sha256: file.sha256, bytes: 1234, status: 'ok', error: null, extractorName: 'word-text', tables: 2 });
    expect(x!.document).toEqual(sampleDocument());
    expect(store.readStoredDocument('corpus/x.txt')!.id).toBe(id);
    expect(store.readStoredDocument('abab')!.id).toBe(id);
    expect(store.readStoredDocument('CDCDCD')).toMatchObject({ source: 'corpus/y.txt', status: 'partial' });
    expect(store.readStoredDocument(file.sha256)!.id).toBe(id);
  });

  it('finds nothing for an unknown key, a short prefix or a path fragment, and refuses an ambiguous prefix', () => {
    const store = newStore();
    const run = newRun(store);
    store.writeDocument(run, file, { document: sampleDocument() });
    store.writeDocument(run, { ...file, source: 'corpus/copy.txt' }, { document: sampleDocument() });
    expect(store.readStoredDocument(999)).toBeUndefined();
    expect(store.readStoredDocument('x.txt')).toBeUndefined();
    expect(store.readStoredDocument('aba')).toBeUndefined();
    expect(store.readStoredDocument('ab%')).toBeUndefined();
    expect(store.readStoredDocument('ffff')).toBeUndefined();
    expect(() => store.readStoredDocument('abab')).toThrow(/matches 2 documents: corpus\/copy.txt, corpus\/x.txt/);
  });
});

describe('findDocuments', () => {
  it('finds documents by source, file name part or sha256 prefix', () => {
    const store = newStore();
    const run = newRun(store);
    store.writeDocument(run, file, { document: sampleDocument() });
    store.writeDocument(run, { source: 'corpus/y.txt', sha256: 'cd'.repeat(32), bytes: 1 }, { document: sampleDocument() });
    expect(store.findDocuments('corpus/x.txt').map((d) => d.source)).toEqual(['corpus/x.txt']);
    expect(store.findDocuments('y.txt').map((d) => d.source)).toEqual(['corpus/y.txt']);
    expect(store.findDocuments('cdcd').map((d) => d.source)).toEqual(['corpus/y.txt']);
    expect(store.findDocuments('corpus/')).toHaveLength(2);
  });
});

describe('runs', () => {
  it('records runs with their tool and extractor versions, options and counts', () => {
    const store = newStore();
    const run = store.beginRun({ toolVersion: '0.1.0', extractorVersions: { 'word-text': 'word-text@1.0.0' }, options: { force: false, paths: ['corpus'] } });
    const unfinished = store.beginRun({ toolVersion: '0.1.0', extractorVersions: {}, options: null });
    store.finishRun(run, { files: 3, failed: 1 });
    expect(store.listRuns()).toEqual([
      {
        id: run,
        startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        finishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        toolVersion: '0.1.0',
        extractorVersions: { 'word-text': 'word-text@1.0.0' },
        options: { force: false, paths: ['corpus'] },
        counts: { files: 3, failed: 1 },
      },
      expect.objectContaining({ id: unfinished, finishedAt: null, counts: null, options: null }),
    ]);
  });
});
