import type { Block, Cell, Column, Diagnostic, Document, NormalizeVocabulary, Provenance, RawDocument, RawRow, Table, TableMeta } from '../model/index.js';
import { Document as DocumentSchema } from '../model/index.js';
import { isPlainNumber, parsePlainNumber } from '../text/plain-number.js';
import { cleanText, cleanTitle } from './clean-text.js';
import { inferDocumentMeta } from './document-meta.js';
import { findSplitColumns, foldColumns, joinOverlongHeaderRow } from './fold-split-columns.js';
import { placeGridCell, resolveGridHeaderLayout, resolveHeaderLayout, type GridHeaderCell } from './header-paths.js';
import { crossesHeaderEdges, liftLabelsFromTotalRow } from './labels-in-total-row.js';
import { parseMetaRow, type MetaLine } from './metadata-lines.js';
import { findPanels } from './panels.js';
import { realignShiftedRows } from './realign-shifted-rows.js';
import { extendMergedCells, isCutContinuation, keyColumns, rejoinCutRow, rejoinWrappedTail, splitMergedTail } from './rejoin-cut-cells.js';
import { joinSplitRows } from './split-rows.js';
import { groupTables, type TableGroup } from './table-groups.js';
import { tableKindByTitle } from './table-kind.js';
import { rowKey, type WorkCell, type WorkRow } from './work-cell.js';

/** First cells of a column-number row (栏次; 档次 is a common misreading; converters break it as 栏 次). */
const COLUMN_NUMBER_ROW = new Set(['栏次', '档次']);
/** Header rows printed below a leading block of body rows (绩效目标表: project info first). */
const LATE_HEADER_FIRST_CELL = new Set(['一级指标']);
const MAX_HEADER_ROWS = 4;
/** How far into a continuation piece a repeated 栏次 row is looked for. */
const MAX_REPEATED_HEADER_ROWS = 6;

/** A row on its way through normalisation, with the printed piece (page) it came from. */
interface PieceRow {
  cells: WorkRow;
  part: number;
  /** The format shows the row's lines going on from the last row of the piece before (RawRow.wrapsFromAbove). */
  wrapsFromAbove?: boolean;
  /** Only its cells with a `joinAbove` do (RawRow.cellsWrapFromAbove). */
  cellsWrapFromAbove?: boolean;
}

/**
 * Raw blocks → canonical Document: tables get their titles, metadata lines, header paths and
 * clean body rows, with pieces printed apart (pages, split Word tables) stitched into one;
 * prose is kept as blocks. Works on any format's RawDocument. What it knows of budgets (the
 * kinds of table, the words of a cover) comes in as `vocabulary` (src/domain/normalize-vocabulary.ts).
 */
export function normalizeDocument(raw: RawDocument, vocabulary: NormalizeVocabulary): Document {
  const diagnostics: Diagnostic[] = [...raw.diagnostics];
  const { groups, consumed } = groupTables(raw);
  const tables: Table[] = [];
  const orgLines: { code: string | null; name: string }[] = [];
  const blocks: Block[] = [];
  const groupAt = new Map(groups.map((g) => [g.firstBlock, g]));

  raw.blocks.forEach((b, i) => {
    if (consumed.has(i)) return;
    if (b.type !== 'table') {
      blocks.push({ order: blocks.length, type: b.type, text: cleanText(b.raw), tableOrder: null, prov: b.prov });
      return;
    }
    const g = groupAt.get(i);
    if (!g) return; // a continuation piece, stitched into its group
    const { table, org, diagnostics: d } = buildTable(g, tables.length, vocabulary.tableKinds);
    tables.push(table);
    if (org) orgLines.push(org);
    diagnostics.push(...d);
    blocks.push({ order: blocks.length, type: 'table', text: table.title ?? '', tableOrder: table.order, prov: g.prov });
  });

  const texts = blocks.filter((b) => b.type !== 'table').map((b) => b.text);
  const meta = inferDocumentMeta(tables, texts, orgLines, vocabulary.documentMeta);
  return DocumentSchema.parse({
    schemaVersion: 1,
    format: raw.format,
    encoding: raw.encoding,
    extractor: raw.extractor,
    org: meta.org,
    year: meta.year,
    docKind: meta.docKind,
    blocks,
    tables,
    diagnostics,
  });
}

function toWorkRow(r: RawRow): WorkRow {
  return r.cells.map((c) => ({ raw: c.raw, text: cleanText(c.raw), prov: c.prov, ...(c.joinAbove !== undefined ? { joinAbove: c.joinAbove } : {}), ...(c.number !== undefined ? { number: c.number } : {}) }));
}

/**
 * A `grid` row as Word's text export would print it: one cell per merged region, and a "" where
 * the row continues a vertically merged cell above — so the rules for titles, metadata rows,
 * header and body read it exactly as they read a text export; each cell keeps its grid place.
 */
function toGridWorkRow(r: RawRow): WorkRow {
  const isHeader = r.cells.length > 0 && r.cells.every((c) => c.isHeader);
  let next = 0;
  const cells: WorkCell[] = r.cells.map((c) => {
    const col = c.col ?? next;
    next = col + (c.colspan ?? 1);
    return { raw: c.raw, text: cleanText(c.raw), prov: c.prov, grid: { col, colspan: c.colspan ?? 1, rowspan: c.rowspan ?? 1, covered: false, isHeader }, ...(c.joinAbove !== undefined ? { joinAbove: c.joinAbove } : {}), ...(c.number !== undefined ? { number: c.number } : {}) };
  });
  for (const v of r.covered ?? []) cells.push({ raw: '', text: '', prov: v.prov, grid: { col: v.col, colspan: v.colspan, rowspan: 1, covered: true, isHeader } });
  return cells.sort((a, b) => a.grid!.col - b.grid!.col);
}

const toGridHeaderCell = (c: WorkCell): GridHeaderCell => ({ text: c.text, col: c.grid!.col, colspan: c.grid!.colspan, rowspan: c.grid!.rowspan, covered: c.grid!.covered });

const isNumberRow = (r: WorkRow) => COLUMN_NUMBER_ROW.has((r[0]?.text ?? '').replace(/\s+/gu, ''));
const isBlankRow = (r: WorkRow) => r.every((c) => c.text === '');

function buildTable(g: TableGroup, order: number, kinds: NormalizeVocabulary['tableKinds']): { table: Table; org: { code: string | null; name: string } | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const positional = g.layout === 'positional';
  const grid = g.layout === 'grid';
  const metaLines: MetaLine[] = [...g.meta];

  // every piece starts, in Word's text export, with the org / year / unit rows under the title
  let rows: PieceRow[] = [];
  g.parts.forEach((part, p) => {
    let pieceRows: PieceRow[] = part.map((r) => ({ cells: (grid ? toGridWorkRow : toWorkRow)(r), part: p, ...(r.wrapsFromAbove ? { wrapsFromAbove: true } : {}), ...(r.cellsWrapFromAbove ? { cellsWrapFromAbove: true } : {}) }));
    while (pieceRows.length) {
      const parsed = parseMetaRow(pieceRows[0]!.cells.map((c) => c.text));
      if (!parsed) break;
      if (p === 0) metaLines.push(...parsed);
      pieceRows = pieceRows.slice(1);
    }
    rows.push(...pieceRows.filter((r) => !isBlankRow(r.cells)));
  });
  const meta = tableMeta(metaLines);
  const orgLine = metaLines.find((l) => l.field === 'org');

  let width = tableWidth(rows.map((r) => r.cells));
  if (positional) rows = rows.map((r) => ({ ...r, cells: trimTrailingEmpty(r.cells, width) }));
  const split = splitHeader(rows, width, g.layout);
  const lifted = grid && split.after[0] && !split.numbers ? liftLabelsFromTotalRow(split.header.map((r) => r.cells), split.after[0].cells) : null;
  if (lifted) split.after[0] = { ...split.after[0]!, cells: lifted.row };
  let header = lifted?.header ?? split.header.map((r) => r.cells);
  let numbers = split.numbers?.cells ?? null;
  let after = dropRepeatedHeaders(split.after, [...header, ...(numbers ? [numbers] : [])]);

  if (positional) {
    header = header.map((r) => joinOverlongHeaderRow(r, width));
    if (numbers) {
      numbers = numbers.slice(0, Math.max(width, lastFilled(numbers) + 1));
      const folds = findSplitColumns(numbers, after.map((r) => r.cells));
      if (folds.length) {
        header = header.map((r) => foldColumns(r, folds));
        numbers = foldColumns(numbers, folds);
        after = after.map((r) => ({ ...r, cells: foldColumns(r.cells, folds) }));
        width -= folds.length;
      }
    }
    const realigned = realignShiftedRows(after.map((r) => r.cells), width);
    after = after.map((r, k) => ({ ...r, cells: realigned[k]! }));
  }
  after = rejoinCutRows(after, width);
  // rows printed before a late header (a 绩效目标表's project info) are cut by page breaks too
  const before = rejoinCutRows(split.before, width);

  const gridLayout = grid
    ? resolveGridHeaderLayout(header.map((r) => r.map(toGridHeaderCell)), [...(numbers ? [numbers] : []), ...sameGridRows(split, after, width)].map((r) => r.map(toGridHeaderCell)))
    : null;
  const layout = gridLayout ?? resolveHeaderLayout(header.map((r) => r.map((c) => c.text)), Math.max(width, numbers?.length ?? 0), positional ? 'positional' : 'compact');
  const nCols = layout.paths.length;
  const place = g.title?.prov[0] ?? g.prov[0];
  for (const d of layout.diagnostics) diagnostics.push({ ...d, stage: 'normalize', ...(place ? { place } : {}) });

  const cells: Cell[] = [];
  header.forEach((r, ri) => {
    for (const pc of layout.rows[ri]!) {
      if (pc.mergedAbove) continue;
      const wc = r[pc.index]!;
      cells.push(makeCell(ri, pc.start, wc, true, pc.rowspan, Math.max(1, pc.end - pc.start)));
    }
  });
  if (numbers && gridLayout) {
    for (const wc of numbers) {
      if (wc.grid!.covered) continue;
      const { start, end } = placeGridCell(gridLayout.bounds, wc.grid!);
      cells.push(makeCell(header.length, start, wc, true, 1, Math.max(1, end - start)));
    }
  } else if (numbers) numbers.forEach((wc, ci) => cells.push(makeCell(header.length, ci, wc, true)));
  const headerRows = header.length + (numbers ? 1 : 0);

  const afterCells = after.map((r) => r.cells);
  // only Word's text export splits a row at an empty paragraph; a grid or positional row is whole
  const joined = g.layout !== 'compact' ? afterCells.map((_, i) => [i]) : joinSplitRows(afterCells.map((r) => r.length), nCols);
  const bodyRows: WorkRow[] = [...before.map((r) => r.cells), ...joined.map((ix) => ix.flatMap((i) => afterCells[i]!))];
  bodyRows.forEach((r, bi) => {
    // rows printed before the header (a 绩效目标表's project-info block) are not cut on its columns: they stay as printed
    if (gridLayout && bi >= before.length) cells.push(...placeGridRow(r, gridLayout.bounds, headerRows + bi));
    else r.forEach((wc, ci) => cells.push(makeCell(headerRows + bi, ci, wc, false)));
  });

  const moved = spreadCollidingCells(cells);
  if (moved) diagnostics.push({ severity: 'warning', code: 'cell-place-taken', stage: 'normalize', message: `${moved} cell(s) placed where another cell of the row already was; each moved to the next free column`, ...(place ? { place } : {}) });
  const columns: Column[] = layout.paths.map((path, index) => ({ index, path }));
  const title = g.title ? cleanTitle(g.title.raw) : null;
  const table: Table = {
    order,
    title,
    titleRaw: g.title?.raw ?? null,
    kind: tableKindByTitle(title, kinds),
    unit: meta.unit ?? unitFromHeader(layout.paths),
    meta,
    columns,
    ...withPanels(layout.paths),
    headerRows,
    nRows: bodyRows.length,
    nCols,
    cells,
    prov: [...(g.title ? g.title.prov : []), ...g.prov],
  };
  return { table, org: orgLine && orgLine.field === 'org' ? { code: orgLine.code, name: orgLine.name } : null, diagnostics };
}

/**
 * Two cells at one place of a row (header cells of a grid whose edges do not line up with the
 * columns): the later one moves to the next free column, so no cell is lost and each place
 * holds one. Returns how many moved.
 */
function spreadCollidingCells(cells: Cell[]): number {
  const taken = new Set<string>();
  let moved = 0;
  for (const c of cells) {
    if (taken.has(`${c.row},${c.col}`)) {
      while (taken.has(`${c.row},${c.col}`)) c.col++;
      moved++;
    }
    taken.add(`${c.row},${c.col}`);
  }
  return moved;
}

/**
 * A body row of a format that records its merges, each cell in the column its grid place
 * says, with its true spans: a cell merged across columns leaves those columns without cells
 * of their own (the export prints them ""), so the cells after it keep their columns. A cell
 * off the header's grid takes the next free column rather than overlap the one before.
 */
function placeGridRow(r: WorkRow, bounds: number[], row: number): Cell[] {
  const out: Cell[] = [];
  let next = 0;
  for (const wc of r) {
    let { start, end } = placeGridCell(bounds, wc.grid!);
    if (start < next) start = next;
    end = Math.max(end, start + 1);
    out.push(makeCell(row, start, wc, false, wc.grid!.covered ? 1 : wc.grid!.rowspan, end - start));
    next = end;
  }
  return out;
}

/** Full-width body rows printed on the header's grid (same Word table), whose cell edges refine the columns. */
function sameGridRows(split: { header: PieceRow[] }, after: PieceRow[], width: number): WorkRow[] {
  const part = split.header[split.header.length - 1]?.part;
  return after.filter((r) => r.part === part && r.cells.length === width).map((r) => r.cells);
}

function withPanels(paths: string[][]): { panels?: number[] } {
  const panels = findPanels(paths);
  return panels ? { panels } : {};
}

function lastFilled(r: WorkRow): number {
  for (let i = r.length - 1; i >= 0; i--) if (r[i]!.text !== '') return i;
  return -1;
}

/**
 * At the start of each continuation piece, drops the repeated page header: rows equal to a
 * header row (compared without white space, since converters break words differently on each
 * page: `科目编码` / `科目 编 码`), and everything up to a repeated 栏次 row.
 */
function dropRepeatedHeaders(rows: PieceRow[], header: WorkRow[]): PieceRow[] {
  const keys = new Set(header.map(rowKey));
  const out: PieceRow[] = [];
  let i = 0;
  while (i < rows.length) {
    const part = rows[i]!.part;
    const starts = i === 0 || rows[i - 1]!.part !== part;
    if (starts && header.length) {
      let end = i;
      while (end < rows.length && rows[end]!.part === part) end++;
      const numbersAt = rows.slice(i, Math.min(end, i + MAX_REPEATED_HEADER_ROWS)).findIndex((r) => isNumberRow(r.cells));
      let k = numbersAt >= 0 && header.some(isNumberRow) ? i + numbersAt + 1 : i;
      while (k < end && keys.has(rowKey(rows[k]!.cells))) k++;
      i = k;
      if (i >= end) continue;
    }
    out.push(rows[i]!);
    i++;
  }
  return out;
}

/**
 * At each page break, a first row that is the cut-off rest of the row above is joined to it:
 * when the format shows it wrapping on, else by the text rule (an empty key column). When the
 * format shows only some of its cells going on (cells merged down that the break runs through),
 * those join the cells above and the row stays, "" in their places.
 */
function rejoinCutRows(rows: PieceRow[], width: number): PieceRow[] {
  const firsts = new Set(rows.map((r, i) => (i > 0 && rows[i - 1]!.part !== r.part ? i : -1)).filter((i) => i > 0));
  if (firsts.size === 0) return rows;
  const keys = keyColumns(rows.filter((_, i) => !firsts.has(i)).map((r) => r.cells), width);
  const out: PieceRow[] = [];
  rows.forEach((r, i) => {
    const above = out[out.length - 1];
    if (firsts.has(i) && above && r.wrapsFromAbove) {
      const start = out.findIndex((x) => x.part === above.part);
      const joined = rejoinWrappedTail(out.slice(start).map((x) => x.cells), r.cells);
      if (joined) {
        joined.forEach((cells, k) => (out[start + k] = { ...out[start + k]!, cells }));
        return;
      }
    }
    if (firsts.has(i) && above && r.cellsWrapFromAbove) {
      const start = out.findIndex((x) => x.part === above.part);
      const split = splitMergedTail(r.cells);
      const joined = rejoinWrappedTail(out.slice(start).map((x) => x.cells), split.tail);
      if (joined) {
        const rest = extendMergedCells(joined, split.tail, split.rest);
        joined.forEach((cells, k) => (out[start + k] = { ...out[start + k]!, cells }));
        out.push({ ...r, cells: rest });
        return;
      }
    }
    if (firsts.has(i) && above && isCutContinuation(r.cells, above.cells, keys)) out[out.length - 1] = { ...above, cells: rejoinCutRow(above.cells, r.cells) };
    else out.push(r);
  });
  return out;
}

/** A canonical cell; a body cell's value is the number its format stores, when it stores one, else the number its text prints. */
function makeCell(row: number, col: number, wc: WorkCell, isHeader: boolean, rowspan = 1, colspan = 1): Cell {
  const value = isHeader ? null : (wc.number ?? parsePlainNumber(wc.text));
  const confidence = ocrConfidence(wc.prov);
  return { row, col, rowspan, colspan, isHeader, text: wc.text, raw: wc.raw, value, prov: wc.prov, ...(confidence !== undefined ? { confidence } : {}) };
}

/** The OCR confidence of a cell's text: its least certain piece's; undefined when no piece was read by OCR. */
function ocrConfidence(prov: Provenance[]): number | undefined {
  let least: number | undefined;
  for (const p of prov) if (p.kind === 'pdf' && p.ocr && (least === undefined || p.ocr.confidence < least)) least = p.ocr.confidence;
  return least;
}

function tableMeta(lines: MetaLine[]): TableMeta {
  const meta: TableMeta = { org: null, year: null, unit: null, asOf: null };
  for (const l of lines) {
    if (l.field === 'org') meta.org ??= l.text;
    else if (l.field === 'year') meta.year ??= l.year;
    else if (l.field === 'unit') meta.unit ??= l.unit;
    else if (l.field === 'asOf') meta.asOf ??= l.date;
  }
  return meta;
}

/** A unit printed inside a header, e.g. 价值（金额单位：万元）. */
function unitFromHeader(paths: string[][]): string | null {
  for (const p of paths) for (const h of p) {
    const m = /单位[:：]\s*([^）)\s]+)/u.exec(h);
    if (m) return m[1]!;
  }
  return null;
}

/**
 * The number of columns: the 栏次 row's, up to its last number, when no row has anything
 * further right (converters print a stray empty cell at the end of every row, seed 002 L130);
 * else the most common row length (ties: the wider).
 */
function tableWidth(rows: WorkRow[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) if (!isNumberRow(r)) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [len, n] of counts) if (n > bestCount || (n === bestCount && len > best)) [best, bestCount] = [len, n];
  const numbers = rows.find(isNumberRow);
  if (!numbers) return best;
  const numbered = lastFilled(numbers) + 1;
  const beyond = rows.some((r) => r.slice(numbered).some((c) => c.text !== '') && !isOverlongHeader(r, numbered));
  return beyond ? Math.max(numbered, best) : numbered;
}

/** A header row whose labels were split into more cells than there are columns (see joinOverlongHeaderRow). */
function isOverlongHeader(r: WorkRow, width: number): boolean {
  return !r.some((c) => isPlainNumber(c.text)) && r.filter((c) => c.text !== '').length <= width;
}

/** Positional rows may carry empty cells past the table's last column; they are not cells. */
function trimTrailingEmpty(r: WorkRow, width: number): WorkRow {
  let end = r.length;
  while (end > width && r[end - 1]!.text === '') end--;
  return end === r.length ? r : r.slice(0, end);
}

/**
 * Header rows, the 栏次 row, and the body rows printed before and after the header. The header
 * is: everything above the 栏次 row; else a late header row (一级指标 …) with the rows before it
 * kept as body; else the first row, and each next row while the row above it still needs a row
 * below (compact: it is narrower than the table; positional: it has a gap this row fills) and
 * it holds no numbers.
 */
function splitHeader(rows: PieceRow[], width: number, layout: TableGroup['layout']): { header: PieceRow[]; numbers: PieceRow | null; before: PieceRow[]; after: PieceRow[] } {
  const n = rows.findIndex((r) => isNumberRow(r.cells));
  if (n >= 0 && n <= MAX_HEADER_ROWS) return { header: rows.slice(0, n), numbers: rows[n]!, before: [], after: rows.slice(n + 1) };
  const late = rows.findIndex((r) => LATE_HEADER_FIRST_CELL.has(r.cells[0]?.text ?? ''));
  if (late >= 0) return { header: [rows[late]!], numbers: null, before: rows.slice(0, late), after: rows.slice(late + 1) };
  if (rows.length === 0) return { header: [], numbers: null, before: [], after: [] };
  const hasNumbers = (r: PieceRow) => r.cells.some((c) => isPlainNumber(c.text));
  if (layout === 'grid') {
    // the format says which rows are header rows (w:tblHeader: Word repeats them on every page)
    let marked = 0;
    while (marked < rows.length && marked < MAX_HEADER_ROWS && rows[marked]!.cells.some((c) => c.grid?.isHeader) && !hasNumbers(rows[marked]!)) marked++;
    if (marked > 0) return { header: rows.slice(0, marked), numbers: null, before: [], after: rows.slice(marked) };
  }
  // a grid header also goes on while a header cell above still spans down into the next row
  const spansInto = (h: number) => rows.slice(0, h).some((r, i) => r.cells.some((c) => !!c.grid && !c.grid.covered && i + c.grid.rowspan > h));
  const needsRowBelow = (h: number) => {
    const above = rows[h - 1]!.cells;
    const below = rows[h]!.cells;
    if (layout === 'positional') return above.some((c, i) => i > 0 && c.text === '' && (below[i]?.text ?? '') !== '');
    if (layout === 'grid' && crossesHeaderEdges(rows.slice(0, h).map((r) => r.cells), rows[h]!.cells)) return false;
    return above.length < width || (layout === 'grid' && spansInto(h));
  };
  let h = 1;
  while (h < rows.length && h < MAX_HEADER_ROWS && needsRowBelow(h) && !hasNumbers(rows[h]!)) h++;
  return { header: rows.slice(0, h), numbers: null, before: [], after: rows.slice(h) };
}
