import type { PdfProvenance, RawBlock, RawRow, RawTableBlock } from '../../src/model/index.js';
import type { PageContent } from './page-content.js';
import { pageTables, tablesHold, type TableMethod } from './page-tables.js';
import type { Box, GridCell, RuledTable } from './ruled-tables.js';
import { splitOpenRows } from './open-rows.js';
import { joinCellLines, mergeHeaderCells } from './stream-rows.js';
import { groupLines, splitAtGaps, type TextLine } from './text-lines.js';
import { isTocLine, tocBlock } from './toc-lines.js';

/** Rounds a coordinate to 0.01 pt: stable output, enough for any box. */
const r2 = (v: number) => Math.round(v * 100) / 100;
export const pdfProv = (page: number, box: Box): PdfProvenance => ({ kind: 'pdf', page, bbox: [r2(box[0]), r2(box[1]), r2(box[2]), r2(box[3])] });

/** A gap of this many ems on one printed line separates two text blocks (org line left, unit line right). */
const BLOCK_GAP = 3;

/**
 * One page as blocks in reading order (top to bottom): its tables (page-tables.ts: ruled, or
 * unruled ones found by text alignment) and text blocks — headings, paragraphs — from the lines
 * outside tables. Page numbers and 续表 markers are page furniture, not text, and are dropped.
 */
export function layoutPage(content: PageContent, method: TableMethod = 'auto', areaChosen = false): PageItem[] {
  // here, for the document, a cell printed over several lines is one cell, and rows the rules leave open are rows (pageTables keeps tabula's grid)
  const tables = pageTables(content, method, areaChosen).map((t) => (t.unruled ? mergeHeaderCells(joinCellLines(t)) : splitOpenRows(t)));
  const inTable = tablesHold(tables);
  const free = content.glyphs.filter((g) => !inTable(g));
  const lines = groupLines(free).flatMap((l) => splitAtGaps(l, BLOCK_GAP)).filter((l) => !isFurniture(l, content));
  const items: { top: number; left: number; item: PageItem }[] = [];
  for (const t of tables) items.push({ top: t.box[3], left: t.box[0], item: { kind: 'table', table: t, page: content.page } });
  for (const l of lines.filter((l) => isTocLine(l.text))) items.push({ top: l.y1, left: l.x0, item: { kind: 'text', block: tocBlock(l, (box) => pdfProv(content.page, box)) } });
  for (const p of paragraphs(lines.filter((l) => !isTocLine(l.text)), content)) items.push({ top: p.y1, left: p.x0, item: { kind: 'text', block: p.block } });
  items.sort((a, b) => b.top - a.top || a.left - b.left);
  return items.map((i) => i.item);
}

/** A page's content in reading order: text blocks, and ruled tables still to be printed as blocks. */
export type PageItem = { kind: 'text'; block: RawBlock } | { kind: 'table'; table: RuledTable; page: number };

/**
 * How a ruled table is printed. The rules record each merged cell as one region, exactly as
 * Word records its cells, so the table is printed `compact`, as Word's text export prints it:
 * each row its own cells, a merged cell once, an empty cell where a cell merged from above goes
 * on. This holds for tables on one column grid (budget tables with merged header cells) and
 * for tables whose rows are cut differently (绩效目标表: a 2-cell 绩效目标 row or a project-info
 * block above the indicator rows), where a grid-wide `positional` print would invent columns.
 */
export function tableLayout(_t: RuledTable): 'positional' | 'compact' {
  return 'compact';
}

/**
 * A ruled table as a raw block in the given layout (a continuation piece takes its first
 * piece's); `joinsAbove`: cells that go on from the cell above the page break, and the separator.
 */
export function tableBlock(t: RuledTable, page: number, layout: 'positional' | 'compact', joinsAbove: Map<GridCell, '' | ' ' | '\n'> = new Map()): RawTableBlock {
  const nr = t.ys.length - 1;
  const nc = t.xs.length - 1;
  return layout === 'positional' ? positionalBlock(t, page, nr, nc) : compactBlock(t, page, nr, nc, joinsAbove);
}

function compactBlock(t: RuledTable, page: number, nr: number, nc: number, joinsAbove: Map<GridCell, '' | ' ' | '\n'>): RawTableBlock {
  const rows: RawRow[] = [];
  for (let r = 0; r < nr; r++) {
    const cells: RawRow['cells'] = [];
    for (let k = 0; k < nc; ) {
      const cell = t.cells.find((c) => c.col <= k && k < c.col + c.colspan && c.row <= r && r < c.row + c.rowspan);
      if (!cell) {
        k++;
        continue;
      }
      const join = joinsAbove.get(cell);
      if (cell.row === r) cells.push({ raw: cell.text, prov: [pdfProv(page, cell.box)], ...(cell.rowspan > 1 ? { rowspan: cell.rowspan } : {}), ...(cell.colspan > 1 ? { colspan: cell.colspan } : {}), ...(join !== undefined ? { joinAbove: join } : {}) });
      else cells.push({ raw: '', prov: [pdfProv(page, [t.xs[cell.col]!, t.ys[r + 1]!, t.xs[cell.col + cell.colspan]!, t.ys[r]!])] });
      k = cell.col + cell.colspan;
    }
    rows.push({ cells, prov: [pdfProv(page, [t.xs[0]!, t.ys[r + 1]!, t.xs[nc]!, t.ys[r]!])] });
  }
  return { type: 'table', layout: 'compact', rows, prov: [pdfProv(page, t.box)] };
}

function positionalBlock(t: RuledTable, page: number, nr: number, nc: number): RawTableBlock {
  const rows: RawRow[] = [];
  const at = new Map(t.cells.map((c) => [`${c.row},${c.col}`, c]));
  for (let r = 0; r < nr; r++) {
    const cells: RawRow['cells'] = [];
    for (let k = 0; k < nc; k++) {
      const cell = at.get(`${r},${k}`);
      const box: Box = [t.xs[k]!, t.ys[r + 1]!, t.xs[k + 1]!, t.ys[r]!];
      if (cell) cells.push({ raw: cell.text, prov: [pdfProv(page, cell.box)], ...(cell.rowspan > 1 ? { rowspan: cell.rowspan } : {}), ...(cell.colspan > 1 ? { colspan: cell.colspan } : {}) });
      else cells.push({ raw: '', prov: [pdfProv(page, box)] });
    }
    rows.push({ cells, prov: [pdfProv(page, [t.xs[0]!, t.ys[r + 1]!, t.xs[nc]!, t.ys[r]!])] });
  }
  return { type: 'table', layout: 'positional', rows, prov: [pdfProv(page, t.box)] };
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
    return { x0: box[0], y1: box[3], block: { type: heading ? 'heading' : 'paragraph', raw, prov: [pdfProv(content.page, box)] } as RawBlock };
  });
}

const CJK_END = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u;
const CJK_START = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const joinWrapped = (a: string, b: string) => (CJK_END.test(a) || CJK_START.test(b) ? a + b : `${a} ${b}`);

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0]!;
  for (const [v, n] of counts) if (n > counts.get(best)!) best = v;
  return best;
}
