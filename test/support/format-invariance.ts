import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ExportTable } from '../../src/model/index.js';
import { CORPUS } from './corpus.js';

/**
 * Where a rendered file (.docx, workbook) exports otherwise than its seed's text version, and
 * why: corpus/rendered/format-differences.json, `differences`, field by field.
 */
export interface FormatDifference {
  table: string;
  field: 'columns';
  index: number;
  docx: string[];
  text: string[];
  reason: string;
}

export const FORMAT_DIFFERENCES: Record<string, FormatDifference[]> = JSON.parse(fs.readFileSync(path.join(CORPUS, 'rendered', 'format-differences.json'), 'utf8')).differences;

/** What must agree between two exports of one document: everything but source, sha256, format and provenance. */
export const comparable = (t: ExportTable) => ({ title: t.title, kind: t.kind, unit: t.unit, columns: t.columns, rows: t.rows });

/**
 * A table of the seed's text export as a rendering of the seed must export it: the listed
 * differences applied, each first checked to be what the text side prints.
 */
export function expectedFromText(seed: string, textTable: ExportTable): ReturnType<typeof comparable> {
  const expected = comparable(textTable);
  for (const d of (FORMAT_DIFFERENCES[seed] ?? []).filter((x) => x.table === textTable.title)) {
    expect(expected.columns[d.index], `the listed text-side value of ${d.table}`).toEqual(d.text);
    expected.columns = expected.columns.map((c, k) => (k === d.index ? d.docx : c));
  }
  return expected;
}
