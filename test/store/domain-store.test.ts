import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACT_COLUMNS, openStore } from '../../src/store/index.js';
import { seedDocument } from '../domain/build-table.js';
import { sampleDocument } from '../support/sample-document.js';
import { tempDir } from '../support/corpus.js';
import { sqliteConnection } from '../../src/store/store.js';

const file = { source: 'corpus/000.txt', sha256: 'ab'.repeat(32), bytes: 1234 };
const newStore = () => openStore(path.join(tempDir(), 'g.sqlite'));

describe('the store with domain rows (migration 002)', () => {
  it('gives back exactly the enriched Document it stored: row 科目, amounts, indicators, checks and their places', () => {
    const store = newStore();
    const run = store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} });
    const doc = seedDocument('000_0018174054ff74da');
    const id = store.writeDocument(run, file, { document: doc });
    expect(store.readDocument(id)).toEqual(doc);
    store.close();
  });

  it('still gives back a Document that was stored without enrichment as it was, without domain fields', () => {
    const store = newStore();
    const id = store.writeDocument(store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} }), file, { document: sampleDocument() });
    const back = store.readDocument(id)!;
    expect(back).toEqual(sampleDocument());
    expect(back.checks).toBeUndefined();
    expect(store.summarizeChecks()).toEqual([{ documentId: id, source: file.source, status: 'ok', enriched: false, pass: 0, fail: 0 }]);
    store.close();
  });

  it('replaces the domain rows of a re-extracted document, in the same transaction', () => {
    const store = newStore();
    const run = store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} });
    const doc = seedDocument('000_0018174054ff74da');
    const id = store.writeDocument(run, file, { document: doc });
    const count = (t: string) => (sqliteConnection(store).prepare(`select count(*) n from ${t}`).get() as { n: number }).n;
    const before = ['amount', 'table_row', 'indicator_value', 'doc_check', 'doc_check_ref'].map(count);
    store.writeDocument(store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} }), { ...file, sha256: 'cd'.repeat(32) }, { document: doc });
    expect(['amount', 'table_row', 'indicator_value', 'doc_check', 'doc_check_ref'].map(count)).toEqual(before);
    store.writeDocument(run, { ...file, sha256: 'ef'.repeat(32) }, { failure: { format: null, error: 'empty file' } });
    expect(['amount', 'table_row', 'indicator_value', 'doc_check', 'doc_check_ref', 'doc_domain'].map(count)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(store.readDocument(id)).toBeNull();
    store.close();
  });

  it('has a fact view: one row per amount cell, with org, year, kind, 科目, column path, unit, yuan and the cell position', () => {
    const store = newStore();
    const doc = seedDocument('000_0018174054ff74da');
    const id = store.writeDocument(store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} }), file, { document: doc });
    const facts = [...store.facts()];
    expect(facts.length).toBe(doc.tables.reduce((n, t) => n + t.amounts!.length, 0));
    expect(Object.keys(facts[0]!)).toEqual([...FACT_COLUMNS]);
    const f = facts.find((x) => x.table_kind === 'budget_revenue_summary' && x.code === '2010301' && x.column_header === '合计')!;
    expect(f).toMatchObject({
      source: file.source,
      org_code: '434',
      org_name: '政府办',
      year: 2022,
      doc_kind: '预算',
      table_title: '部门预算收入总表',
      code_system: '功能分类',
      code_level: '项',
      parent_code: '20103',
      item: '行政运行',
      printed: '336.49',
      amount: 336.49,
      unit: '万元',
      amount_yuan: 3364900,
      document_id: id,
    });
    expect(f.line).toBe(JSON.parse(f.prov)[0].start.line);
    expect(facts.filter((x) => x.code_system === 'none').every((x) => x.code === null)).toBe(true);
    store.close();
  });

  it('keeps the checks with the cells and sentences they involve, queryable', () => {
    const store = newStore();
    const id = store.writeDocument(store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} }), file, { document: seedDocument('000_0018174054ff74da') });
    const [failed] = store.readChecks({ status: 'fail' });
    expect(failed).toMatchObject({ documentId: id, rule: 'prose', status: 'fail', expected: 433.22, actual: 433.32 });
    const refs = sqliteConnection(store).prepare("select role, line, text from doc_check_ref r join doc_check c using (document_id) where c.ord = r.check_ord and c.status = 'fail' and c.rule = 'prose' order by r.ord").all();
    expect(refs).toEqual([
      { role: 'prose', line: 1679, text: expect.stringContaining('人员经费433.32万元') },
      { role: 'cell', line: 1297, text: '433.22' },
    ]);
    store.close();
  });
});
