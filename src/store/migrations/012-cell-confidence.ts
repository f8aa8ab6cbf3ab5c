import type { Migration } from './migration.js';

/**
 * `cell.confidence`: for a cell read by OCR, Tesseract's confidence (0–1) in its text (the
 * model's Cell.confidence); null for text the source prints. Cells stored before keep null
 * until their document is extracted again (its provenance JSON has the same figure as `ocr`).
 * Numbered 12: 11 is taken by the fact view's names, landing on main beside this.
 */
export const migration: Migration = {
  version: 12,
  name: 'cell confidence',
  sql: `
    alter table cell add column confidence real;
    create index cell_low_confidence on cell(document_id, confidence) where confidence is not null;
  `,
};
