import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PART_BYTES } from '../../extractors/docx/read-package.js';
import { readZipDirectory, readZipEntry } from '../../extractors/zip/read-zip.js';
import { writeZip } from '../../scripts/lib/write-zip.js';
import { exportJson, toExportTable } from '../../src/export/index.js';
import type { ExportDocument } from '../../src/model/index.js';
import { extractDocument } from '../../src/pipeline/extract-document.js';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { openStore } from '../../src/store/index.js';
import { ALL_SEEDS, CORPUS, readGold, seedPath, tempDir } from '../support/corpus.js';
import { comparable, expectedFromText, FORMAT_DIFFERENCES } from '../support/format-invariance.js';
import { scoreDocs } from '../support/score.mjs';

/**
 * Format invariance: each seed's golden tables, rendered to a real .docx by LibreOffice
 * (scripts/render-corpus.ts), export through the real pipeline exactly as the seed's text
 * version does — apart from source, sha256, format and provenance, and the differences listed
 * with their reasons in corpus/rendered/format-differences.json.
 */
const RENDERED = path.join(CORPUS, 'rendered');
const docxPath = (seed: string) => path.join(RENDERED, `${seed}.docx`);
const BOOKMARKED = path.join(RENDERED, '000_0018174054ff74da.bookmarks.docx');


let exported: ExportDocument[];
beforeAll(async () => {
  const db = path.join(tempDir(), 'gongkai.sqlite');
  await runCorpus([...ALL_SEEDS.map(seedPath), ...ALL_SEEDS.map(docxPath), BOOKMARKED], { db });
  const store = openStore(db);
  exported = exportJson(store);
  store.close();
}, 120_000);

const byFile = (file: string) => exported.find((d) => path.basename(d.source) === path.basename(file))!;

describe.each(ALL_SEEDS)('seed %s as .docx', (seed) => {
  it('exports the same document as its text version', () => {
    const docx = byFile(docxPath(seed));
    const text = byFile(seedPath(seed));
    expect(docx.status).toBe('ok');
    expect(docx.error).toBeNull();
    expect(docx.format).toBe('docx');
    expect({ org: docx.org, year: docx.year, docKind: docx.docKind }).toEqual({ org: text.org, year: text.year, docKind: text.docKind });
    expect(docx.tables.map((t) => t.title)).toEqual(text.tables.map((t) => t.title));
    text.tables.forEach((tt, i) => {
      expect(comparable(docx.tables[i]!), `${tt.title}`).toEqual(expectedFromText(seed, tt));
      expect(docx.tables[i]!.source).toEqual({ page: null, line: null });
    });
  });

  it('reproduces the hand-verified golden it was rendered from: every table, header path and row, scored 1.000', () => {
    const docx = byFile(docxPath(seed));
    const gold = readGold(seed);
    expect(docx.tables.map(comparable)).toEqual(gold.tables.map(comparable));
    const { overall } = scoreDocs([{ ...gold, source: docx.source, sha256: docx.sha256 }], [docx]);
    expect([overall.table_recall, overall.table_precision, overall.fact_f1, overall.cell_recall, overall.cell_precision, overall.meta_accuracy]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('gives the same header split from the structural rules alone when no row is marked w:tblHeader', () => {
    const bytes = fs.readFileSync(docxPath(seed));
    const entries = readZipDirectory(bytes);
    const xml = readZipEntry(bytes, entries.get('word/document.xml')!, MAX_PART_BYTES).toString('utf8');
    expect(xml).toMatch(/<w:tblHeader/);
    const unmarked = writeZip(
      [...entries.keys()].map((name) => ({
        name,
        data: name === 'word/document.xml' ? Buffer.from(xml.replace(/<w:tblHeader[^>]*\/>/g, ''), 'utf8') : readZipEntry(bytes, entries.get(name)!, MAX_PART_BYTES),
      })),
    );
    const a = extractDocument(bytes);
    const b = extractDocument(unmarked);
    if (!a.ok || !b.ok) throw new Error('extraction failed');
    expect(b.document.tables.map(toExportTable)).toEqual(a.document.tables.map(toExportTable));
  });
});

describe('the .docx with bookmarks inside its tables, TC fields and a PAGEREF table of contents', () => {
  it('exports exactly what the plain .docx exports', () => {
    const marked = byFile(BOOKMARKED);
    const plain = byFile(docxPath('000_0018174054ff74da'));
    expect(marked.status).toBe('ok');
    expect({ ...marked, source: '', sha256: '' }).toEqual({ ...plain, source: '', sha256: '' });
  });
});

describe('the difference list', () => {
  it('names only real differences, each with a reason', () => {
    for (const [seed, list] of Object.entries(FORMAT_DIFFERENCES)) {
      expect(ALL_SEEDS).toContain(seed);
      for (const d of list) {
        expect(d.reason.length).toBeGreaterThan(40);
        expect(d.docx).not.toEqual(d.text);
        const t = byFile(docxPath(seed)).tables.find((x) => x.title === d.table)!;
        expect(t.columns[d.index]).toEqual(d.docx);
      }
    }
  });
});
