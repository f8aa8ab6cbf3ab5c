import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// the public API and nothing else of src/: what a program that uses gongkai as a library sees
import {
  checkReport,
  compareRuns,
  exportCsv,
  exportJson,
  LookupError,
  openDatabase,
  readDocument,
  runCorpus,
  search,
  writeExportJson,
  writeFacts,
  type Cell,
  type Store,
} from '../../src/index.js';
import { ALL_SEEDS, seedPath, tempDir } from '../support/corpus.js';

const SEED_000 = '000_0018174054ff74da';
const ROOT = path.resolve(__dirname, '../..');

/** The TypeScript example of docs/usage.md ("Use from code"), fenced as ```` ```ts api-example ````. */
function usageExample(): string {
  const blocks = [...fs.readFileSync(path.join(ROOT, 'docs', 'usage.md'), 'utf8').matchAll(/^```ts api-example\n([\s\S]*?)^```$/gm)];
  expect(blocks).toHaveLength(1);
  return blocks[0]![1]!;
}

describe('the public API (src/index.ts)', () => {
  const dir = tempDir();
  const corpus = path.join(dir, 'corpus');
  const db = path.join(dir, 'out', 'gongkai.sqlite');
  fs.mkdirSync(corpus);
  for (const seed of ALL_SEEDS) fs.copyFileSync(seedPath(seed), path.join(corpus, `${seed}.txt`));
  let store: Store | undefined;
  const opened = () => (store ??= openDatabase(db));

  afterAll(() => {
    store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the seeds into a new database and says what it did', { timeout: 120_000 }, async () => {
    const s = await runCorpus([corpus], { db, jobs: 0 });
    expect({ files: s.files, new: s.new, failed: s.failed, interrupted: s.interrupted }).toEqual({ files: 5, new: 5, failed: 0, interrupted: false });
    expect(s.tables).toBeGreaterThan(50);
  });

  it('refuses to open a database that is not there, and does not create it', () => {
    const missing = path.join(dir, 'nothing.sqlite');
    expect(() => openDatabase(missing)).toThrow(LookupError);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('reads a document by file name: seed 000, 政府办 2022, the 人员经费 of its 基本支出表 with its line', () => {
    const stored = readDocument(opened(), `${SEED_000}.txt`)!;
    expect(stored.source).toBe(path.join(corpus, `${SEED_000}.txt`));
    expect(stored.sha256).toBe('cf4ef0ed050055caba321d4eb04058d4a4d7c20eca82495c61710020497b0898');
    expect(readDocument(opened(), 'cf4ef0ed')?.id).toBe(stored.id);
    const doc = stored.document!;
    expect([doc.org.code, doc.org.name, doc.year]).toEqual(['434', '政府办', 2022]);
    const table = doc.tables.find((t) => t.title === '部门预算一般公共预算财政拨款基本支出表')!;
    expect(table.unit).toBe('万元');
    // L1294–1297 of seed 000: the 合计 row, 481.87 in all, 433.22 of it 人员经费
    const total = table.cells.find((c: Cell) => c.text === '合计' && c.row >= table.headerRows)!;
    const personnel = table.cells.find((c) => c.row === total.row && c.col === total.col + 2)!;
    expect(personnel.text).toBe('433.22');
    expect(personnel.prov[0]).toMatchObject({ kind: 'text', start: { line: 1297 } });
    expect(table.columns.find((c) => c.index === personnel.col)?.path).toEqual(['一般公共预算基本支出', '人员经费']);
    expect(readDocument(opened(), 'no-such-document')).toBeUndefined();
  });

  it('exports the JSON contract, in memory and to a file, the same', () => {
    const docs = exportJson(opened());
    expect(docs.map((d) => path.basename(d.source))).toEqual(ALL_SEEDS.map((s) => `${s}.txt`));
    const seed000 = docs[0]!;
    const table = seed000.tables.find((t) => t.title === '部门预算一般公共预算财政拨款基本支出表')!;
    expect(table.rows[0]).toEqual(['1', '', '合计', '481.87', '433.22', '48.65']);
    expect(table.source).toEqual({ page: null, line: 1270 });
    const file = path.join(dir, 'out', 'tables.json');
    expect(writeExportJson(opened(), file)).toBe(5);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(docs);
    const csv = exportCsv(opened(), path.join(dir, 'out', 'csv'));
    // one file per table, and the index beside them
    expect(csv.length).toBe(docs.reduce((n, d) => n + d.tables.length, 0));
    expect(fs.existsSync(path.join(dir, 'out', 'csv', 'tables.csv'))).toBe(true);
    const facts = path.join(dir, 'out', 'facts.jsonl');
    const n = writeFacts(opened(), facts, 'jsonl');
    const lines = fs.readFileSync(facts, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(n);
    expect(lines[0]).toMatchObject({ table_kind: 'budget_revenue_expenditure_summary', printed: '929.90', amount_yuan: 9299000 });
    expect(lines.filter((f) => f.line === 1297 && f.source.endsWith(`${SEED_000}.txt`))).toMatchObject([{ table_title: '部门预算一般公共预算财政拨款基本支出表', printed: '433.22', unit: '万元', amount_yuan: 4332200 }]);
  });

  it('gives the failed checks: seed 000 says 433.32万元 of 人员经费 where its table prints 433.22', () => {
    const report = checkReport(opened(), { doc: SEED_000 });
    expect(report.summaries).toHaveLength(1);
    const failed = report.checks.find((c) => c.rule === 'prose' && c.name === 'prose-amount')!;
    expect(failed).toMatchObject({ status: 'fail', severity: 'error', actual: 433.32, expected: 433.22 });
    expect(failed.refs.map((r) => [r.role, r.prov[0]?.kind === 'text' ? r.prov[0].start.line : null])).toEqual([
      ['prose', 1679],
      ['cell', 1297],
    ]);
    // seed 003 adds up: nothing failed, 15 passed
    expect(checkReport(opened(), { doc: '003_fc' }).checks).toEqual([]);
    expect(checkReport(opened(), { doc: '003_fc', all: true }).summaries[0]).toMatchObject({ pass: 15, fail: 0 });
    // seed 001's totals: 13 roundings (hints) and 3 disagreements (errors)
    expect(checkReport(opened(), { doc: '001_655c', severity: 'error' }).checks.map((c) => `${c.rule}/${c.name}`)).toEqual([
      'hierarchy/total-of-classes',
      'row-arithmetic/column-total',
      'cross-table/same-as-general-budget',
    ]);
    expect(() => checkReport(opened(), { doc: 'no-such-document' })).toThrow(LookupError);
  });

  it('searches titles, row labels and prose, each hit with its line', () => {
    const hits = search(opened(), '人员经费433.32');
    expect(hits.map((h) => [path.basename(h.source), h.kind, h.line])).toEqual([[`${SEED_000}.txt`, 'prose', 1679]]);
    expect(search(opened(), '基本支出表', { limit: 2 })).toHaveLength(2);
  });

  it('compares runs: unchanged files change nothing; an edited cell is found with both sides and their lines', { timeout: 120_000 }, async () => {
    const second = await runCorpus([corpus], { db, jobs: 0 });
    expect({ unchanged: second.unchanged, new: second.new, changed: second.changed }).toEqual({ unchanged: 5, new: 0, changed: 0 });
    expect(compareRuns(opened(), [1, second.runId])).toEqual({ from: 1, to: 2, changes: [] });
    // the 人员经费 of L1297 printed one cent more, as a corrected disclosure would
    const file = path.join(corpus, `${SEED_000}.txt`);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines[1296]).toBe('\t433.22');
    lines[1296] = '\t433.23';
    fs.writeFileSync(file, lines.join('\n'));
    const third = await runCorpus([corpus], { db, jobs: 0 });
    expect({ unchanged: third.unchanged, changed: third.changed }).toEqual({ unchanged: 4, changed: 1 });
    const c = compareRuns(opened());
    expect([c.from, c.to, c.changes.map((x) => path.basename(x.after!.source))]).toEqual([2, 3, [`${SEED_000}.txt`]]);
    const cells = c.changes[0]!.diff!.tables.flatMap((t) => t.cells.map((x) => [t.title, x.column, x.before, x.after, x.afterProv[0]?.kind === 'text' ? x.afterProv[0].start.line : null]));
    expect(cells).toEqual([['部门预算一般公共预算财政拨款基本支出表', '一般公共预算基本支出/人员经费', '433.22', '433.23', 1297]]);
    expect(() => compareRuns(opened(), [1, 9])).toThrow(LookupError);
  });
});

describe('the example of docs/usage.md, "Use from code"', () => {
  it('runs as written in a checkout of the seeds, and prints what the guide says', { timeout: 180_000 }, () => {
    const dir = tempDir();
    try {
      fs.mkdirSync(path.join(dir, 'corpus'));
      for (const seed of ALL_SEEDS) fs.copyFileSync(seedPath(seed), path.join(dir, 'corpus', `${seed}.txt`));
      // an ES module, as in the checkout (its package.json says "type": "module")
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
      // the one change: its import of the checkout's ./src/index.ts points at this checkout
      const code = usageExample();
      expect(code).toContain("from './src/index.ts'");
      fs.writeFileSync(path.join(dir, 'example.ts'), code.replace("from './src/index.ts'", `from ${JSON.stringify(path.join(ROOT, 'src', 'index.ts'))}`));
      const tsx = createRequire(__filename).resolve('tsx/cli');
      const r = spawnSync(process.execPath, [tsx, 'example.ts'], { cwd: dir, encoding: 'utf8' });
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^run 1: 5 files, 0 failed$/);
      expect(lines[1]).toBe('部门预算一般公共预算财政拨款基本支出表: 433.22 万元 (line 1297)');
      expect(lines).toContainEqual(expect.stringMatching(/^error prose\/prose-amount: 人员经费: the text says 433\.32万元, /));
      expect(lines[lines.length - 1]).toMatch(/^[1-9]\d* hits for 机关运行经费$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
