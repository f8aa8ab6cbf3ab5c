import { isPlainNumber } from '../text/plain-number.js';
import type { WorkCell, WorkRow } from './work-cell.js';

/** Labels of a totals row: the row a producer may print the header's last labels into. */
const TOTAL_LABELS = new Set(['合计', '总计']);

/**
 * Some producers print the header's bottom labels in the same grid row as the body's 合计 row
 * (a Shanghai 决算 template: `类 | 款 | 项 | 合计 | 2,946.25 …` under a 科目编码 cell spanning
 * three columns; `合计 | … | 合计 | 基本支出 | 项目支出` under 本年支出). The labels are the
 * children the spanning header cell lacks: in that row, the cells under a header cell that spans
 * several columns and reaches the header's bottom, when they are two or more labels (no
 * amounts) that tile exactly its columns. They become one more header row; the rest of the row
 * stays the totals row, "" where the labels were. Only in a totals row, so that a first body row
 * of labels under a spanning 项目 (经济分类 | 名称) is never taken for header.
 *
 * Null when the row holds no such labels.
 */
export function liftLabelsFromTotalRow(header: WorkRow[], row: WorkRow): { header: WorkRow[]; row: WorkRow } | null {
  if (!row.every((c) => c.grid) || !header.every((r) => r.every((c) => c.grid))) return null;
  const h = header.length;
  const parents = header.flatMap((r, i) => r.filter((c) => !c.grid!.covered && c.grid!.colspan >= 2 && i + c.grid!.rowspan >= h));
  const lifted = new Set<WorkCell>();
  for (const p of parents) {
    const from = p.grid!.col;
    const to = from + p.grid!.colspan;
    const under = row.filter((c) => c.grid!.col >= from && c.grid!.col < to);
    if (under.length < 2 || !tiles(under, from, to) || !under.every((c) => !c.grid!.covered && c.text !== '' && !isPlainNumber(c.text))) continue;
    for (const c of under) lifted.add(c);
  }
  if (lifted.size === 0 || !row.some((c) => !lifted.has(c) && TOTAL_LABELS.has(c.text.replace(/\s+/gu, '')))) return null;

  // every header cell that reached the old bottom, the spanning parents aside, reaches the new one
  const deeper = header.map((r, i) =>
    r.map((c) => (!c.grid!.covered && i + c.grid!.rowspan >= h && !parents.includes(c) ? { ...c, grid: { ...c.grid!, rowspan: h + 1 - i } } : c)),
  );
  const labels = [...lifted].map((c) => ({ ...c, grid: { ...c.grid!, rowspan: 1, isHeader: true } }));
  const rest = row.map((c) => (lifted.has(c) ? { ...c, raw: '', text: '' } : c));
  return { header: [...deeper, labels], row: rest };
}

/** True when the cells, in order, cover the columns [from, to) exactly, each after the last. */
function tiles(cells: WorkRow, from: number, to: number): boolean {
  let at = from;
  for (const c of [...cells].sort((a, b) => a.grid!.col - b.grid!.col)) {
    if (c.grid!.col !== at) return false;
    at += c.grid!.colspan;
  }
  return at === to;
}

/**
 * True when a cell of `row` crosses an edge of the header cells that end just above it: a cell
 * spanning 功能分类科目编码 and 科目名称 is no label under either, so the row is body.
 */
export function crossesHeaderEdges(header: WorkRow[], row: WorkRow): boolean {
  const h = header.length;
  const edges = new Set<number>();
  header.forEach((r, i) => {
    for (const c of r) {
      if (!c.grid || c.grid.covered || i + c.grid.rowspan !== h) continue;
      edges.add(c.grid.col);
      edges.add(c.grid.col + c.grid.colspan);
    }
  });
  return row.some((c) => !!c.grid && [...edges].some((e) => e > c.grid!.col && e < c.grid!.col + c.grid!.colspan));
}
