import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocumentAsync } from '../../src/pipeline/extract-document.js';

const CORPUS = path.join(import.meta.dirname, '../../corpus');

/**
 * Tables of the seeds' PDF renderings (corpus/rendered/*.pdf, LibreOffice) that do not yet
 * export as their text version's golden table, each with the reason. Every other table must
 * be equal in title, header paths and rows; a table listed here that becomes equal fails the
 * test, so the list stays true.
 */
const KNOWN: Record<string, Record<string, string>> = {
  '000_0018174054ff74da': {
    部门政府采购预算: 'a cell\'s second line "(2022年)" lands in a row of its own (not yet understood)',
  },
  '002_c52ee38ce6c6c3d2': {
    办公楼修缮工程费绩效目标表: 'a row cut by a page break: its rest on the next page is not rejoined for compact tables',
    '车辆平台专项经费（司机劳务费）绩效目标表': 'a row cut by a page break: its rest on the next page is not rejoined for compact tables',
    会议服务费绩效目标表: 'a row cut by a page break: its rest on the next page is not rejoined for compact tables',
    专项办公费绩效目标表: 'a row cut by a page break (绩效目 / 标): not rejoined for compact tables',
    部门政府采购预算: 'a cell\'s second line lands in a row of its own (not yet understood)',
  },
  '003_fc1028512c8b7c0f': {
    暑办工作经费绩效目标表: 'a row cut by a page break (满意度指 / 标, ≥95 / %): not rejoined for compact tables',
  },
  '004_3c83e1ac369f3f17': {
    '部门职责-工作活动绩效目标': 'rows cut by page breaks in a very long table are not rejoined for compact tables',
  },
};

interface GoldTable {
  title: string | null;
  columns: string[][];
  rows: string[][];
}

const seeds = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -'.gold.json'.length)).sort();

describe('format invariance: the seeds rendered to .pdf export the tables of their text versions', () => {
  it.each(seeds)('%s', async (seed) => {
    const gold = JSON.parse(fs.readFileSync(path.join(CORPUS, `${seed}.gold.json`), 'utf8')) as { tables: GoldTable[] };
    const result = await extractDocumentAsync(new Uint8Array(fs.readFileSync(path.join(CORPUS, 'rendered', `${seed}.pdf`))));
    if (!result.ok) throw new Error(result.error);
    const tables = result.document.tables.map((t) => ({
      title: t.title,
      columns: t.columns.map((c) => c.path),
      rows: Array.from({ length: t.nRows }, (_, r) => t.cells.filter((c) => c.row === t.headerRows + r).sort((a, b) => a.col - b.col).map((c) => c.text)),
    }));
    expect(tables.map((t) => t.title)).toEqual(gold.tables.map((t) => t.title));
    const known = KNOWN[seed] ?? {};
    const differing: string[] = [];
    gold.tables.forEach((g, i) => {
      const same = JSON.stringify(tables[i]) === JSON.stringify({ title: g.title, columns: g.columns, rows: g.rows });
      if (!same) differing.push(g.title ?? `#${i}`);
      else expect(known[g.title ?? '']).toBeUndefined();
    });
    expect(differing.sort()).toEqual(Object.keys(known).sort());
    // every cell, header cells included, has page + bbox provenance
    for (const t of result.document.tables) for (const c of t.cells) expect(c.prov[0]?.kind).toBe('pdf');
  });
});
