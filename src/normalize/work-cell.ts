import type { Provenance } from '../model/index.js';

/** A cell on its way through normalisation: the raw text, its clean text, and every source piece. */
export interface WorkCell {
  raw: string;
  text: string;
  prov: Provenance[];
  /** `grid` layout only: where the cell sits on the source's column grid and what it spans. */
  grid?: GridPlace;
  /** The format's word on how this cell goes on from the cell above a page break (RawCell.joinAbove). */
  joinAbove?: '' | ' ' | '\n';
  /** The number the format stores for the cell (RawCell.number); a joined cell has none. */
  number?: number;
}

/**
 * A cell's place on a format's column grid (.docx): first grid column, spans, whether the row
 * is a marked header row (w:tblHeader), and whether the cell only continues a vertical merge
 * from above (printed as "" in the row, as Word's text export prints it).
 */
export interface GridPlace {
  col: number;
  colspan: number;
  rowspan: number;
  covered: boolean;
  isHeader: boolean;
}

export type WorkRow = WorkCell[];


/** Two pieces of one cell printed apart (a page break, a converter's split): texts joined as printed, with `sep` between where the format says so. */
export function joinCells(a: WorkCell, b: WorkCell, sep: '' | ' ' | '\n' = ''): WorkCell {
  // the joined cell stays where its first piece is on the grid
  return { raw: a.raw + sep + b.raw, text: a.text + sep + b.text, prov: [...a.prov, ...b.prov], ...(a.grid ? { grid: a.grid } : {}) };
}

/** Cell texts without any white space, for comparing header rows that were word-broken differently. */
export function rowKey(row: WorkRow): string {
  return row.map((c) => c.text.replace(/\s+/gu, '')).join('|').replace(/\|+$/u, '');
}
