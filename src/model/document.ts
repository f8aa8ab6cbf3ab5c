import { z } from 'zod';
import { AmountCell, Check, IndicatorCell, TableRow } from './budget.js';
import { Diagnostic } from './diagnostic.js';
import { Provenance } from './provenance.js';
import { InputFormat } from './raw-document.js';

/** A cell of the canonical table: clean text for people, raw text as printed, and where it came from. */
export const Cell = z.object({
  row: z.number().int().min(0),
  col: z.number().int().min(0),
  rowspan: z.number().int().min(1),
  colspan: z.number().int().min(1),
  isHeader: z.boolean(),
  text: z.string(),
  raw: z.string(),
  /**
   * A body cell's number: the one the format stores (a spreadsheet number cell, whatever its
   * display format — `12.5%` is 0.125), else the amount printed, when the clean text is a plain
   * number; null otherwise, and for header cells.
   */
  value: z.number().nullable(),
  prov: z.array(Provenance),
  /**
   * Read by OCR: Tesseract's confidence (0–1) in the cell's text, that of its least certain
   * piece (`prov[].ocr`). A cell below 0.8 is kept as read and flagged (an `ocr-low-confidence`
   * diagnostic); absent for text the source prints.
   */
  confidence: z.number().min(0).max(1).optional(),
});
export type Cell = z.infer<typeof Cell>;

/** A column and its header path, outermost header first (["本年收入", "财政拨款收入"]). */
export const Column = z.object({
  index: z.number().int().min(0),
  path: z.array(z.string()),
});
export type Column = z.infer<typeof Column>;

/** Org, year and unit lines printed above a table, as printed. */
export const TableMeta = z.object({
  org: z.string().nullable(),
  year: z.string().nullable(),
  unit: z.string().nullable(),
  /** e.g. 截止时间：2021-12-31 on asset tables. */
  asOf: z.string().nullable(),
});
export type TableMeta = z.infer<typeof TableMeta>;

export const Table = z.object({
  order: z.number().int().min(0),
  title: z.string().nullable(),
  titleRaw: z.string().nullable(),
  /** A stable table-kind id from src/domain (e.g. budget_revenue_summary), `other` when unknown. */
  kind: z.string(),
  unit: z.string().nullable(),
  meta: TableMeta,
  columns: z.array(Column),
  /**
   * A table printed as side-by-side panels of the same columns (src/normalize/panels.ts): the
   * first column of each panel. Absent for a table of one panel.
   */
  panels: z.array(z.number().int().min(0)).optional(),
  /** Number of header rows; header cells have row < headerRows. */
  headerRows: z.number().int().min(0),
  nRows: z.number().int().min(0),
  nCols: z.number().int().min(0),
  /** Header cells first (rows 0…headerRows-1), then body cells; body row r is stored as row headerRows + r. */
  cells: z.array(Cell),
  /** Where the table starts (its title, else its first row) and ends in the source. */
  prov: z.array(Provenance),
  /** Body rows' labels and 科目 classification (src/domain enrich); absent before enrichment. */
  rowInfo: z.array(TableRow).optional(),
  /** Amount cells with unit and value in yuan (src/domain enrich); absent before enrichment. */
  amounts: z.array(AmountCell).optional(),
  /** Parsed 绩效 indicator values (src/domain enrich); absent before enrichment. */
  indicators: z.array(IndicatorCell).optional(),
});
export type Table = z.infer<typeof Table>;

/** Prose kept beside the tables, in reading order. */
export const Block = z.object({
  order: z.number().int().min(0),
  type: z.enum(['heading', 'paragraph', 'toc', 'table']),
  text: z.string(),
  /** For table blocks: the index of the table in `tables`. */
  tableOrder: z.number().int().min(0).nullable(),
  prov: z.array(Provenance),
});
export type Block = z.infer<typeof Block>;

export const DocKind = z.enum(['预算', '决算']);

/** 部门: a department's budget, consolidating its units; 单位: one unit's own budget. */
export const DocScope = z.enum(['部门', '单位']);

export const DocumentStatus = z.enum(['ok', 'partial', 'failed']);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

/** The canonical document: what every format ends up as, and what the store holds. */
export const Document = z.object({
  schemaVersion: z.literal(1),
  format: InputFormat,
  encoding: z.string().nullable(),
  extractor: z.object({ name: z.string(), version: z.string() }),
  org: z.object({ code: z.string().nullable(), name: z.string().nullable() }),
  year: z.number().int().nullable(),
  docKind: DocKind.nullable(),
  blocks: z.array(Block),
  tables: z.array(Table),
  diagnostics: z.array(Diagnostic),
  /** Consistency checks over the printed numbers (src/domain enrich); absent before enrichment. */
  checks: z.array(Check).optional(),
  /** 部门 or 单位 budget, as the cover or the table titles say (src/domain enrich); null when nothing says; absent before enrichment. */
  docScope: DocScope.nullable().optional(),
});
export type Document = z.infer<typeof Document>;
