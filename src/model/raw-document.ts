import { z } from 'zod';
import { Diagnostic } from './diagnostic.js';
import { Provenance } from './provenance.js';

/** The input formats gongkai tells apart by content. */
export const InputFormat = z.enum(['word-text', 'pdf-text', 'docx', 'doc', 'pdf', 'xlsx', 'xls']);
export type InputFormat = z.infer<typeof InputFormat>;

/** A cell as the extractor saw it: text exactly as in the source (lines joined with "\n"), no clean-up. */
export const RawCell = z.object({
  raw: z.string(),
  prov: z.array(Provenance),
  /** Known only where the format records merges (.docx, ruled PDF); text exports print a merged cell once. */
  rowspan: z.number().int().min(1).optional(),
  colspan: z.number().int().min(1).optional(),
  /** The format marks the row as a repeated header row (w:tblHeader). */
  isHeader: z.boolean().optional(),
  /** `grid` layout: the first grid column the cell covers (w:gridBefore and spans above included). */
  col: z.number().int().min(0).optional(),
  /**
   * In a row that wraps on from above (RawRow.wrapsFromAbove): what joins this cell's text to
   * the cell above the page break — "" (a CJK line wrapped), " " (Latin words), "\n" (the next
   * item of a numbered list, on a line of its own). A cell merged down to the cut goes on in the
   * cell below it, and that cell is part of it even when it is empty (its text all above).
   */
  joinAbove: z.enum(['', ' ', '\n']).optional(),
  /**
   * The number the format stores for the cell, where it stores one apart from the text it
   * displays (a spreadsheet number cell: `raw` is `12.5%` or `1,234.50`, `number` 0.125 or
   * 1234.5). Normalisation takes it as the cell's value instead of reading the text.
   */
  number: z.number().finite().optional(),
});
export type RawCell = z.infer<typeof RawCell>;

/**
 * `grid` layout: a place in a row that only continues a vertically merged cell above it
 * (w:vMerge without "restart"). It holds no text of its own, but it is a real element of the
 * source, so it keeps its position; its region's text and rowspan are on the cell that starts it.
 */
export const RawCoveredCell = z.object({
  col: z.number().int().min(0),
  colspan: z.number().int().min(1),
  prov: z.array(Provenance),
});
export type RawCoveredCell = z.infer<typeof RawCoveredCell>;

export const RawRow = z.object({
  cells: z.array(RawCell),
  prov: z.array(Provenance),
  /** `grid` layout only: the places this row continues a vertical merge from above. */
  covered: z.array(RawCoveredCell).optional(),
  /**
   * The format shows this row, in a piece that continues a table on a new page, going on from
   * the last row of the piece before: each filled cell goes on from the cell above it (PDF: its
   * first word did not fit on that cell's full last line, or it opens the next item of that
   * cell's numbered list), joined as its `joinAbove` says. Normalisation decides
   * whether it is the first body row, and so the rest of a row cut by the page break.
   */
  wrapsFromAbove: z.boolean().optional(),
  /**
   * Like `wrapsFromAbove`, but only for the cells with a `joinAbove`: the page cut runs through
   * cells merged down over several rows (PDF: the cut is left open under them and ruled off
   * under the others), so the merged cells' text goes on in this row while its other cells are
   * a row of their own. Normalisation joins those cells up, if this is the first body row, and
   * keeps the row with "" in their places.
   */
  cellsWrapFromAbove: z.boolean().optional(),
});
export type RawRow = z.infer<typeof RawRow>;

/** Prose: a heading, a paragraph, or a table-of-contents entry (title, dotted leader, page). */
export const RawTextBlock = z.object({
  type: z.enum(['heading', 'paragraph', 'toc']),
  raw: z.string(),
  prov: z.array(Provenance),
});
export type RawTextBlock = z.infer<typeof RawTextBlock>;

export const RawTableBlock = z.object({
  type: z.literal('table'),
  /**
   * How the format prints merged cells. `compact`: once, so rows with merges are shorter
   * (Word's text export). `positional`: every grid cell keeps its place, a merged cell prints
   * as its text followed by empty cells (PDF-to-text converters). `grid`: the format records
   * the merges (.docx): each merged region is one cell, printed once, with its grid column and
   * true rowspan/colspan; places that continue a vertical merge are listed in `RawRow.covered`.
   */
  layout: z.enum(['compact', 'positional', 'grid']),
  rows: z.array(RawRow),
  prov: z.array(Provenance),
});
export type RawTableBlock = z.infer<typeof RawTableBlock>;

export const RawBlock = z.discriminatedUnion('type', [RawTextBlock, RawTableBlock]);
export type RawBlock = z.infer<typeof RawBlock>;

/** What an extractor makes of one file's bytes: blocks in reading order, each with provenance. */
export const RawDocument = z.object({
  schemaVersion: z.literal(1),
  format: InputFormat,
  extractor: z.object({ name: z.string(), version: z.string() }),
  /** The text encoding the bytes were decoded with (text formats only). */
  encoding: z.string().nullable(),
  blocks: z.array(RawBlock),
  diagnostics: z.array(Diagnostic),
});
export type RawDocument = z.infer<typeof RawDocument>;
