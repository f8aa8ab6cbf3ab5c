import type { Diagnostic, RawBlock, RawCell, RawCoveredCell, RawRow, SheetProvenance } from '../../src/model/index.js';
import { cellRef, visibleColumns, type CellRange, type SheetCell, type SheetGrid } from './read-workbook.js';

/**
 * One place of a visible row: a merged range that starts on this row (its text is its top-left
 * cell's), a single cell, or a place that only continues a merge from a row above.
 */
interface Place {
  col: number;
  colspan: number;
  rowspan: number;
  text: string;
  /** The number a number cell stores (SheetCell.number). */
  number?: number;
  prov: SheetProvenance;
  /** This place continues a vertical merge from above (RawRow.covered). */
  covered: boolean;
  /** This place is part of a merged range (filled or not). */
  merged: boolean;
}


/**
 * A sheet's printed content as raw blocks, the way a person reads the printed sheet: rows with one
 * filled place above or between tables (a title merged across, `单位：万元`, a footnote, the
 * paragraphs of a prose sheet) are text lines; a run of rows with two or more filled places is a
 * table in `grid` layout, merges as true rowspan/colspan; an empty row ends a table. Hidden rows
 * and columns are not printed, so they are skipped (columns are numbered without them).
 */
export function sheetBlocks(sheet: SheetGrid): { blocks: RawBlock[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const visibleCols = visibleColumns(sheet);
  const colIndex = new Map(visibleCols.map((c, i) => [c, i]));
  const width = visibleCols.length;
  const mergeAt = indexMerges(sheet.merges, sheet.nRows);

  const rows: Place[][] = [];
  const rowNumbers: number[] = [];
  for (let r = 0; r < sheet.nRows; r++) {
    if (sheet.hiddenRows.has(r)) continue;
    rows.push(placesOfRow(sheet, r, visibleCols, colIndex, mergeAt, diagnostics));
    rowNumbers.push(r);
  }

  const blocks: RawBlock[] = [];
  let table: { rows: RawRow[] } | null = null;
  const closeTable = () => {
    if (table) blocks.push(tableBlock(table.rows));
    table = null;
  };
  rows.forEach((places, i) => {
    const filled = places.filter((p) => !p.covered && p.text.trim() !== '');
    if (filled.length === 0 && !places.some((p) => p.covered)) return closeTable();
    const lone = filled.length === 1 && !places.some((p) => p.covered) ? filled[0]! : null;
    if (lone && (!table || lone.colspan >= width)) {
      closeTable();
      blocks.push({ type: 'paragraph', raw: lone.text, prov: [lone.prov] });
      return;
    }
    if (!table && isLineRow(places, filled, width)) {
      // `编制单位：…` at the left and `单位：万元` at the right of one row above the header
      for (const p of filled) blocks.push({ type: 'paragraph', raw: p.text, prov: [p.prov] });
      return;
    }
    if (!table) table = { rows: [] };
    table.rows.push(rawRow(places, sheet.name, rowNumbers[i]!));
  });
  closeTable();
  if (sheet.truncated) {
    diagnostics.push({ severity: 'warning', code: 'sheet-truncated', stage: 'extract', message: `sheet "${sheet.name}" has more rows or columns than gongkai reads; the rest was not read`, place: { kind: 'sheet', sheet: sheet.name, cell: 'A1' } });
  }
  return { blocks, diagnostics };
}

/**
 * Above a table, a row whose few filled places stand apart (empty places between them) is a
 * row of separate text lines, not a table row: header rows are filled edge to edge.
 */
function isLineRow(places: Place[], filled: Place[], width: number): boolean {
  if (filled.length < 2 || places.some((p) => p.covered)) return false;
  const filledWidth = filled.reduce((n, p) => n + p.colspan, 0);
  if (filledWidth * 2 > width) return false;
  return places.some((p) => p.col > filled[0]!.col && p.col < filled[filled.length - 1]!.col && p.text.trim() === '' && !p.merged);
}

/** For each row, the merges that cover it. */
function indexMerges(merges: CellRange[], nRows: number): Map<number, CellRange[]> {
  const at = new Map<number, CellRange[]>();
  for (const m of merges) {
    for (let r = m.r0; r <= Math.min(m.r1, nRows - 1); r++) {
      const list = at.get(r) ?? [];
      list.push(m);
      at.set(r, list);
    }
  }
  return at;
}

function placesOfRow(sheet: SheetGrid, r: number, visibleCols: number[], colIndex: Map<number, number>, mergeAt: Map<number, CellRange[]>, diagnostics: Diagnostic[]): Place[] {
  const merges = mergeAt.get(r) ?? [];
  const places: Place[] = [];
  for (const c of visibleCols) {
    const m = merges.find((x) => x.c0 <= c && c <= x.c1);
    if (m) {
      const firstCol = visibleCols.find((x) => x >= m.c0 && x <= m.c1);
      if (c !== firstCol) continue; // inside a merge begun at its first visible column
      const colspan = visibleCols.filter((x) => x >= m.c0 && x <= m.c1).length;
      const firstRow = firstVisibleRow(sheet, m);
      const range = `${cellRef(m.r0, m.c0)}:${cellRef(m.r1, m.c1)}`;
      const prov: SheetProvenance = { kind: 'sheet', sheet: sheet.name, cell: cellRef(m.r0, m.c0), range };
      if (r !== firstRow) {
        places.push({ col: colIndex.get(c)!, colspan, rowspan: 1, text: '', prov: { ...prov, cell: cellRef(r, c) }, covered: true, merged: true });
        continue;
      }
      let rowspan = 0;
      for (let x = m.r0; x <= m.r1; x++) if (!sheet.hiddenRows.has(x)) rowspan++;
      const cell = sheet.cells[m.r0]?.[m.c0];
      noteFormula(cell, sheet.name, diagnostics);
      places.push({ col: colIndex.get(c)!, colspan, rowspan, text: cell?.text ?? '', ...numberOf(cell), prov, covered: false, merged: true });
      continue;
    }
    const cell = sheet.cells[r]?.[c];
    noteFormula(cell, sheet.name, diagnostics);
    places.push({ col: colIndex.get(c)!, colspan: 1, rowspan: 1, text: cell?.text ?? '', ...numberOf(cell), prov: { kind: 'sheet', sheet: sheet.name, cell: cellRef(r, c) }, covered: false, merged: false });
  }
  return places;
}

const numberOf = (cell: SheetCell | undefined): { number?: number } => (cell?.number !== undefined ? { number: cell.number } : {});

function firstVisibleRow(sheet: SheetGrid, m: CellRange): number {
  for (let r = m.r0; r <= m.r1; r++) if (!sheet.hiddenRows.has(r)) return r;
  return m.r0;
}

/** A formula saved without its result: gongkai never recomputes, so the cell is empty, and says so. */
function noteFormula(cell: { ref: string; formula?: string; noCachedValue?: boolean } | undefined, sheet: string, diagnostics: Diagnostic[]): void {
  if (!cell?.noCachedValue) return;
  diagnostics.push({
    severity: 'warning',
    code: 'sheet-formula-without-value',
    stage: 'extract',
    message: `${sheet}!${cell.ref}: the formula =${cell.formula} was saved without its result; gongkai does not recompute formulas, so the cell is read as empty`,
    place: { kind: 'sheet', sheet, cell: cell.ref },
  });
}

function rawRow(places: Place[], sheet: string, r: number): RawRow {
  const cells: RawCell[] = [];
  const covered: RawCoveredCell[] = [];
  for (const p of places) {
    if (p.covered) covered.push({ col: p.col, colspan: p.colspan, prov: [p.prov] });
    else {
      const cell: RawCell = { raw: p.text, prov: [p.prov], col: p.col };
      if (p.number !== undefined) cell.number = p.number;
      if (p.rowspan > 1) cell.rowspan = p.rowspan;
      if (p.colspan > 1) cell.colspan = p.colspan;
      cells.push(cell);
    }
  }
  const row: RawRow = { cells, prov: [{ kind: 'sheet', sheet, cell: cellRef(r, 0) }] };
  if (covered.length) row.covered = covered;
  return row;
}

/** A table block over the columns its rows fill: leading and trailing columns empty in every row are not part of it. */
function tableBlock(rows: RawRow[]): RawBlock {
  const used = (c: RawCell | RawCoveredCell) => ('raw' in c ? c.raw.trim() !== '' || (c.colspan ?? 1) > 1 || (c.rowspan ?? 1) > 1 : true);
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of rows) {
    for (const c of [...row.cells, ...(row.covered ?? [])]) {
      if (!used(c)) continue;
      lo = Math.min(lo, c.col!);
      hi = Math.max(hi, c.col! + (c.colspan ?? 1) - 1);
    }
  }
  const inside = <T extends { col?: number; colspan?: number }>(c: T) => c.col! >= lo && c.col! + (c.colspan ?? 1) - 1 <= hi;
  const trimmed = rows.map((row) => {
    const out: RawRow = { ...row, cells: row.cells.filter(inside).map((c) => ({ ...c, col: c.col! - lo })) };
    if (row.covered) out.covered = row.covered.filter(inside).map((c) => ({ ...c, col: c.col - lo }));
    return out;
  });
  return { type: 'table', layout: 'grid', rows: trimmed, prov: rows[0]?.cells[0]?.prov.slice(0, 1) ?? [] };
}
