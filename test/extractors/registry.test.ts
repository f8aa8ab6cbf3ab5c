import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, EXTRACTORS, extractDocument, extractDocumentSync } from '../../extractors/index.js';
import { InputFormat } from '../../src/model/index.js';
import { CORPUS } from '../support/corpus.js';

const read = (...parts: string[]) => new Uint8Array(fs.readFileSync(path.join(...parts)));

/** One file of each format the shipped corpus and fixtures hold (a legacy .doc needs LibreOffice: test/office/). */
const FILES: { file: string; bytes: () => Uint8Array; format: InputFormat }[] = [
  { file: 'seed 000 (Word text export)', bytes: () => read(CORPUS, '000_0018174054ff74da.txt'), format: 'word-text' },
  { file: 'seed 002 (PDF converted to text)', bytes: () => read(CORPUS, '002_c52ee38ce6c6c3d2.txt'), format: 'pdf-text' },
  { file: 'rendered 004 .docx', bytes: () => read(CORPUS, 'rendered', '004_3c83e1ac369f3f17.docx'), format: 'docx' },
  { file: 'rendered 000 .xlsx', bytes: () => read(CORPUS, 'rendered', '000_0018174054ff74da.xlsx'), format: 'xlsx' },
  { file: 'rendered 000 .xls', bytes: () => read(CORPUS, 'rendered', '000_0018174054ff74da.xls'), format: 'xls' },
  { file: 'stsong-ruled.pdf', bytes: () => read(import.meta.dirname, 'pdf', 'fixtures', 'stsong-ruled.pdf'), format: 'pdf' },
];

describe('extractors/index.ts: one door to every extractor', () => {
  it.each(FILES)('reads $file with the $format extractor, telling the format by content', async ({ bytes, format }) => {
    const stages: string[] = [];
    const r = await extractDocument(bytes(), {}, (s) => stages.push(s));
    expect(r.ok && { format: r.format, rawFormat: r.raw.format, extractor: r.raw.extractor }).toEqual({ format, rawFormat: format, extractor: EXTRACTORS[format] });
    expect(r.ok && r.raw.blocks.some((b) => b.type === 'table')).toBe(true);
    expect(stages).toEqual(['sniff', `read ${format}`]);
    expect(detectFormat(bytes())).toBe(format);
  });

  it('reads the same RawDocument synchronously, for every format but PDF', async () => {
    for (const { bytes, format } of FILES.filter((f) => f.format !== 'pdf')) expect(extractDocumentSync(bytes()), format).toEqual(await extractDocument(bytes()));
    expect(extractDocumentSync(FILES.find((f) => f.format === 'pdf')!.bytes())).toEqual({ ok: false, format: 'pdf', error: 'PDF files are not supported yet' });
  });

  it('says why a file is none of them', async () => {
    expect(await extractDocument(new Uint8Array())).toEqual({ ok: false, format: null, error: 'empty file' });
    expect(await extractDocument(new Uint8Array([0x47, 0x00, 0x4b, 0x00, 0x00, 0x01]))).toEqual({ ok: false, format: null, error: 'not a disclosure: binary data (NUL bytes), not text' });
    expect(await extractDocument(new TextEncoder().encode('部门职责：\t负责机关事务。\n'))).toEqual({ ok: false, format: null, error: 'not a disclosure: text without any table rows' });
  });

  it('has an extractor, with its version, for every input format', () => {
    for (const format of InputFormat.options) expect(EXTRACTORS[format]?.version, format).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
