import type { RawRow, RawTableBlock, RawTextBlock } from '../model/index.js';
import { cleanText, cleanTitle } from './clean-text.js';
import { parseMetaRow } from './metadata-lines.js';

/** A table's own title printed inside its grid, and the rows after it. */
export interface TitleInGrid {
  title: RawTextBlock;
  rows: RawRow[];
}

const isBlank = (r: RawRow) => r.cells.every((c) => cleanText(c.raw) === '');

/**
 * A table whose grid takes in its title and the lines under it: spreadsheet-made PDFs draw
 * invisible borders round the whole sheet (corpus/real/putuo-2025-unit-budget-commerce.pdf p.14:
 * blank rows, `2025年预算单位财政拨款收支预算总表`, `编制单位：… | 单位：元`, then the header).
 * The first filled row holding one cell that names a table (…表) is the title; blank rows
 * before the header go, the metadata rows stay for the table to read. Null for any other table.
 */
export function findTitleInGrid(b: RawTableBlock): TitleInGrid | null {
  const first = b.rows.findIndex((r) => !isBlank(r));
  if (first < 0) return null;
  const filled = b.rows[first]!.cells.filter((c) => cleanText(c.raw) !== '');
  if (filled.length !== 1) return null;
  const text = cleanTitle(filled[0]!.raw);
  if (text.length < 4 || text.length > 80 || !/表$/u.test(text)) return null;
  const rest = b.rows.slice(first + 1);
  let header = 0;
  while (header < rest.length && (isBlank(rest[header]!) || parseMetaRow(rest[header]!.cells.map((c) => cleanText(c.raw))))) header++;
  const rows = [...rest.slice(0, header).filter((r) => !isBlank(r)), ...rest.slice(header)];
  return { title: { type: 'heading', raw: filled[0]!.raw, prov: filled[0]!.prov }, rows };
}
