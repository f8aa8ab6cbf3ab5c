import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, openStore } from '../../src/store/index.js';
import { sampleDocument } from '../support/sample-document.js';
import { tempDir } from '../support/corpus.js';

const file = { source: 'corpus/x.txt', sha256: 'ab'.repeat(32), bytes: 1234 };
const newStore = () => openStore(path.join(tempDir(), 'sub', 'g.sqlite'));

describe('Store', () => {
  it('creates its folder, applies the migrations once, and applies nothing on reopening', () => {
    const dbFile = path.join(tempDir(), 'a', 'b', 'g.sqlite');
    openStore(dbFile).close();
    const conn = new Database(dbFile);
    expect(conn.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrate(conn)).toEqual([]);
    expect((conn.prepare('select version from schema_migrations order by version').all() as { version: number }[]).map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
    conn.close();
  });

  it('gives back exactly the Document it stored, provenance included', () => {
    const store = newStore();
    const run = store.beginRun({ toolVersion: '0.1.0', extractorVersions: {}, options: {} });
    const id = store.writeDocument(run, file, { document: sampleDocument() });
    expect(store.readDocument(id)).toEqual(sampleDocument());
    const [info] = store.listDocuments();
    expect(info).toMatchObject({ source: 'corpus/x.txt', status: 'ok', format: 'word-text', org: { code: '434', name: '政府办' }, year: 2022, tables: 2 });
    store.close();
  });

  it('flattens the first provenance piece of each cell for queries', () => {
    const store = newStore();
    store.writeDocument(store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} }), file, { document: sampleDocument() });
    const row = store.db.prepare("select line_start, col_start, off_start, off_end, value from cell where text = '784.52'").get();
    expect(row).toEqual({ line_start: 18, col_start: 2, off_start: 98, off_end: 104, value: 784.52 });
    const stitched = store.db.prepare("select prov from cell where text = '区域的破损'").get() as { prov: string };
    expect(JSON.parse(stitched.prov)).toHaveLength(2);
    store.close();
  });

  it('replaces a re-extracted document in place: same id, no duplicate rows', () => {
    const store = newStore();
    const run = store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} });
    const id = store.writeDocument(run, file, { document: sampleDocument() });
    const changed = sampleDocument();
    changed.tables = changed.tables.slice(0, 1);
    expect(store.writeDocument(run, { ...file, sha256: 'cd'.repeat(32) }, { document: changed })).toBe(id);
    expect((store.db.prepare('select count(*) n from document').get() as { n: number }).n).toBe(1);
    expect((store.db.prepare('select count(*) n from doc_table').get() as { n: number }).n).toBe(1);
    expect(store.readDocument(id)).toEqual(changed);
    store.close();
  });

  it('leaves what was stored untouched when a write fails half-way', () => {
    const store = newStore();
    const run = store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} });
    const id = store.writeDocument(run, file, { document: sampleDocument() });
    const broken = sampleDocument();
    // two cells at the same place: the insert of the second one violates the primary key mid-way
    broken.tables[0]!.cells.push({ ...broken.tables[0]!.cells[12]! });
    expect(() => store.writeDocument(run, { ...file, sha256: 'ef'.repeat(32) }, { document: broken })).toThrow(/UNIQUE|PRIMARY/);
    expect(store.findDocument(file.source)!.sha256).toBe(file.sha256);
    expect(store.readDocument(id)).toEqual(sampleDocument());
    store.close();
  });

  it('refuses a document that does not fit the schema, before writing anything', () => {
    const store = newStore();
    const bad = { ...sampleDocument(), year: 'twenty' } as unknown as ReturnType<typeof sampleDocument>;
    expect(() => store.writeDocument(1, file, { document: bad })).toThrow();
    expect(store.listDocuments()).toEqual([]);
    store.close();
  });

  it('records a failed file with its reason and no content', () => {
    const store = newStore();
    const run = store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} });
    const id = store.writeDocument(run, file, { failure: { format: null, error: 'empty file', extractor: { name: 'gongkai', version: '0.1.0' } } });
    expect(store.listDocuments()[0]).toMatchObject({ status: 'failed', error: 'empty file', extractorName: 'gongkai', tables: 0 });
    expect(store.readDocument(id)).toBeNull();
    store.close();
  });

  it('records runs with their options and counts', () => {
    const store = newStore();
    const run = store.beginRun({ toolVersion: '0.1.0', extractorVersions: { 'word-text': 'word-text@1.0.0' }, options: { force: false } });
    store.finishRun(run, { files: 3, failed: 1 });
    expect(store.listRuns()).toEqual([
      expect.objectContaining({ id: run, toolVersion: '0.1.0', extractorVersions: { 'word-text': 'word-text@1.0.0' }, options: { force: false }, counts: { files: 3, failed: 1 } }),
    ]);
    store.close();
  });

  it('finds documents by source, file name part or sha256 prefix', () => {
    const store = newStore();
    const run = store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} });
    store.writeDocument(run, file, { document: sampleDocument() });
    store.writeDocument(run, { source: 'corpus/y.txt', sha256: 'cd'.repeat(32), bytes: 1 }, { document: sampleDocument() });
    expect(store.findDocuments('corpus/x.txt').map((d) => d.source)).toEqual(['corpus/x.txt']);
    expect(store.findDocuments('y.txt').map((d) => d.source)).toEqual(['corpus/y.txt']);
    expect(store.findDocuments('cdcd').map((d) => d.source)).toEqual(['corpus/y.txt']);
    expect(store.findDocuments('corpus/')).toHaveLength(2);
    store.close();
  });
});
