import type { Diagnostic, Provenance } from '../model/index.js';
import type { WorkRow } from './work-cell.js';

/**
 * The heuristics that change a table's shape or cells, each the last part of a stable diagnostic
 * code `table-reshaped/<heuristic>` (docs/formats.md, "Why a table looks different from the page").
 */
export type ReshapeHeuristic =
  // normalisation (src/normalize)
  | 'table-groups'
  | 'title-in-grid'
  | 'repeated-header'
  | 'labels-in-total-row'
  | 'fold-split-columns'
  | 'realign-shifted-rows'
  | 'rejoin-cut-cells'
  | 'split-rows'
  | 'header-spans'
  | 'panels'
  // the PDF refiners (extractors/pdf)
  | 'wrapped-rows'
  | 'header-cells'
  | 'open-rows';

/** A table as a message names it: its title, else its place among the document's tables (1-based). */
export function tableName(title: string | null, order: number): string {
  return title ? `"${title}"` : `table ${order + 1}`;
}

/** The `info` diagnostic that says what a heuristic did to a table and where. */
export function reshaped(heuristic: ReshapeHeuristic, table: string, what: string, place: Provenance | undefined, stage: Diagnostic['stage'] = 'normalize'): Diagnostic {
  return { severity: 'info', code: `table-reshaped/${heuristic}`, stage, message: `${table}: ${what}`, ...(place ? { place } : {}) };
}

/** Where a row was printed: its first cell's first piece that has one. */
export function rowPlace(row: WorkRow): Provenance | undefined {
  for (const c of row) if (c.prov[0]) return c.prov[0];
  return undefined;
}

/** A row as a message names it: by its first filled cell (`row "一般公共服务支出"`), shortened. */
export function rowName(row: WorkRow): string {
  const text = row.find((c) => c.text !== '')?.text.replace(/\s+/gu, ' ') ?? '';
  if (text === '') return 'an empty row';
  return `row "${[...text].length > 20 ? `${[...text].slice(0, 20).join('')}…` : text}"`;
}
