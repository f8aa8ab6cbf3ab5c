import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportJson } from '../../src/export/index.js';
import { detectFormat } from '../../extractors/index.js';
import { extractDocument, extractDocumentAsync } from '../../src/pipeline/extract-document.js';
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
    const summary = await runCorpus([dir], { db });
    expect({ files: summary.files, failed: summary.failed, new: summary.new }).toEqual({ files: 5, failed: 4, new: 1 });
    const store = openStore(db);
    const docs = exportJson(store);
    store.close();
    const outcome = Object.fromEntries(docs.map((d) => [path.basename(d.source), [d.status, d.format, d.error]]));
    expect(outcome).toEqual({
      'encrypted.docx': ['failed', null, 'encrypted Office document (a password-protected .xlsx or .docx) — it opens only with its password: give it with --password, or save an unprotected copy'],
      'good.docx': ['ok', 'docx', null],
      'no-document.docx': ['failed', 'docx', 'broken .docx: the package has word/ parts but no main document part (word/document.xml)'],
      'not-a-docx.zip': ['failed', null, 'not a Word document: a zip archive that is not a Word document (2 entries, e.g. readme.txt, data/budget.csv)'],
      'zip-bomb.docx': ['failed', 'docx', 'unreadable .docx: word/document.xml declares 1073741824 bytes uncompressed, over the limit of 67108864 — refused as a possible zip bomb'],
    });
  }, 60_000);

  it('opens the password-protected .docx with --password as the .docx it holds', async () => {
    const opened = await extractDocumentAsync(fixture('encrypted.docx'), { password: 'gongkai' });
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.document.format).toBe('docx');
    // it was made by encrypting seed 004's .docx (scripts/render-corpus.ts)
    const plain = extractDocument(fs.readFileSync(path.join(CORPUS, 'rendered', '004_3c83e1ac369f3f17.docx')));
    if (!plain.ok) throw new Error(plain.error);
    expect(opened.document.tables).toEqual(plain.document.tables);
    expect(await extractDocumentAsync(fixture('encrypted.docx'), { password: 'nope' })).toEqual({ ok: false, format: null, error: 'encrypted Office document (a password-protected .xlsx or .docx) — the password given does not open it' });
  });

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

  /**
   * A stand-in `soffice` first on the PATH: a shell script that logs its arguments and does what
   * STAND_IN says. The real LibreOffice run is test/office/ (`npm run test:office`); these check
   * gongkai's side of the conversion everywhere, CI included.
   */
  function standIn(behaviour: 'convert' | 'fail' | 'nothing'): { log: string } {
    const bin = tempDir();
    const log = path.join(bin, 'args.log');
    const docx = path.join(CORPUS, 'rendered', '003_fc1028512c8b7c0f.docx');
    fs.writeFileSync(
      path.join(bin, 'soffice'),
      [
        '#!/bin/sh',
        `printf '%s\\n' "$@" > '${log}'`,
        'outdir=""; prev=""; for a in "$@"; do [ "$prev" = "--outdir" ] && outdir="$a"; prev="$a"; done',
        behaviour === 'convert' ? `cp '${docx}' "$outdir/input.docx"` : behaviour === 'fail' ? 'echo "Error: source file could not be loaded" >&2; exit 1' : 'exit 0',
      ].join('\n') + '\n',
      { mode: 0o755 },
    );
    process.env.PATH = `${bin}${path.delimiter}${savedPath}`;
    return { log };
  }

  it('converts in a temporary folder with its own LibreOffice profile, reads the .docx made, and cleans up', () => {
    const { log } = standIn('convert');
    const r = extractDocument(fixture(DOC));
    const text = extractDocument(fs.readFileSync(seedPath('003_fc1028512c8b7c0f')));
    if (!r.ok || !text.ok) throw new Error(r.ok ? 'text failed' : r.error);
    expect(r.document.format).toBe('doc');
    expect(r.document.tables.map((t) => t.title)).toEqual(text.document.tables.map((t) => t.title));
    const args = fs.readFileSync(log, 'utf8').trim().split('\n');
    const outdir = args[args.indexOf('--outdir') + 1]!;
    expect(args).toEqual([`-env:UserInstallation=file://${outdir}/profile`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outdir, path.join(outdir, 'input.doc')]);
    expect(fs.existsSync(outdir)).toBe(false);
  });

  it('fails the document with LibreOffice\'s complaint when the conversion fails', () => {
    standIn('fail');
    const r = extractDocument(fixture(DOC));
    expect(r).toEqual({ ok: false, format: 'doc', error: expect.stringMatching(/^legacy Word \.doc file: LibreOffice could not convert it \(Command failed: .*soffice/) });
  });

  it('fails the document when LibreOffice exits without writing a .docx', () => {
    standIn('nothing');
    const r = extractDocument(fixture(DOC));
    expect(r).toEqual({ ok: false, format: 'doc', error: 'legacy Word .doc file: LibreOffice produced no .docx (a damaged or password-protected .doc?)' });
  });

});
