import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findSoffice } from '../../extractors/docx/legacy-doc.js';
import { exportJson } from '../../src/export/index.js';
import { detectFormat, extractDocument } from '../../src/pipeline/extract-document.js';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { openStore } from '../../src/store/index.js';
import { CORPUS, seedPath, tempDir } from '../support/corpus.js';

const FIXTURES = path.join(__dirname, '../extractors/docx/fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const DOC = '003_fc1028512c8b7c0f.doc';

/** Zip and OLE files that are not readable Word documents, in one batch with a good .docx. */
describe('bad containers in a batch', () => {
  it('each gets a clear per-document error, within bounded time, and the batch goes on', async () => {
    const dir = tempDir();
    for (const f of ['not-a-docx.zip', 'no-document.docx', 'encrypted.docx', 'zip-bomb.docx']) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
    fs.copyFileSync(path.join(CORPUS, 'rendered', '004_3c83e1ac369f3f17.docx'), path.join(dir, 'good.docx'));
    const db = path.join(tempDir(), 'gongkai.sqlite');
    const t0 = performance.now();
    const summary = await runCorpus([dir], { db });
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect({ files: summary.files, failed: summary.failed, new: summary.new }).toEqual({ files: 5, failed: 4, new: 1 });
    const store = openStore(db);
    const docs = exportJson(store);
    store.close();
    const outcome = Object.fromEntries(docs.map((d) => [path.basename(d.source), [d.status, d.format, d.error]]));
    expect(outcome).toEqual({
      'encrypted.docx': ['failed', null, 'password-protected (encrypted) Office document: it cannot be read without its password — save an unprotected copy as .docx'],
      'good.docx': ['ok', 'docx', null],
      'no-document.docx': ['failed', 'docx', 'broken .docx: the package has word/ parts but no main document part (word/document.xml)'],
      'not-a-docx.zip': ['failed', null, 'not a Word document: a zip archive that is not a Word document (2 entries, e.g. readme.txt, data/budget.csv)'],
      'zip-bomb.docx': ['failed', 'docx', 'unreadable .docx: word/document.xml declares 1073741824 bytes uncompressed, over the limit of 67108864 — refused as a possible zip bomb'],
    });
  }, 60_000);

  it('detects formats by content for --only-format', () => {
    expect(detectFormat(fs.readFileSync(path.join(CORPUS, 'rendered', '001_655c0751f88457f2.docx')))).toBe('docx');
    expect(detectFormat(fixture(DOC))).toBe('doc');
    expect(detectFormat(fixture('not-a-docx.zip'))).toBeNull();
    expect(detectFormat(fixture('encrypted.docx'))).toBeNull();
  });
});

describe('legacy .doc', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  it('fails with how to enable the conversion when soffice is not on the PATH', () => {
    process.env.PATH = '/nonexistent';
    const r = extractDocument(fixture(DOC));
    expect(r).toEqual({ ok: false, format: 'doc', error: expect.stringMatching(/^legacy Word \.doc file: converting it needs LibreOffice — install it/) });
  });

  // needs LibreOffice: runs where `soffice` is on the PATH (this machine), not in CI
  it.runIf(findSoffice() !== null)('[needs soffice] exports the same tables as the seed\'s text version after conversion', () => {
    const doc = extractDocument(fixture(DOC));
    const text = extractDocument(fs.readFileSync(seedPath('003_fc1028512c8b7c0f')));
    if (!doc.ok || !text.ok) throw new Error('extraction failed');
    expect(doc.document.format).toBe('doc');
    const tables = (d: typeof doc.document) => d.tables.map((t) => ({ title: t.title, columns: t.columns.map((c) => c.path), n: t.nRows, cells: t.cells.filter((c) => !c.isHeader).map((c) => c.text) }));
    expect(tables(doc.document)).toEqual(tables(text.document));
    expect({ org: doc.document.org, year: doc.document.year }).toEqual({ org: text.document.org, year: text.document.year });
  }, 120_000);
});
