import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyRows } from '../../src/export/index.js';
import { extractDocumentAsync } from '../../src/pipeline/extract-document.js';

const CORPUS = path.join(import.meta.dirname, '../../corpus');

/**
 * The seeds printed to PDF by two producers, each from the hand-verified goldens: LibreOffice
 * (corpus/rendered/, scripts/render-corpus.ts) and headless Chromium (corpus/rendered-chromium/,
 * scripts/render-chromium.ts: Skia, Type 3 fonts, CJK glyphs mapped to radicals such as ⻔ ⽀,
 * rows split over pages). Each folder's format-differences.json (`pdf`) lists the tables that do
 * not export as the golden, each with the reason; every other table must be equal in title,
 * header paths and rows. A listed table that becomes equal fails the test, so the list stays
 * true; `equal` is the share measured when the list was written, a floor for both.
 */
const PRODUCERS = [
  { producer: 'LibreOffice', dir: 'rendered', equal: 95, of: 96 },
  { producer: 'Chromium', dir: 'rendered-chromium', equal: 95, of: 96 },
];

interface GoldTable {
  title: string | null;
  columns: string[][];
  rows: string[][];
}

const seeds = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -'.gold.json'.length)).sort();

describe.each(PRODUCERS)('format invariance: the seeds printed to .pdf by $producer export the tables of their text versions', ({ producer, dir, equal, of }) => {
  const known: Record<string, Record<string, string>> = JSON.parse(fs.readFileSync(path.join(CORPUS, dir, 'format-differences.json'), 'utf8')).pdf;
  const tally = { equal: 0, all: 0 };

  it.each(seeds)('%s', async (seed) => {
    const gold = JSON.parse(fs.readFileSync(path.join(CORPUS, `${seed}.gold.json`), 'utf8')) as { tables: GoldTable[] };
    const result = await extractDocumentAsync(new Uint8Array(fs.readFileSync(path.join(CORPUS, dir, `${seed}.pdf`))));
    if (!result.ok) throw new Error(result.error);
    const tables = result.document.tables.map((t) => ({
      title: t.title,
      columns: t.columns.map((c) => c.path),
      rows: bodyRows(t),
    }));
    // a lost title shows as that table differing; the tables themselves are all there, in order
    expect(tables).toHaveLength(gold.tables.length);
    const listed = known[seed] ?? {};
    const differing: string[] = [];
    gold.tables.forEach((g, i) => {
      const same = JSON.stringify(tables[i]) === JSON.stringify({ title: g.title, columns: g.columns, rows: g.rows });
      if (!same) differing.push(g.title ?? `#${i}`);
    });
    expect(differing.sort()).toEqual(Object.keys(listed).sort());
    tally.equal += gold.tables.length - differing.length;
    tally.all += gold.tables.length;
    // every cell, header cells included, has page + bbox provenance
    for (const t of result.document.tables) for (const c of t.cells) expect(c.prov[0]?.kind).toBe('pdf');
  });

  // runs after the seeds (tests of a file run in order), on what they counted
  it(`equal tables: at least ${equal} of ${of}`, () => {
    expect(tally.all, 'every seed compared').toBe(of);
    expect(tally.equal, `${producer}: equal tables`).toBeGreaterThanOrEqual(equal);
  });
});

describe('the Chromium print maps glyphs to radicals', () => {
  it('keeps them in raw and gives the unified ideographs in text (seed 004)', async () => {
    const result = await extractDocumentAsync(new Uint8Array(fs.readFileSync(path.join(CORPUS, 'rendered-chromium', '004_3c83e1ac369f3f17.pdf'))));
    if (!result.ok) throw new Error(result.error);
    const [t] = result.document.tables;
    expect(t!.title).toBe('部门职责-工作活动绩效目标');
    expect(t!.titleRaw).toContain('部⻔'); // U+2ED4 CJK RADICAL C-SIMPLIFIED GATE
    const radical = /[\u2e80-\u2fdf\u31c0-\u31ef]/u;
    const cells = result.document.tables.flatMap((x) => x.cells);
    expect(cells.filter((c) => radical.test(c.raw)).length).toBeGreaterThan(100);
    expect(cells.filter((c) => radical.test(c.text))).toEqual([]);
  });
});
