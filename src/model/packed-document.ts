import { z } from 'zod';

/** One row's values in its table's column order; the first is the document id, filled in when it is written. */
export const PackedRow = z.array(z.unknown());
export type PackedRow = z.infer<typeof PackedRow>;

/**
 * A Document as the rows the store writes for it, with its provenance already serialised. A
 * worker thread packs the document it extracted (src/store/pack-document.ts), so that the one
 * writer only binds values (a document's ~1,850 cells and ~1,700 other rows): no walk over the
 * object graph, no JSON.stringify per cell, on the thread every document waits for. Plain arrays
 * of strings, numbers and nulls, so it crosses to the main thread as a structured clone. It is
 * made only from a Document its schema has parsed, so the writer does not parse it again.
 */
export const PackedDocument = z.object({
  head: z.object({
    format: z.string(),
    encoding: z.string().nullable(),
    extractorName: z.string(),
    extractorVersion: z.string(),
    docScope: z.string().nullable(),
    orgCode: z.string().nullable(),
    orgName: z.string().nullable(),
    year: z.number().int().nullable(),
    docKind: z.string().nullable(),
    schemaVersion: z.number().int(),
    status: z.enum(['ok', 'partial']),
    tables: z.number().int(),
    cells: z.number().int(),
    /** Pages read by OCR (the `pdf-ocr-page` diagnostics), for the progress line. */
    ocrPages: z.number().int(),
  }),
  blocks: z.array(PackedRow),
  /** Per table, in order: its doc_table row, its columns, its cells. */
  tables: z.array(z.object({ table: PackedRow, columns: z.array(PackedRow), cells: z.array(PackedRow) })),
  diagnostics: z.array(PackedRow),
  /** What src/domain added; null for a document that was not enriched (no `checks`). */
  domain: z
    .object({
      /** Per table, in order: its table_row, amount and indicator_value rows. */
      tables: z.array(z.object({ rows: z.array(PackedRow), amounts: z.array(PackedRow), indicators: z.array(PackedRow) })),
      /** Per check: its doc_check row, then its refs. */
      checks: z.array(z.object({ check: PackedRow, refs: z.array(PackedRow) })),
    })
    .nullable(),
});
export type PackedDocument = z.infer<typeof PackedDocument>;
