import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extract-document.js';
import { seedPath } from '../support/corpus.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/encodings');

function tablesOf(bytes: Uint8Array) {
  const r = extractDocument(bytes);
  if (!r.ok) throw new Error(r.error);
  return { encoding: r.document.encoding, tables: r.document.tables.map((t) => ({ title: t.title, columns: t.columns, cells: t.cells.map((c) => [c.row, c.col, c.text]) })) };
}

describe('seed 000 in the encodings scraped files come in (made by scripts/make-encoding-fixtures.py)', () => {
  const original = tablesOf(fs.readFileSync(seedPath('000_0018174054ff74da')));

  it.each([
    ['000.gb18030.txt', 'gb18030'],
    ['000.utf16le-bom.txt', 'utf-16le'],
    ['000.utf8-bom-crlf.txt', 'utf-8'],
  ])('%s decodes as %s and gives the same tables as the UTF-8 original', (file, encoding) => {
    const got = tablesOf(fs.readFileSync(path.join(FIXTURES, file)));
    expect(got.encoding).toBe(encoding);
    expect(got.tables).toEqual(original.tables);
  });

  it('keeps provenance exact in the decoded text of a CRLF file', () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, '000.utf8-bom-crlf.txt'));
    const text = bytes.toString('utf8').slice(1);
    const r = extractDocument(bytes);
    if (!r.ok) throw new Error(r.error);
    const cell = r.document.tables[1]!.cells.find((c) => c.text === '336.49')!;
    const p = cell.prov[0]!;
    if (p.kind !== 'text') throw new Error('text provenance expected');
    expect(text.slice(p.start.offset, p.end.offset)).toBe('336.49');
    expect(text.split('\r\n')[p.start.line - 1]).toBe('\t336.49');
  });
});
