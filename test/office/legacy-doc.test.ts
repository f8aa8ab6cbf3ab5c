import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocx } from '../../extractors/docx/extract-docx.js';
import { convertDocToDocx, findSoffice } from '../../extractors/docx/legacy-doc.js';
import type { RawTableBlock } from '../../src/model/index.js';
import { extractDocument } from '../../src/pipeline/extract-document.js';
import { seedPath } from '../support/corpus.js';

const DOC = fs.readFileSync(path.join(__dirname, '../extractors/docx/fixtures/003_fc1028512c8b7c0f.doc'));

/** The real LibreOffice converting the committed .doc (made by LibreOffice from seed 003's .docx). */
describe('legacy .doc through the real soffice', () => {
  beforeAll(() => {
    // this suite exists to exercise LibreOffice: without it, it fails rather than passing vacuously
    if (findSoffice() === null) throw new Error('soffice is not on the PATH: apt-get install -y --no-install-recommends libreoffice-writer-nogui');
  });

  it('converts a legacy .doc to .docx and reads it with its merges', () => {
    const raw = extractDocx(convertDocToDocx(DOC), 'doc');
    expect(raw.format).toBe('doc');
    const tables = raw.blocks.filter((b): b is RawTableBlock => b.type === 'table');
    // LibreOffice's .doc joins each 绩效目标表's project-info table and indicator table into one
    // (the .docx has 30); the next test checks the export is still the seed's
    expect(tables.length).toBe(15);
    expect(tables.some((t) => t.rows.some((r) => r.cells.some((c) => (c.rowspan ?? 1) > 1)))).toBe(true);
  });

  it("exports the same tables as the seed's text version", () => {
    const doc = extractDocument(DOC);
    const text = extractDocument(fs.readFileSync(seedPath('003_fc1028512c8b7c0f')));
    if (!doc.ok || !text.ok) throw new Error('extraction failed');
    expect(doc.document.format).toBe('doc');
    const tables = (d: typeof doc.document) => d.tables.map((t) => ({ title: t.title, columns: t.columns.map((c) => c.path), n: t.nRows, cells: t.cells.filter((c) => !c.isHeader).map((c) => c.text) }));
    expect(tables(doc.document)).toEqual(tables(text.document));
    expect({ org: doc.document.org, year: doc.document.year }).toEqual({ org: text.document.org, year: text.document.year });
  });
});
