import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as XLSXTypes from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportJson } from '../../src/export/index.js';
import type { ExportDocument } from '../../src/model/index.js';
import { extractDocument } from '../../src/pipeline/extract-document.js';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { openStore } from '../../src/store/index.js';
import { ALL_SEEDS, CORPUS, readGold, seedPath, tempDir } from '../support/corpus.js';
import { comparable, expectedFromText } from '../support/format-invariance.js';
import { scoreDocs } from '../support/score.mjs';

const XLSX = createRequire(import.meta.url)('@e965/xlsx') as typeof XLSXTypes;

/**
 * Format invariance for workbooks: each seed's golden tables, rendered by LibreOffice Calc from
 * the HTML the .docx/.pdf renderings use and saved as .xlsx and .xls (scripts/render-workbooks.ts;
 * Calc puts a page's title lines and tables one below the other on one sheet), export through the
 * real pipeline exactly as the seed's text version does — apart from source, sha256, format and
 * provenance, and the difference listed in corpus/rendered/format-differences.json (the rendered
 * files hold the golden's full header where the PDF-to-text seed printed a cut one).
 */
const RENDERED = path.join(CORPUS, 'rendered');
const FORMATS = ['xlsx', 'xls'] as const;
const bookPath = (seed: string, ext: string) => path.join(RENDERED, `${seed}.${ext}`);

let exported: ExportDocument[];
beforeAll(async () => {
  const db = path.join(tempDir(), 'gongkai.sqlite');
  await runCorpus([...ALL_SEEDS.map(seedPath), ...ALL_SEEDS.flatMap((s) => FORMATS.map((f) => bookPath(s, f)))], { db });
  const store = openStore(db);
  exported = exportJson(store);
  store.close();
}, 120_000);

const byFile = (file: string) => exported.find((d) => path.basename(d.source) === path.basename(file))!;

describe.each(ALL_SEEDS.flatMap((s) => FORMATS.map((f) => [s, f] as const)))('seed %s as .%s', (seed, ext) => {
  it('exports the same document as its text version', () => {
    const book = byFile(bookPath(seed, ext));
    const text = byFile(seedPath(seed));
    expect(book.status).toBe('ok');
    expect(book.error).toBeNull();
    expect(book.format).toBe(ext);
    expect({ org: book.org, year: book.year, docKind: book.docKind }).toEqual({ org: text.org, year: text.year, docKind: text.docKind });
    expect(book.tables.map((t) => t.title)).toEqual(text.tables.map((t) => t.title));
    text.tables.forEach((tt, i) => {
      expect(comparable(book.tables[i]!), `${tt.title}`).toEqual(expectedFromText(seed, tt));
      expect(book.tables[i]!.source).toEqual({ page: null, line: null });
    });
  });

  it('reproduces the hand-verified golden it was rendered from, scored 1.000', () => {
    const book = byFile(bookPath(seed, ext));
    const gold = readGold(seed);
    expect(book.tables.map(comparable)).toEqual(gold.tables.map(comparable));
    const { overall } = scoreDocs([{ ...gold, source: book.source, sha256: book.sha256 }], [book]);
    expect([overall.table_recall, overall.table_precision, overall.fact_f1, overall.cell_recall, overall.cell_precision, overall.meta_accuracy]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('gives every cell, header cells included, the sheet cell that displays its text', () => {
    const bytes = fs.readFileSync(bookPath(seed, ext));
    const result = extractDocument(bytes);
    if (!result.ok) throw new Error(result.error);
    // read back with SheetJS directly: the displayed text of the cell each provenance names
    const wb = XLSX.read(bytes, { type: 'buffer', cellNF: true });
    let cells = 0;
    for (const table of result.document.tables) {
      for (const cell of table.cells) {
        expect(cell.prov).toHaveLength(1);
        const p = cell.prov[0]!;
        if (p.kind !== 'sheet') throw new Error(`not a sheet provenance: ${p.kind}`);
        const shown = wb.Sheets[p.sheet]![p.cell];
        expect(shown?.v === undefined ? '' : (shown.w ?? String(shown.v)), `${p.sheet}!${p.cell}`).toBe(cell.raw);
        if (cell.rowspan > 1 || cell.colspan > 1) expect(p.range, `${p.sheet}!${p.cell} is merged`).toMatch(new RegExp(`^${p.cell}:`));
        cells++;
      }
    }
    expect(cells).toBeGreaterThan(50);
  });
});
