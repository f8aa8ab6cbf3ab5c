import { z } from 'zod';

/** A point in decoded source text: 1-based line and column, 0-based UTF-16 offset (the unist convention). */
export const TextPoint = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  offset: z.number().int().min(0),
});
export type TextPoint = z.infer<typeof TextPoint>;

/** A span of decoded source text; `end` is exclusive. */
export const TextProvenance = z.object({
  kind: z.literal('text'),
  start: TextPoint,
  end: TextPoint,
});
export type TextProvenance = z.infer<typeof TextProvenance>;

/**
 * A box on a PDF page, in PDF points with the origin at the page's bottom left. Text read by OCR
 * from a scanned page carries `ocr.confidence`: Tesseract's confidence (0–1) in the least
 * certain word of the text, so a reader knows what to double-check.
 */
export const PdfProvenance = z.object({
  kind: z.literal('pdf'),
  page: z.number().int().min(1),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  ocr: z.object({ confidence: z.number().min(0).max(1) }).optional(),
});
export type PdfProvenance = z.infer<typeof PdfProvenance>;

/** A place inside a .docx body: there are no lines or pages in OOXML, only element positions. */
export const DocxProvenance = z.object({
  kind: z.literal('docx'),
  block: z.number().int().min(0),
  table: z.number().int().min(0).optional(),
  row: z.number().int().min(0).optional(),
  cell: z.number().int().min(0).optional(),
  paragraph: z.number().int().min(0).optional(),
});
export type DocxProvenance = z.infer<typeof DocxProvenance>;

/**
 * A cell of a spreadsheet: the sheet by name (names are unique in a workbook) and the cell's
 * A1 reference; `range` is the merged range the cell starts (`A6:H7`) when it is merged.
 */
export const SheetProvenance = z.object({
  kind: z.literal('sheet'),
  sheet: z.string(),
  cell: z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/),
  range: z.string().regex(/^[A-Z]{1,3}[1-9]\d*:[A-Z]{1,3}[1-9]\d*$/).optional(),
});
export type SheetProvenance = z.infer<typeof SheetProvenance>;

/**
 * Where a piece of extracted text came from. A value may have several pieces (a cell rejoined
 * across a page break); a value computed by gongkai rather than read has none.
 */
export const Provenance = z.discriminatedUnion('kind', [TextProvenance, PdfProvenance, DocxProvenance, SheetProvenance]);
export type Provenance = z.infer<typeof Provenance>;
