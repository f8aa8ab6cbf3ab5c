import { z } from 'zod';

/** One table in the JSON export contract of docs/DESIGN.md. */
export const ExportTable = z.object({
  title: z.string().nullable(),
  kind: z.string(),
  unit: z.string().nullable(),
  columns: z.array(z.array(z.string())),
  rows: z.array(z.array(z.string())),
  source: z.object({ page: z.number().int().nullable(), line: z.number().int().nullable() }),
});
export type ExportTable = z.infer<typeof ExportTable>;

/** One document in the JSON export contract of docs/DESIGN.md. */
export const ExportDocument = z.object({
  source: z.string(),
  sha256: z.string(),
  format: z.string().nullable(),
  status: z.enum(['ok', 'partial', 'failed']),
  error: z.string().nullable(),
  org: z.object({ code: z.string().nullable(), name: z.string().nullable() }),
  year: z.number().int().nullable(),
  docKind: z.string().nullable(),
  tables: z.array(ExportTable),
});
export type ExportDocument = z.infer<typeof ExportDocument>;

export const ExportFile = z.array(ExportDocument);
