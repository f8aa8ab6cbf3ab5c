import { describe, expect, it } from 'vitest';
import { PackedDocument } from '../../src/model/index.js';
import { packDocument } from '../../src/store/pack-document.js';
import { seedDocument } from '../domain/build-table.js';

/**
 * The rows a worker hands the writer: the zod shape in src/model is their one definition, and a
 * real document packed fits it, table for table and cell for cell.
 */
describe('packDocument', () => {
  const doc = seedDocument('000_0018174054ff74da');
  const packed = packDocument(doc);

  it('fits the PackedDocument schema', () => {
    expect(PackedDocument.safeParse(packed).success).toBe(true);
    expect(PackedDocument.safeParse({ ...packed, head: { ...packed.head, status: 'done' } }).success).toBe(false);
  });

  it('keeps every table and cell of seed 000, in order, with the head the progress line reads', () => {
    expect(packed.head).toMatchObject({ format: 'word-text', tables: doc.tables.length, cells: doc.tables.reduce((n, t) => n + t.cells.length, 0), ocrPages: 0, status: 'ok' });
    expect(packed.tables.map((t) => t.cells.length)).toEqual(doc.tables.map((t) => t.cells.length));
    // seed 000 L1297: the 人员经费 of the 合计 row, 433.22, is among the packed cell rows' values
    expect(packed.tables.some((t) => t.cells.some((row) => row.includes('433.22')))).toBe(true);
    expect(packed.domain?.checks.length).toBe(doc.checks!.length);
  });
});
