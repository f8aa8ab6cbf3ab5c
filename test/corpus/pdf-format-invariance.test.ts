import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyRows } from '../../src/export/index.js';
import { extractDocumentAsync } from '../../src/pipeline/extract-document.js';

const CORPUS = path.join(import.meta.dirname, '../../corpus');

/**
 * Tables of the seeds' PDF renderings (corpus/rendered/*.pdf, LibreOffice) that do not export as
 * their text version's golden table, each with the reason (corpus/rendered/format-differences.json,
 * `pdf`). Every other table must be equal in title, header paths and rows; a table listed there
 * that becomes equal fails the test, so the list stays true.
 */
const KNOWN: Record<string, Record<string, string>> = JSON.parse(fs.readFileSync(path.join(CORPUS, 'rendered', 'format-differences.json'), 'utf8')).pdf;

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
      rows: bodyRows(t),
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
