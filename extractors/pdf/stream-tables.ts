import { DEFAULT_TABLE_SETTINGS, type TableSettings } from '../../src/model/table-settings.js';
import type { Glyph } from './page-content.js';
import type { Box, GridCell, PageTable } from './ruled-tables.js';
import { groupLines, makeLine, splitAtGaps, type TextLine } from './text-lines.js';

/**
 * Unruled ("stream") tables: columns from text alignment across rows, as tabula's
 * BasicExtractionAlgorithm does it. Each printed line is a row; a line falls apart into chunks
 * at gaps wider than a word space; chunks of different lines that overlap horizontally are one
 * column (a column grows as rows widen it); a chunk goes into the first column whose right edge
 * it starts before. The result has the shape of a ruled table (grid lines and one cell per grid
 * place), so it is printed and handed on like one.
 */

/** All the glyphs as one stream table (tabula `-t` on an area the user chose): null when there is no text. */
export function streamTable(glyphs: Glyph[], settings: TableSettings = DEFAULT_TABLE_SETTINGS): PageTable | null {
  const lines = groupLines(glyphs);
  if (lines.length === 0) return null;
  return gridFromLines(lines.map(chunker(settings.chunkGapEm)));
}

/** How strict table detection on a whole page is. */
export interface StreamDetection {
  /** Fewest rows of a table. */
  minRows: number;
  /** Fewest columns, and fewest chunks on each of its lines. */
  minCols: number;
}

/** Detection when the user asked for stream tables (by default two rows of two cells make a table). */
export const askedDetection = (s: TableSettings): StreamDetection => ({ minRows: s.streamMinRowsCount, minCols: s.streamMinColumnsCount });
export const ASKED: StreamDetection = askedDetection(DEFAULT_TABLE_SETTINGS);

/**
 * Detection on a page without ruled tables when nothing was asked (`auto`): prose must never
 * become a table, so a table needs three rows in a row that each fall apart into three or more
 * chunks at wide gaps. Justified prose, a title, an org line with its unit line on the right
 * (two chunks) never do.
 */
export const autoDetection = (s: TableSettings): StreamDetection => ({ minRows: s.autoMinRowsCount, minCols: s.autoMinColumnsCount });
export const AUTO: StreamDetection = autoDetection(DEFAULT_TABLE_SETTINGS);

/**
 * Stream tables on a page: runs of consecutive lines that fall apart at wide gaps into at least
 * `minCols` chunks each, close below one another, at least `minRows` of them, whose chunks line
 * up into as many columns as the widest row has chunks (a run whose chunks do not line up is
 * text set in columns, not a table). A shorter line inside a run — the second line of a cell
 * that wrapped, a label printed above or below a row's amounts — stays in it when it is close
 * and each of its pieces sits within one column of the rows so far; a line that spans columns
 * (the paragraph under the table) ends the run. Tables are returned top to bottom.
 */
export function findStreamTables(glyphs: Glyph[], detection: StreamDetection, settings: TableSettings = DEFAULT_TABLE_SETTINGS): PageTable[] {
  const chunks = chunker(settings.chunkGapEm);
  const lines = groupLines(glyphs);
  const runs: TextLine[][] = [];
  let run: TextLine[] = [];
  // short lines after the run's last tabular line: kept if the run goes on, or if they fit its columns
  let pending: TextLine[] = [];
  // short lines right above where a run starts: perhaps its header (see headerLines)
  let lead: TextLine[] = [];
  const flush = () => {
    if (run.length >= detection.minRows) {
      run.push(...pending.filter((l) => fitsColumns(l, run, chunks)));
      runs.push([...headerLines(lead, run, chunks), ...run]);
    }
    run = [];
    pending = [];
    lead = [];
  };
  for (const line of lines) {
    const tabular = splitAtGaps(line, settings.rowGapEm).length >= detection.minCols;
    const prev = pending.at(-1) ?? run.at(-1) ?? lead.at(-1);
    const close = prev !== undefined && prev.baseline - line.baseline <= settings.maxRowSpacingEm * Math.max(prev.size, line.size);
    if (!close) flush();
    if (tabular) {
      run.push(...pending, line);
      pending = [];
    } else if (run.length > 0 && withinPitch(prev!, line, run) && fitsColumns(line, run, chunks)) pending.push(line);
    else {
      if (run.length > 0) flush();
      lead.push(line);
    }
  }
  flush();
  const tables: PageTable[] = [];
  for (const r of runs) {
    // the run's lines are in page order: lines come top to bottom, pending ones after the run, header ones before
    const chunked = r.map(chunks);
    const widest = Math.max(...chunked.map((c) => c.length));
    const table = gridFromLines(chunked);
    if (table && table.xs.length - 1 >= detection.minCols && table.xs.length - 1 <= widest) tables.push(table);
  }
  return tables;
}

/**
 * A short line no further below the line before it than the run's rows are from one another (a
 * fifth more, for rounding): a title set apart by a blank line above the next table is not a
 * line of this one. Before the run has two lines, any close line is.
 */
function withinPitch(prev: TextLine, line: TextLine, run: TextLine[]): boolean {
  if (run.length < 2) return true;
  return prev.baseline - line.baseline <= rowPitch(run) * 1.2;
}

/** The widest distance between baselines of neighbouring lines of a run. */
function rowPitch(run: TextLine[]): number {
  let pitch = 0;
  for (let i = 1; i < run.length; i++) pitch = Math.max(pitch, run[i - 1]!.baseline - run[i]!.baseline);
  return pitch;
}

/**
 * The header lines above a run that do not line up as a row themselves (a heading centred over
 * two columns, with the row-spanning headings printed between its lines): going up from the
 * run, the first within the run's row pitch, each next one set close above it (1.5 ems, single
 * spaced as one header's lines are), all fitting the run's columns, and together covering two
 * columns or more. A unit line or a title above the table covers one column or spans several.
 */
function headerLines(lead: TextLine[], run: TextLine[], chunks: Chunker): TextLine[] {
  const out: TextLine[] = [];
  let below = run[0]!;
  for (let i = lead.length - 1; i >= 0; i--) {
    const line = lead[i]!;
    const limit = out.length === 0 ? rowPitch(run) * 1.2 : 1.5 * Math.max(line.size, below.size);
    if (line.baseline - below.baseline > limit || !fitsColumns(line, run, chunks)) break;
    out.unshift(line);
    below = line;
  }
  return columnsCovered(out, run, chunks) >= 2 ? out : [];
}

function columnsCovered(lines: TextLine[], run: TextLine[], chunks: Chunker): number {
  const columns = columnRegions(run.map(chunks));
  const pieces = lines.flatMap(chunks);
  return columns.filter((c) => pieces.some((p) => p.x0 <= c.x1 && p.x1 >= c.x0)).length;
}

/**
 * Each piece of `line` overlaps exactly one column of the rows `run` has (a short line of a
 * cell, which may be wider than that column's text so far), none across two.
 */
function fitsColumns(line: TextLine, run: TextLine[], chunks: Chunker): boolean {
  const columns = columnRegions(run.map(chunks));
  return chunks(line).every((piece) => columns.filter((c) => piece.x0 <= c.x1 && piece.x1 >= c.x0).length === 1);
}

/** A line's chunks (pieces set apart by more than `chunkGapEm`, wider than any word space). */
type Chunker = (line: TextLine) => TextLine[];

/** Chunks are asked for again for every short line a run meets, so each line's are made once per search. */
function chunker(gapEm: number): Chunker {
  const seen = new WeakMap<TextLine, TextLine[]>();
  return (line) => {
    let c = seen.get(line);
    if (!c) seen.set(line, (c = splitAtGaps(line, gapEm)));
    return c;
  };
}

/** Columns as tabula's columnPositions: regions of chunks that overlap horizontally, line by line. */
function columnRights(rows: TextLine[][]): number[] {
  return columnRegions(rows)
    .map((r) => r.x1)
    .sort((a, b) => a - b);
}

function columnRegions(rows: TextLine[][]): { x0: number; x1: number }[] {
  const regions: { x0: number; x1: number }[] = [];
  for (const chunks of rows) {
    const left = [...chunks];
    for (const r of regions) {
      const over = left.filter((c) => c.x0 <= r.x1 && c.x1 >= r.x0);
      for (const c of over) {
        r.x0 = Math.min(r.x0, c.x0);
        r.x1 = Math.max(r.x1, c.x1);
        left.splice(left.indexOf(c), 1);
      }
    }
    for (const c of left) regions.push({ x0: c.x0, x1: c.x1 });
  }
  return mergeOverlapping(regions);
}

/**
 * Regions that came to overlap are one column: a line's chunk that reaches over two regions
 * opened by the lines above (a header line read first: 收入 centred over 项目, then 项目 itself,
 * both under the row's long name) grows both, and two columns on the same place would leave
 * one of them empty in every row.
 */
function mergeOverlapping(regions: { x0: number; x1: number }[]): { x0: number; x1: number }[] {
  const out: { x0: number; x1: number }[] = [];
  for (const r of [...regions].sort((a, b) => a.x0 - b.x0)) {
    const last = out[out.length - 1];
    if (last && r.x0 <= last.x1) last.x1 = Math.max(last.x1, r.x1);
    else out.push({ ...r });
  }
  return out;
}

function gridFromLines(rows: TextLine[][]): PageTable | null {
  const all = rows.flat();
  if (all.length === 0) return null;
  const rights = columnRights(rows);
  const x0 = Math.min(...all.map((c) => c.x0));
  const xs = [x0, ...rights];
  // row boundaries halfway between one line's bottom and the next one's top
  const ys = [Math.max(...rows[0]!.map((c) => c.y1))];
  for (let i = 1; i < rows.length; i++) ys.push((Math.min(...rows[i - 1]!.map((c) => c.y0)) + Math.max(...rows[i]!.map((c) => c.y1))) / 2);
  ys.push(Math.min(...rows[rows.length - 1]!.map((c) => c.y0)));
  const cells: GridCell[] = [];
  rows.forEach((chunks, r) => {
    const byCol = new Map<number, Glyph[]>();
    for (const c of chunks) {
      const k = rights.findIndex((right) => c.x0 <= right);
      const col = k < 0 ? rights.length - 1 : k;
      byCol.set(col, [...(byCol.get(col) ?? []), ...c.glyphs]);
    }
    for (let col = 0; col < rights.length; col++) {
      const gs = byCol.get(col) ?? [];
      const box: Box = [xs[col]!, ys[r + 1]!, xs[col + 1]!, ys[r]!];
      cells.push({ row: r, col, rowspan: 1, colspan: 1, box, text: gs.length ? makeLine(gs).text : '', glyphs: gs });
    }
  });
  return { box: [xs[0]!, ys[ys.length - 1]!, xs[xs.length - 1]!, ys[0]!], xs, ys, cells, unruled: true };
}
