import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factFormatOf, writeFacts } from '../../src/export/facts.js';
import { FACT_COLUMNS, openStore } from '../../src/store/index.js';
import { seedDocument } from '../domain/build-table.js';
import { ALL_SEEDS, tempDir } from '../support/corpus.js';

/** The five seeds stored, as a pipeline run would. */
function seedStore() {
  const store = openStore(path.join(tempDir(), 'g.sqlite'));
  const run = store.beginRun({ toolVersion: '0', extractorVersions: {}, options: {} });
  for (const seed of ALL_SEEDS) store.writeDocument(run, { source: `corpus/${seed}.txt`, sha256: seed.slice(4).padEnd(64, '0'), bytes: 1 }, { document: seedDocument(seed) });
  return store;
}

describe('export --format facts', () => {
  const store = seedStore();
  const dir = tempDir();

  it('writes CSV (header = the fact view columns) and JSON Lines, one row per amount cell', () => {
    const csv = path.join(dir, 'facts.csv');
    const jsonl = path.join(dir, 'facts.jsonl');
    expect(factFormatOf(csv)).toBe('csv');
    expect(factFormatOf(jsonl)).toBe('jsonl');
    const n = writeFacts(store, csv);
    expect(writeFacts(store, jsonl)).toBe(n);
    const lines = fs.readFileSync(csv, 'utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\ufeff' + FACT_COLUMNS.join(','));
    expect(lines.length).toBe(n + 1);
    const rows = fs.readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.length).toBe(n);
    expect(rows[0].prov[0].kind).toBe('text');
  });

  it('over the five seeds: every fact has org, year and table kind; amounts keep their printed digits', () => {
    const rows = fs.readFileSync(path.join(dir, 'facts.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(new Set(rows.map((r) => r.source)).size).toBe(5);
    for (const r of rows) {
      expect(r.org_code, JSON.stringify(r)).toBeTruthy();
      expect(r.year).toBeGreaterThan(2000);
      expect(r.table_kind).toBeTruthy();
      expect(Number(r.printed.replace(/[,，]/g, ''))).toBe(r.amount);
    }
    const econ = rows.find((r) => r.code === '30201' && r.source.includes('000_') && r.column_header === '一般公共预算基本支出/合计');
    expect(econ).toMatchObject({ code_system: '经济分类', code_level: '款', parent_code: '302', item: '办公费', printed: '8.25', amount_yuan: 82500 });
  });
});
