import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Check, Fact } from '../../src/model/index.js';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { openStore } from '../../src/store/index.js';
import { CORPUS, seedPath, tempDir, WORD_TEXT_SEEDS } from '../support/corpus.js';
import { sqliteConnection } from '../../src/store/store.js';

/**
 * Facts and checks on workbooks: each Word-export seed and its .xlsx and .xls renderings
 * (corpus/rendered/, the files spreadsheet-invariance.test.ts shows export the same tables),
 * run through runCorpus — what `gongkai run` calls — into one store, give the same facts and
 * the same table checks, apart from where they were found (source, sha256, line, page,
 * provenance). Rows are compared as body rows: the renderings were made from the goldens,
 * which have no 栏次 row, so a table's header there is one row shorter than in the text.
 * Prose checks are not compared: a rendering holds the seed's opening lines and its tables,
 * not the 说明 prose whose amounts those checks compare (the text side has them, the
 * renderings none — asserted below). Seed 002 is left out: its workbooks hold the full 三公
 * header its text cut (corpus/rendered/format-differences.json), so one column's facts are
 * named otherwise.
 */
const FORMATS = ['xlsx', 'xls'] as const;
const bookPath = (seed: string, ext: string) => path.join(CORPUS, 'rendered', `${seed}.${ext}`);

/** Header rows of each table of a document, by table order. */
type HeaderRows = Map<number, number>;
/** A fact without where it was found, its row counted in the body. */
const factContent = ({ source, sha256, line, page, prov, document_id, row, ...rest }: Fact, header: HeaderRows) => ({ ...rest, bodyRow: row - header.get(rest.table_ord)! });
/** A check without where its cells were found, rows counted in the body. */
const checkContent = (c: Check, header: HeaderRows) => ({
  rule: c.rule, name: c.name, status: c.status, message: c.message, expected: c.expected, actual: c.actual, difference: c.difference, unit: c.unit,
  refs: c.refs.map(({ prov, row, ...r }) => ({ ...r, bodyRow: row === null || r.tableOrder === null ? null : row - header.get(r.tableOrder)! })),
});
/** Checks that read the prose or its wording: the workbooks hold none of it. */
const isProseCheck = (c: Check) => c.refs.some((r) => r.role === 'prose' || (r.role === 'text' && r.blockOrder !== null));
/** Completeness reads the notes under empty tables, which are prose too: left out of the comparison. */
const isTableCheck = (c: Check) => !isProseCheck(c) && c.rule !== 'completeness';

let facts: Map<string, ReturnType<typeof factContent>[]>;
let checks: Map<string, ReturnType<typeof checkContent>[]>;
let proseChecks: Map<string, number>;
beforeAll(async () => {
  const db = path.join(tempDir(), 'gongkai.sqlite');
  const files = WORD_TEXT_SEEDS.flatMap((s) => [seedPath(s), ...FORMATS.map((f) => bookPath(s, f))]);
  const summary = await runCorpus(files, { db });
  expect(summary.failed).toBe(0);
  const store = openStore(db);
  facts = new Map();
  checks = new Map();
  proseChecks = new Map();
  const headerRows = sqliteConnection(store).prepare('select ord, header_rows from doc_table where document_id = ?');
  for (const doc of store.listDocuments()) {
    const name = path.basename(doc.source);
    const header: HeaderRows = new Map((headerRows.all(doc.id) as { ord: number; header_rows: number }[]).map((t) => [t.ord, t.header_rows]));
    facts.set(name, [...store.facts({ documentId: doc.id })].map((f) => factContent(f, header)));
    const all = store.readChecks({ documentIds: [doc.id] });
    checks.set(name, all.filter(isTableCheck).map((c) => checkContent(c, header)));
    proseChecks.set(name, all.filter(isProseCheck).length);
  }
  store.close();
}, 180_000);

describe.each(WORD_TEXT_SEEDS.flatMap((s) => FORMATS.map((f) => [s, f] as const)))('seed %s as .%s', (seed, ext) => {
  it('gives the facts of its text version', () => {
    const text = facts.get(`${seed}.txt`)!;
    expect(text.length).toBeGreaterThan(40);
    expect(facts.get(`${seed}.${ext}`)).toEqual(text);
  });

  it('gives the table checks of its text version, passed and failed alike', () => {
    const text = checks.get(`${seed}.txt`)!;
    expect(text.length).toBeGreaterThan(5);
    expect(checks.get(`${seed}.${ext}`)).toEqual(text);
  });

  it('has no prose checks: the rendering does not hold the prose they read', () => {
    expect(proseChecks.get(`${seed}.${ext}`)).toBe(0);
  });
});
