import type { Diagnostic } from '../model/index.js';
import { unwrapLines } from '../text/wrapped-lines.js';

/** A printed header cell placed on the column grid: it covers columns [start, end). */
export interface PlacedHeaderCell {
  /** Index of the cell in its printed row. */
  index: number;
  text: string;
  start: number;
  end: number;
  /** Rows this cell covers downwards (a vertically merged cell is printed once, with "" below it). */
  rowspan: number;
  /** True for a "" printed only as the continuation of the merged cell above; it is dropped from the grid. */
  mergedAbove: boolean;
}

export interface HeaderLayout {
  rows: PlacedHeaderCell[][];
  /** One header path per column, outermost first. */
  paths: string[][];
  diagnostics: Omit<Diagnostic, 'stage'>[];
}

/**
 * Word's text export prints a horizontally merged header cell once, so upper header rows are
 * shorter than the table. This places every printed header cell on the column grid. The bottom
 * row must be as wide as the table (or is placed one cell per column); each row above is laid
 * over the one below it: a "" below marks the column of a vertically merged cell above, and each
 * run of filled cells below sits under one spanning cell above. Where the counts leave a choice,
 * runs are split where their first label repeats (收入: 项目 金额 | 支出: 项目 合计 …), then evenly;
 * a layout that still does not fit is reported, never guessed silently.
 */
export function resolveHeaderLayout(headerRows: string[][], width: number, layout: 'compact' | 'positional' = 'compact'): HeaderLayout {
  const diagnostics: HeaderLayout['diagnostics'] = [];
  const rows: PlacedHeaderCell[][] = headerRows.map((r) =>
    r.map((text, index) => ({ index, text, start: index, end: index + 1, rowspan: 1, mergedAbove: false })),
  );
  if (rows.length === 0) return { rows, paths: Array.from({ length: width }, () => []), diagnostics };
  if (layout === 'positional') {
    const placed = placePositional(rows, width);
    markVerticalMerges(placed);
    return { rows: placed, paths: buildPaths(placed, width), diagnostics };
  }

  const bottom = rows[rows.length - 1]!;
  if (bottom.length !== width) {
    diagnostics.push({
      severity: 'warning',
      code: 'header-narrower-than-body',
      message: `bottom header row has ${bottom.length} cells but the table has ${width} columns; cells placed one per column from the left`,
    });
  }
  for (let r = rows.length - 2; r >= 0; r--) {
    const evenSplits: PlacedHeaderCell[][] = [];
    const placed = placeOver(rows[r]!, rows[r + 1]!, evenSplits);
    // a split in equal parts is a guess: said, so a reader who sees a label over the wrong columns knows why
    if (placed) {
      for (const run of evenSplits) {
        diagnostics.push({
          severity: 'info',
          code: 'table-reshaped/header-spans',
          message: `header row ${r + 1}'s cells spread in equal shares over ${run.map((u) => u.text).join(' ')} (no repeated label or 合计 says where one ends)`,
        });
      }
    }
    if (!placed) {
      diagnostics.push({
        severity: 'warning',
        code: 'header-span-ambiguous',
        message: `header row ${r + 1} (${rows[r]!.length} cells) cannot be laid over row ${r + 2} (${rows[r + 1]!.length} cells) unambiguously; cells placed one per column from the left`,
      });
    }
  }
  markVerticalMerges(rows);
  return { rows, paths: buildPaths(rows, width), diagnostics };
}

/**
 * Positional rows print a merged cell as its text followed by empty cells: a filled cell spans
 * the empty cells to its right under which some lower header row has a label (序号 收入 "" 支出 ""
 * over "" 项目 预算数 项目 预算数). The empty cells it covers are not cells of their own.
 */
function placePositional(rows: PlacedHeaderCell[][], width: number): PlacedHeaderCell[][] {
  return rows.map((row, r) => {
    const out: PlacedHeaderCell[] = [];
    for (let i = 0; i < Math.min(row.length, width); i++) {
      const cell = row[i]!;
      if (cell.text !== '') {
        let end = i + 1;
        while (end < width && (row[end]?.text ?? '') === '' && rows.slice(r + 1).some((below) => (below[end]?.text ?? '') !== '')) end++;
        out.push({ ...cell, start: i, end });
        i = end - 1;
      } else out.push({ ...cell, start: i, end: i + 1 });
    }
    return out;
  });
}

/** Places the cells of `upper` over the already placed `lower`; false when no layout fits. */
function placeOver(upper: PlacedHeaderCell[], lower: PlacedHeaderCell[], evenSplits: PlacedHeaderCell[][]): boolean {
  if (upper.length === lower.length) {
    upper.forEach((c, i) => ((c.start = lower[i]!.start), (c.end = lower[i]!.end)));
    return true;
  }
  if (upper.length > lower.length) return false;
  const groups = groupUnits(lower, upper.length, evenSplits);
  if (!groups) return false;
  upper.forEach((c, i) => {
    const g = groups[i]!;
    c.start = g[0]!.start;
    c.end = g[g.length - 1]!.end;
  });
  return true;
}

/** Splits the lower units into `count` contiguous groups, one per upper cell; runs split in equal parts go to `evenSplits`. */
function groupUnits(lower: PlacedHeaderCell[], count: number, evenSplits: PlacedHeaderCell[][]): PlacedHeaderCell[][] | null {
  // segments: each "" alone (a merged cell above), each maximal run of filled cells
  const segments: PlacedHeaderCell[][] = [];
  for (const u of lower) {
    const last = segments[segments.length - 1];
    if (u.text !== '' && last && last[0]!.text !== '') last.push(u);
    else segments.push([u]);
  }
  let extra = count - segments.length;
  if (extra < 0) return null;
  const result: PlacedHeaderCell[][] = [];
  for (const seg of segments) {
    if (extra > 0 && seg[0]!.text !== '' && seg.length > 1) {
      const parts = splitRun(seg, extra);
      if (parts.length > 1 && parts.even) evenSplits.push(seg);
      extra -= parts.length - 1;
      result.push(...parts);
    } else result.push(seg);
  }
  return extra === 0 ? result : null;
}

/** Labels that open a group of amount columns under a spanning header (本年收入: 小计 …; 一般公共预算基本支出: 合计 …). */
const GROUP_OPENERS = new Set(['合计', '小计', '总计']);

/**
 * Splits a run where its first label repeats (收入: 项目 金额 | 支出: 项目 …), else before a
 * 合计/小计 that opens a group of amounts (seed 000 L1279: 科目编码 科目名称 | 合计 人员经费 公用经费),
 * else into equal parts. Uses at most `extra` cuts.
 */
function splitRun(run: PlacedHeaderCell[], extra: number): PlacedHeaderCell[][] & { even?: true } {
  const head = run[0]!.text;
  let cuts = run.map((u, i) => (i > 0 && u.text === head ? i : -1)).filter((i) => i > 0);
  if (cuts.length < extra) cuts = run.map((u, i) => (i > 0 && GROUP_OPENERS.has(u.text) ? i : -1)).filter((i) => i > 0);
  cuts = cuts.slice(0, extra);
  if (cuts.length === 0) {
    for (let parts = extra + 1; parts > 1; parts--) {
      if (run.length % parts === 0) {
        const size = run.length / parts;
        return Object.assign(
          Array.from({ length: parts }, (_, k) => run.slice(k * size, (k + 1) * size)),
          { even: true as const },
        );
      }
    }
    return [run];
  }
  const out: PlacedHeaderCell[][] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(run.slice(from, c));
    from = c;
  }
  out.push(run.slice(from));
  return out;
}

/** A "" exactly under a cell of the same columns is that cell continuing downwards. */
function markVerticalMerges(rows: PlacedHeaderCell[][]): void {
  for (let r = 1; r < rows.length; r++) {
    for (const cell of rows[r]!) {
      if (cell.text !== '') continue;
      const owner = ownerAbove(rows, r, cell);
      if (owner) {
        owner.rowspan += 1;
        cell.mergedAbove = true;
      }
    }
  }
}

function ownerAbove(rows: PlacedHeaderCell[][], r: number, cell: PlacedHeaderCell): PlacedHeaderCell | undefined {
  for (let k = r - 1; k >= 0; k--) {
    const above = rows[k]!.find((c) => c.start === cell.start && c.end === cell.end);
    if (!above) return undefined;
    if (!above.mergedAbove) return above.text === '' && k === 0 ? undefined : above;
  }
  return undefined;
}

/**
 * A header label is a name: where its cell was too narrow the producer broke it over lines —
 * sometimes mid-word, sometimes one character to a line of its own — so its lines are joined
 * as one wrapped run (`一般公共预算\n财\n政拨款` → 一般公共预算财政拨款).
 */
function buildPaths(rows: PlacedHeaderCell[][], width: number): string[][] {
  const paths: string[][] = Array.from({ length: width }, () => []);
  for (const row of rows) {
    for (const c of row) {
      if (c.text === '' || c.mergedAbove) continue;
      const label = unwrapLines(c.text);
      for (let col = c.start; col < Math.min(c.end, width); col++) {
        const p = paths[col]!;
        if (p[p.length - 1] !== label) p.push(label);
      }
    }
  }
  return paths;
}

/** A header cell of a format that records its merges: its text and its place on the source grid. */
export interface GridHeaderCell {
  text: string;
  col: number;
  colspan: number;
  rowspan: number;
  /** Only continues a vertically merged cell above (no text of its own). */
  covered: boolean;
}

/**
 * Header paths from true spans (.docx): nothing is inferred from cell counts. The table's
 * columns are the grid intervals between the edges of the bottom-most header cells (a cell
 * whose rowspan reaches the last header row is bottom-most too), refined by the edges of the
 * 栏次 row and of the full-width body rows printed on the same grid — so a Word grid with extra
 * grid columns (a border that does not line up) still gives one column per printed column.
 * Every header cell covers the columns between its edges; a rowspan is clamped to the header.
 */
export function resolveGridHeaderLayout(headerRows: GridHeaderCell[][], refineWith: GridHeaderCell[][] = []): HeaderLayout & { bounds: number[] } {
  const diagnostics: HeaderLayout['diagnostics'] = [];
  const h = headerRows.length;
  const edges = new Set<number>();
  const addEdges = (c: GridHeaderCell) => {
    edges.add(c.col);
    edges.add(c.col + c.colspan);
  };
  headerRows.forEach((row, r) => row.forEach((c) => !c.covered && r + Math.max(1, c.rowspan) >= h && addEdges(c)));
  for (const row of headerRows) for (const c of row) if (c.covered) addEdges(c);
  const outer = edges.size ? [Math.min(...edges), Math.max(...edges)] : [0, 0];
  for (const row of refineWith) for (const c of row) if (c.col >= outer[0]! && c.col + c.colspan <= outer[1]!) addEdges(c);
  const bounds = [...edges].sort((a, b) => a - b);
  const width = Math.max(0, bounds.length - 1);
  const rows: PlacedHeaderCell[][] = headerRows.map((row, r) =>
    row.map((c, index) => ({
      index,
      text: c.text,
      ...placeGridCell(bounds, c),
      rowspan: Math.max(1, Math.min(c.rowspan, h - r)),
      mergedAbove: c.covered,
    })),
  );
  for (const row of rows) {
    for (const c of row) {
      if (c.end <= c.start && !c.mergedAbove && c.text !== '') {
        diagnostics.push({ severity: 'warning', code: 'header-off-grid', message: `header cell "${c.text}" lies outside the table's columns` });
      }
    }
  }
  return { rows, paths: buildPaths(rows, width), diagnostics, bounds };
}

/** The table columns [start, end) a grid cell covers, given the column edges on the grid. */
export function placeGridCell(bounds: number[], c: { col: number; colspan: number }): { start: number; end: number } {
  const at = (x: number) => {
    const i = bounds.indexOf(x);
    return i >= 0 ? i : nearest(bounds, x);
  };
  return { start: at(c.col), end: at(c.col + c.colspan) };
}

function nearest(bounds: number[], x: number): number {
  let best = 0;
  bounds.forEach((b, i) => {
    if (Math.abs(b - x) < Math.abs(bounds[best]! - x)) best = i;
  });
  return best;
}
