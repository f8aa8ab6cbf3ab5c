import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import mammoth from 'mammoth';
import officeCrypto from 'officecrypto-tool';
import { describe, expect, it, vi } from 'vitest';
import { DocxError, extractDocx } from '../../../extractors/docx/extract-docx.js';
import { classifyOle, convertDocToDocx, findSoffice } from '../../../extractors/docx/legacy-doc.js';
import { classifyPackage, MAX_PART_BYTES } from '../../../extractors/docx/read-package.js';
import { readZipDirectory, readZipEntry } from '../../../extractors/zip/read-zip.js';
import type { RawTableBlock, RawTextBlock } from '../../../src/model/index.js';
import { writeZip } from '../../../scripts/lib/write-zip.js';
import { CORPUS } from '../../support/corpus.js';

const FIXTURES = path.join(__dirname, 'fixtures');
const RENDERED = path.join(CORPUS, 'rendered');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const rendered = (name: string) => fs.readFileSync(path.join(RENDERED, name));

/** Every cell of every table with its place and spans, and each row's covered places. */
function merges(bytes: Uint8Array): string[][] {
  return extractDocx(bytes)
    .blocks.filter((b): b is RawTableBlock => b.type === 'table')
    .map((t) => t.rows.flatMap((r) => [...r.cells.map((c) => `${c.raw}@${c.col}/${c.rowspan}x${c.colspan}${c.isHeader ? 'H' : ''}`), ...(r.covered ?? []).map((v) => `^${v.col}`)]));
}

describe('a bookmark directly inside w:tbl between rows (corpus/rendered/000_….bookmarks.docx)', () => {
  const plain = rendered('000_0018174054ff74da.docx');
  const marked = rendered('000_0018174054ff74da.bookmarks.docx');

  it('is really there: every table of the fixture with two rows or more has a bookmark between its rows', () => {
    const entries = readZipDirectory(marked);
    const xml = readZipEntry(marked, entries.get('word/document.xml')!, MAX_PART_BYTES).toString('utf8');
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!.filter((t) => (t.match(/<w:tr[ >]/g) ?? []).length >= 2);
    expect(tables.length).toBe(28); // the other 16 are the one-row 绩效目标 tables
    for (const t of tables) expect(t).toMatch(/<\/w:tr><w:bookmarkStart [^>]*\/><w:tr[ >]/);
  });

  it('loses every rowspan in mammoth 1.13 (why gongkai reads the XML itself)', { timeout: 60_000 }, async () => {
    const before = await mammoth.convertToHtml({ buffer: Buffer.from(plain) });
    const after = await mammoth.convertToHtml({ buffer: Buffer.from(marked) });
    expect((before.value.match(/rowspan/g) ?? []).length).toBeGreaterThan(50);
    expect((after.value.match(/rowspan/g) ?? []).length).toBe(0);
    expect(after.messages.map((m) => m.message)).toContain('unexpected non-row element in table, cell merging may be incorrect');
  });

  it('keeps every merge, header row and cell with the docx extractor: the same grid as without the bookmarks', () => {
    const a = merges(plain);
    const b = merges(marked);
    expect(b).toEqual(a);
    const all = b.flat();
    expect(all.filter((c) => /\/[2-9]\d*x/.test(c)).length).toBeGreaterThan(50); // cells with rowspan > 1
    expect(all.filter((c) => /x[2-9]\d*H?$/.test(c)).length).toBeGreaterThan(10); // cells with colspan > 1
    expect(all.filter((c) => c.endsWith('H')).length).toBeGreaterThan(100);
  });

  it('reads the TC fields, _Toc bookmarks and the PAGEREF table of contents as markup, never as text', () => {
    const raw = extractDocx(marked);
    const text = raw.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.raw)) : [b.raw]));
    for (const t of text) expect(t).not.toMatch(/TC |PAGEREF|\\f C|_Toc|_GoBack|_Hlk|bookmark/);
    const toc = raw.blocks.filter((b): b is RawTextBlock => b.type === 'toc');
    expect(toc.length).toBe(28);
    expect(toc[0]!.raw).toMatch(/^1、部门预算收支总表\t\d+$/);
    const headings = raw.blocks.filter((b): b is RawTextBlock => b.type === 'heading').map((b) => b.raw);
    expect(headings).toContain('1、部门预算收支总表');
  });
});

describe('packages that are not readable Word documents', () => {
  it('names a zip that is not a docx, and a docx without its main part', () => {
    expect(classifyPackage(fixture('not-a-docx.zip'))).toEqual({ kind: 'other', what: 'a zip archive that is not a Word document (2 entries, e.g. readme.txt, data/budget.csv)' });
    expect(classifyPackage(fixture('no-document.docx'))).toEqual({ kind: 'docx-without-main' });
    expect(() => extractDocx(fixture('no-document.docx'))).toThrow(new DocxError('broken .docx: the package has word/ parts but no main document part (word/document.xml)'));
    expect(classifyPackage(rendered('001_655c0751f88457f2.docx'))).toEqual({ kind: 'docx', main: 'word/document.xml' });
  });

  it('follows _rels/.rels to a main part that is not word/document.xml', () => {
    const src = rendered('004_3c83e1ac369f3f17.docx');
    const entries = readZipDirectory(src);
    const part = (n: string) => readZipEntry(src, entries.get(n)!, MAX_PART_BYTES);
    const moved = writeZip(
      [...entries.keys()].map((n) => ({
        name: n === 'word/document.xml' ? 'word/main.xml' : n,
        data: n === '_rels/.rels' ? Buffer.from(part(n).toString('utf8').replace('word/document.xml', 'word/main.xml')) : part(n),
      })),
    );
    expect(classifyPackage(moved)).toEqual({ kind: 'docx', main: 'word/main.xml' });
    expect(merges(moved)).toEqual(merges(src));
  });

  it('refuses the zip bomb by its declared size, and by inflating no further than the limit when the size lies', () => {
    const bomb = fixture('zip-bomb.docx');
    // refused from the zip directory: nothing near its size is ever inflated
    const inflate = vi.spyOn(zlib, 'inflateRawSync');
    expect(() => extractDocx(bomb)).toThrow(/word\/document\.xml declares 1073741824 bytes uncompressed, over the limit of 67108864 — refused as a possible zip bomb/);
    expect(inflate).toHaveBeenCalled(); // the small parts (rels, content types) are read
    expect(Math.max(0, ...inflate.mock.results.map((r) => (r.value as Buffer).length))).toBeLessThan(64 * 1024);
    inflate.mockRestore();
    // the same archive, claiming its document.xml is 2 kB: caught while inflating, at the limit
    const lying = Buffer.from(bomb);
    const e = readZipDirectory(lying).get('word/document.xml')!;
    const dir = lying.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'));
    expect(lying.readUInt32LE(dir + 24)).toBe(e.uncompressedSize);
    lying.writeUInt32LE(2048, dir + 24);
    const rss = process.memoryUsage().rss;
    expect(() => extractDocx(lying)).toThrow(/word\/document\.xml inflates to more than 67108864 bytes \(it declares 2048\) — refused as a possible zip bomb/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(512 * 1024 * 1024);
  });
});

describe('OLE containers', () => {
  it('tells a password-protected docx (a real one: it opens with its password) from a legacy .doc', async () => {
    const encrypted = fixture('encrypted.docx');
    expect(classifyOle(encrypted)).toBe('encrypted-ooxml');
    expect(classifyOle(fixture('003_fc1028512c8b7c0f.doc'))).toBe('doc');
    const decrypted = await officeCrypto.decrypt(encrypted, { password: 'gongkai' });
    expect(merges(decrypted)).toEqual(merges(rendered('004_3c83e1ac369f3f17.docx')));
  });

  it('explains how to enable .doc conversion when soffice is not on the PATH', () => {
    expect(findSoffice({ PATH: '/nonexistent' })).toBeNull();
    expect(() => convertDocToDocx(fixture('003_fc1028512c8b7c0f.doc'), { PATH: '/nonexistent' })).toThrow(
      /legacy Word \.doc file: converting it needs LibreOffice — install it \(e\.g\. apt-get install libreoffice-writer-nogui\) so that `soffice` is on the PATH/,
    );
  });

});
