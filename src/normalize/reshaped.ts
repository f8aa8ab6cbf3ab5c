import { tableReshaped, type Diagnostic, type Provenance, type ReshapeHeuristic } from '../model/index.js';

import type { WorkRow } from './work-cell.js';

export type { ReshapeHeuristic };

/** A table as a message names it: its title, else its place among the document's tables (1-based). */
export function tableName(title: string | null, order: number): string {
  return title ? `"${title}"` : `table ${order + 1}`;
}

/** The `info` diagnostic that says what a normalisation heuristic did to a table and where. */
export function reshaped(heuristic: ReshapeHeuristic, table: string, what: string, place: Provenance | undefined): Diagnostic {
  return tableReshaped(heuristic, table, what, place, 'normalize');
}

/** Where a row was printed: its first filled cell's first piece (an empty cell's, when none is filled). */
export function rowPlace(row: WorkRow): Provenance | undefined {
  return (row.find((c) => c.text !== '' && c.prov[0]) ?? row.find((c) => c.prov[0]))?.prov[0];
}

/** A row as a message names it: by its first filled cell (`row "一般公共服务支出"`), shortened. */
export function rowName(row: WorkRow): string {
  const text = row.find((c) => c.text !== '')?.text.replace(/\s+/gu, ' ') ?? '';
  if (text === '') return 'an empty row';
  return `row "${[...text].length > 20 ? `${[...text].slice(0, 20).join('')}…` : text}"`;
}
