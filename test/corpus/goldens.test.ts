import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportJson } from '../../src/export/index.js';
import type { ExportDocument } from '../../src/model/index.js';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { openStore } from '../../src/store/index.js';
import { ALL_SEEDS, KNOWN_GOLDEN_DIFFERENCES, readGold, seedPath, tempDir } from '../support/corpus.js';
import { scoreDocs } from '../support/score.mjs';

/**
 * The seeds through the real pipeline (extract → SQLite → JSON export), compared with the
 * hand-verified goldens beside them: with the shared scorer, and table by table exactly.
 */
let exported: ExportDocument[];

beforeAll(async () => {
  const db = path.join(tempDir(), 'gongkai.sqlite');
  await runCorpus(ALL_SEEDS.map(seedPath), { db });
  const store = openStore(db);
  exported = exportJson(store);
  store.close();
});

const exportOf = (seed: string) => exported.find((d) => path.basename(d.source) === `${seed}.txt`)!;

describe.each(ALL_SEEDS)('seed %s', (seed) => {
  it('scores 1.000 on facts, tables and cells with the shared scorer', () => {
    const { overall, documents } = scoreDocs([readGold(seed)], [exportOf(seed)]);
    expect(documents[0]!.missedTables).toEqual([]);
    expect(documents[0]!.extraTables).toEqual([]);
    expect(documents[0]!.factErrors).toEqual([]);
    expect(overall.table_recall).toBe(1);
    expect(overall.table_precision).toBe(1);
    expect(overall.fact_f1).toBe(1);
    expect(overall.cell_recall).toBe(1);
    expect(overall.cell_precision).toBe(1);
    expect(overall.meta_accuracy).toBe(1);
  });

  it('matches the golden exactly: metadata, titles, units, header paths and every row', () => {
    const gold = readGold(seed);
    const doc = exportOf(seed);
    expect(doc.status).toBe('ok');
    expect(doc.format).toBe(gold.format);
    expect(doc.sha256).toBe(gold.sha256);
    expect(doc.org).toEqual(gold.org);
    expect(doc.year).toBe(gold.year);
    expect(doc.tables.map((t) => t.title)).toEqual(gold.tables.map((t) => t.title));
    gold.tables.forEach((g, i) => {
      const t = doc.tables[i]!;
      expect({ title: t.title, kind: t.kind, unit: t.unit, line: t.source.line }).toEqual({ title: g.title, kind: g.kind, unit: g.unit, line: g.source.line });
      const columns = g.columns.map((c, k) => KNOWN_GOLDEN_DIFFERENCES[seed]?.find((d) => d.table === g.title && d.column === k)?.exported ?? c);
      expect(t.columns, `${g.title} columns`).toEqual(columns);
      expect(t.rows, `${g.title} rows`).toEqual(g.rows);
    });
  });
});
