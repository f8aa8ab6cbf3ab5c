import { z } from 'zod';

/**
 * Every threshold of the PDF table code (extractors/pdf/), as pdfplumber's `table_settings`:
 * one object, each name with its unit — `Pt` PDF points, `Em` the font size of the text at
 * hand, `Share` a fraction from 0 to 1, `Count` a number of rows or columns. The defaults are
 * what the corpus and its tests were tuned on; `--table-settings '{"snapTolerancePt": 3}'` (or
 * a JSON file) changes any of them for a run, and a document read with other settings is read
 * again. Unknown keys are refused, so a typo never passes for a default.
 */
export const TableSettings = z.strictObject({
  // ruling lines (ruled-tables.ts, tabula's lattice)
  /** Ruling lines (and their ends) closer than this are one ruling; grid lines this close are one. */
  snapTolerancePt: z.number().nonnegative().default(2.5),
  /** A ruling shorter than this is a tick, not a table line. */
  minRulingLengthPt: z.number().nonnegative().default(3),
  /** An inner ruling must cover this share of a cell edge to separate the two cells (and the frame to close a place on the edge). */
  minEdgeCoverShare: z.number().min(0).max(1).default(0.6),
  /** A row rule this close to a glyph's centre runs through the glyph: the glyph overflowed from the row above. */
  ruleThroughGlyphEm: z.number().nonnegative().default(0.3),
  /** Glyphs this close outside a table's frame are the table's (strokes have width). */
  frameMarginPt: z.number().nonnegative().default(1),
  // text alignment (stream-tables.ts, tabula's stream)
  /** A line falls apart into chunks (cells) at gaps wider than this: wider than any word space. */
  chunkGapEm: z.number().positive().default(0.5),
  /** A gap wider than this between chunks marks a line as a table row in detection. */
  rowGapEm: z.number().positive().default(1.5),
  /** Lines further apart than this (a blank line between them) are not one table. */
  maxRowSpacingEm: z.number().positive().default(3),
  /** A short line below a run of table rows is one more line of it when no further below than the run's widest row pitch and this share of it more (rounding). */
  rowPitchMarginShare: z.number().nonnegative().default(0.2),
  /** Header lines above a run of table rows are at most this far apart, baseline to baseline (single spaced, as one header's lines are). */
  headerLineSpacingEm: z.number().positive().default(1.5),
  /** `--method stream` without an area: fewest rows of a table. */
  streamMinRowsCount: z.number().int().min(1).default(2),
  /** `--method stream` without an area: fewest columns, and fewest chunks on each of its lines. */
  streamMinColumnsCount: z.number().int().min(1).default(2),
  /** `auto` on a page without ruled tables: fewest rows (prose must never become a table). */
  autoMinRowsCount: z.number().int().min(1).default(3),
  /** `auto` on a page without ruled tables: fewest columns, and fewest wide-gap chunks on each line. */
  autoMinColumnsCount: z.number().int().min(1).default(3),
  // refiners (open-rows.ts, page-blocks.ts, wrapped-rows.ts)
  /** Two lines whose baselines differ by less than this (of the smaller size) are level: one row across cells. */
  levelBaselineEm: z.number().nonnegative().default(0.35),
  /** Column edges of two pieces of one table (its pages) closer than this are the same column. */
  sameColumnEdgePt: z.number().nonnegative().default(2.5),
  /** A gap this wide on one printed line outside tables separates two text blocks (org line left, unit line right). */
  textBlockGapEm: z.number().positive().default(3),
});
export type TableSettings = z.infer<typeof TableSettings>;

/** Every threshold at its default. */
export const DEFAULT_TABLE_SETTINGS: TableSettings = TableSettings.parse({});

/** The settings a run asked for that differ from the defaults, as a JSON object ('{}' when none): what is stored and shown. */
export function changedTableSettings(settings: Partial<TableSettings>): Partial<TableSettings> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(settings)) if (v !== undefined && v !== DEFAULT_TABLE_SETTINGS[k as keyof TableSettings]) out[k] = v;
  return out as Partial<TableSettings>;
}
