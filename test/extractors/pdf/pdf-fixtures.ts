import fs from 'node:fs';
import path from 'node:path';
import type { RawDocument } from '../../../src/model/index.js';

/** A PDF of fixtures/ (scripts/make-pdf-fixtures.ts), as bytes. */
export const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name)));

/**
 * The raw cell texts of a document's table blocks, row by row, in grid order: each merged
 * region once, and "" where a row only continues a region merged down from above.
 */
export const tableTexts = (raw: RawDocument): string[][][] =>
  raw.blocks.flatMap((b) => (b.type === 'table' ? [b.rows.map((r) => [...r.cells.map((c) => ({ col: c.col ?? 0, raw: c.raw })), ...(r.covered ?? []).map((v) => ({ col: v.col, raw: '' }))].sort((x, y) => x.col - y.col).map((c) => c.raw))] : []));
