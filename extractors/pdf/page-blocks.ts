import { joinWrapped } from '../../src/text/wrapped-lines.js';
import type { PdfProvenance, RawBlock, RawCoveredCell, RawRow, RawTableBlock } from '../../src/model/index.js';
import type { PageContent } from './page-content.js';
import { DEFAULT_TABLE_SETTINGS, type TableSettings } from '../../src/model/table-settings.js';
import { documentTables, tablesHold, type TableMethod } from './page-tables.js';
import type { Box, GridCell, PageTable } from './ruled-tables.js';
import { groupLines, splitAtGaps, type TextLine } from './text-lines.js';
import { isTocLine, tocBlock } from './toc-lines.js';
import { withOcrConfidence } from './ocr/ocr-confidence.js';

/** Rounds a coordinate to 0.01 pt: stable output, enough for any box. */
const r2 = (v: number) => Math.round(v * 100) / 100;
export const pdfProv = (page: number, box: Box): PdfProvenance => ({ kind: 'pdf', page, bbox: [r2(box[0]), r2(box[1]), r2(box[2]), r2(box[3])] });

/**
 * One page as blocks in reading order (top to bottom): its tables (page-tables.ts: ruled, or
 * unruled ones found by text alignment) and text blocks — headings, paragraphs — from the lines
 * outside tables. Page numbers and 续表 markers are page furniture, not text, and are dropped.
 */
export function layoutPage(content: PageContent, method: TableMethod = 'auto', areaChosen = false, settings: TableSettings = DEFAULT_TABLE_SETTINGS): PageItem[] {
  const tables = documentTables(content, method, areaChosen, settings);
  const inTable = tablesHold(tables, settings);
  const free = content.glyphs.filter((g) => !inTable(g));
  // a wide gap on one printed line separates two text blocks (org line left, unit line right)
  const lines = groupLines(free).flatMap((l) => splitAtGaps(l, settings.textBlockGapEm)).filter((l) => !isFurniture(l, content));
  const items: { top: number; left: number; item: PageItem }[] = [];
  for (const t of tables) items.push({ top: t.box[3], left: t.box[0], item: { kind: 'table', table: t, page: content.page } });
  const prose: TextLine[] = [];
  for (const l of lines) {
    if (isTocLine(l.text)) items.push({ top: l.y1, left: l.x0, item: { kind: 'text', block: tocBlock(l, (box) => pdfProv(content.page, box)) } });
    else prose.push(l);
  }
  for (const p of paragraphs(prose, content)) items.push({ top: p.y1, left: p.x0, item: { kind: 'text', block: p.block } });
  items.sort((a, b) => b.top - a.top || a.left - b.left);
  return items.map((i) => i.item);
}

/** A page's content in reading order: text blocks, and ruled tables still to be printed as blocks. */
export type PageItem = { kind: 'text'; block: RawBlock } | { kind: 'table'; table: PageTable; page: number };

/**
 * The column edges several pieces of one table (its pages) share: the union of their x edges,
 * edges closer than `sameColumnEdgePt` taken as one. Counting every piece's columns on the same edges
 * keeps a column's index from page to page, whatever rules a page leaves out.
 */
export function sharedEdges(pieces: PageTable[], settings: TableSettings = DEFAULT_TABLE_SETTINGS): number[] {
  const all = pieces.flatMap((t) => t.xs).sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of all) if (out.length === 0 || x - out[out.length - 1]! > settings.sameColumnEdgePt) out.push(x);
  return out;
}

/**
 * A ruled table as a `grid` block: the rules record each merged cell as one region, so each
 * row holds the regions that start in it, with their first column and true spans counted on
 * `edges` (the piece's own, or those it shares with the other pages of its table), and the
 * places where a region from a row above goes on are listed as covered. Nothing is inferred
 * from cell order: a 合计 label across four columns keeps the amounts after it in their columns.
 * `joinsAbove`: cells that go on from the cell above the page break, and the separator.
 */
export function tableBlock(t: PageTable, page: number, edges: number[] = t.xs, joinsAbove: Map<GridCell, '' | ' ' | '\n'> = new Map()): RawTableBlock {
  const nr = t.ys.length - 1;
  const nc = t.xs.length - 1;
  const at = (x: number) => nearestIndex(edges, x);
  const span = (c: GridCell) => {
    const col = at(t.xs[c.col]!);
    return { col, colspan: Math.max(1, at(t.xs[c.col + c.colspan]!) - col) };
  };
  const rows: RawRow[] = [];
  for (let r = 0; r < nr; r++) {
    const cells: RawRow['cells'] = [];
    const covered: RawCoveredCell[] = [];
    for (const cell of t.cells) {
      if (!(cell.row <= r && r < cell.row + cell.rowspan)) continue;
      const place = span(cell);
      if (cell.row === r) {
        const join = joinsAbove.get(cell);
        cells.push({ raw: cell.text, prov: [withOcrConfidence(pdfProv(page, cell.box), cell.glyphs)], ...place, ...(cell.rowspan > 1 ? { rowspan: cell.rowspan } : {}), ...(join !== undefined ? { joinAbove: join } : {}) });
      } else covered.push({ ...place, prov: [pdfProv(page, [t.xs[cell.col]!, t.ys[r + 1]!, t.xs[cell.col + cell.colspan]!, t.ys[r]!])] });
    }
    cells.sort((a, b) => a.col! - b.col!);
    covered.sort((a, b) => a.col - b.col);
    rows.push({ cells, prov: [pdfProv(page, [t.xs[0]!, t.ys[r + 1]!, t.xs[nc]!, t.ys[r]!])], ...(covered.length ? { covered } : {}) });
  }
  return { type: 'table', layout: 'grid', rows, prov: [pdfProv(page, t.box)] };
}

function nearestIndex(xs: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]! - x) < Math.abs(xs[best]! - x)) best = i;
  return best;
}

/**
 * Page numbers (`3`, `- 3 -`, `第 3 页`, `第3页 共10页`) in the top or bottom tenth of the
 * page, and continuation markers (`续表`, `（续）`) are furniture: the table goes on.
 */
function isFurniture(line: TextLine, content: PageContent): boolean {
  const t = line.text.replace(/\s+/gu, '');
  if (/^(?:续表\d*|[（(]续[）)]|续)$/u.test(t)) return true;
  const [, y0, , y1] = content.view;
  const h = y1 - y0;
  const nearEdge = line.y1 < y0 + h * 0.1 || line.y0 > y1 - h * 0.08;
  return nearEdge && /^(?:[-—–‒]?\d{1,4}[-—–‒]?|第\d{1,4}页(?:[,，/]?共\d{1,4}页)?|\d{1,4}\/\d{1,4}|page\d{1,4}(?:of\d{1,4})?)$/iu.test(t);
}

interface Paragraph {
  x0: number;
  y1: number;
  block: RawBlock;
}

/**
 * Lines into text blocks: a line continues the one above when it is set in the same size right
 * below it and the line above ran to the right edge of the text (a wrapped line, not a new
 * paragraph, heading or metadata line). A line set larger than the page's body text is a heading.
 */
function paragraphs(lines: TextLine[], content: PageContent): Paragraph[] {
  if (lines.length === 0) return [];
  const right = Math.max(...lines.map((l) => l.x1));
  const sizes = lines.flatMap((l) => l.glyphs.map((g) => Math.round(g.size * 2) / 2)).sort((a, b) => a - b);
  const body = mode(sizes);
  const out: { lines: TextLine[] }[] = [];
  for (const l of lines) {
    const cur = out[out.length - 1];
    const prev = cur?.lines[cur.lines.length - 1];
    const continues = prev && Math.abs(prev.size - l.size) < 0.5 && prev.baseline - l.baseline <= l.size * 1.9 && prev.baseline > l.baseline && prev.x1 >= right - prev.size * 2 && l.x0 < prev.x1 && !/[。：:；;]$/u.test(prev.text);
    if (continues) cur!.lines.push(l);
    else out.push({ lines: [l] });
  }
  return out.map((p) => {
    const box: Box = [Math.min(...p.lines.map((l) => l.x0)), Math.min(...p.lines.map((l) => l.y0)), Math.max(...p.lines.map((l) => l.x1)), Math.max(...p.lines.map((l) => l.y1))];
    const raw = p.lines.map((l) => l.text).reduce((s, t) => (s === '' ? t : joinWrapped(s, t)), '');
    const heading = p.lines[0]!.size > body + 0.9;
    return { x0: box[0], y1: box[3], block: { type: heading ? 'heading' : 'paragraph', raw, prov: [withOcrConfidence(pdfProv(content.page, box), p.lines.flatMap((l) => l.glyphs))] } as RawBlock };
  });
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0]!;
  for (const [v, n] of counts) if (n > counts.get(best)!) best = v;
  return best;
}
