import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../src/model/index.js';
import { decodeText } from '../../../extractors/text/decode-text.js';
import { extractDocument } from '../../../src/pipeline/extract-document.js';
import { seedPath } from '../../support/corpus.js';

const FIXTURES = path.resolve(__dirname, '../../fixtures/reliability');

function extract(bytes: Uint8Array): Document {
  const r = extractDocument(bytes);
  if (!r.ok) throw new Error(r.error);
  return r.document;
}

// text, raw and the lines and columns they come from (offsets after the flip move: one character became three)
const cellsOf = (d: Document) => d.tables.map((t) => t.cells.map((c) => [c.text, c.raw, c.prov.map((p) => (p.kind === 'text' ? `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}` : p.kind))]));

describe('bytes that are not valid UTF-8 in a UTF-8 text', () => {
  const seed = new Uint8Array(fs.readFileSync(seedPath('000_0018174054ff74da')));

  it('are read as U+FFFD with a warning at their place; every table is kept (seed 000, one byte flipped in prose)', () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'text-one-bad-byte-all-tables-lost.txt')));
    const doc = extract(bytes);
    const bad = doc.diagnostics.filter((d) => d.code === 'invalid-utf8');
    expect(bad.map((d) => [d.severity, d.stage, d.message])).toEqual([
      ['warning', 'read', 'line 1685, column 8: bytes that are not valid UTF-8, read as U+FFFD'],
      ['warning', 'read', 'line 1685, column 10: bytes that are not valid UTF-8, read as U+FFFD'],
    ]);
    const { text } = decodeText(bytes);
    for (const d of bad) expect(d.place?.kind === 'text' && text.slice(d.place.start.offset, d.place.end.offset)).toBe('\ufffd');
    expect(text.split('\n')[1684]!.startsWith('2022年，我\ufffdA\ufffd门财政拨款')).toBe(true);
    // the flip is in prose: the tables are those of the intact seed, provenance and all
    expect(cellsOf(doc)).toEqual(cellsOf(extract(seed)));
    expect(doc.tables.length).toBe(28);
  });

  it('are read as U+FFFD when the file ends inside a character; the tables before the cut are kept', () => {
    const doc = extract(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'text-truncated-mid-character-all-tables-lost.txt'))));
    expect(doc.diagnostics.filter((d) => d.code === 'invalid-utf8').map((d) => d.message)).toEqual(['line 2902, column 4: bytes that are not valid UTF-8, read as U+FFFD']);
    expect(doc.tables.length).toBe(25);
    // the file is the seed's first 90 %: the tables before the last one, which the cut ends, are the seed's
    expect(cellsOf(doc).slice(0, 24)).toEqual(cellsOf(extract(seed)).slice(0, 24));
  });

  it('still refuse a file where they are everywhere: random bytes are no text', () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 7919 + 13) % 128));
    expect(() => decodeText(random)).toThrow(/neither UTF-8, UTF-16 nor GB18030/);
  });
});
