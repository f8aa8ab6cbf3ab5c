import { cellRef, colName, readWorkbook, visibleColumns } from './read-workbook.js';

/** A sheet as printed, for display: visible rows and columns, merged ranges drawn once. */
export interface SheetView {
  name: string;
  /** Letters of the visible columns. */
  cols: string[];
  rows: { n: number; cells: { ref: string; text: string; rowspan?: number; colspan?: number }[] }[];
  /** More rows than are shown. */
  cut: boolean;
}

/** Rows shown per sheet; a printed table has far fewer. */
const MAX_VIEW_ROWS = 2_000;

/**
 * The visible sheets of a workbook laid out as the review page draws them: every visible cell
 * by its A1 reference (the key a cell's `sheet` provenance names), hidden rows and columns left
 * out, each merged range one cell spanning the visible rows and columns it covers.
 */
export function readSheetViews(bytes: Uint8Array, format: 'xlsx' | 'xls'): SheetView[] {
  return readWorkbook(bytes, format)
    .filter((s) => !s.hidden)
    .map((s) => {
      const cols = visibleColumns(s);
      const covered = new Set<string>();
      const spans = new Map<string, { rowspan: number; colspan: number }>();
      for (const m of s.merges) {
        const rs: number[] = [];
        for (let r = m.r0; r <= m.r1; r++) if (!s.hiddenRows.has(r)) rs.push(r);
        const cs = cols.filter((c) => c >= m.c0 && c <= m.c1);
        if (!rs.length || !cs.length) continue;
        for (const r of rs) for (const c of cs) covered.add(`${r},${c}`);
        covered.delete(`${rs[0]},${cs[0]}`);
        spans.set(`${rs[0]},${cs[0]}`, { rowspan: rs.length, colspan: cs.length });
        // the text of a merged range is its top-left cell's, even when that row or column is hidden
        const top = s.cells[m.r0]?.[m.c0];
        if (top && (rs[0] !== m.r0 || cs[0] !== m.c0)) ((s.cells[rs[0]!] ??= [])[cs[0]!] = top);
      }
      const rows: SheetView['rows'] = [];
      for (let r = 0; r < s.nRows && rows.length < MAX_VIEW_ROWS; r++) {
        if (s.hiddenRows.has(r)) continue;
        const cells = cols
          .filter((c) => !covered.has(`${r},${c}`))
          .map((c) => {
            const cell = s.cells[r]?.[c];
            const span = spans.get(`${r},${c}`);
            return { ref: cell?.ref ?? cellRef(r, c), text: cell?.text ?? '', ...(span && span.rowspan > 1 ? { rowspan: span.rowspan } : {}), ...(span && span.colspan > 1 ? { colspan: span.colspan } : {}) };
          });
        rows.push({ n: r + 1, cells });
      }
      return { name: s.name, cols: cols.map(colName), rows, cut: rows.length >= MAX_VIEW_ROWS && s.nRows > MAX_VIEW_ROWS };
    });
}
