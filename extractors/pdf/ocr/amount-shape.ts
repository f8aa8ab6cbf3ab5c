/**
 * The shape of an amount as OCR should read it (`1,234.56`, `-3.5`, `2010101`): what tells a
 * figure read right from one read as Chinese (`2.27` → `交过区`) or without its point
 * (`55.13` → `5551`) in a column of figures.
 */

/** Digits, thousands commas in their places, a decimal point, a leading minus. */
const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** A dash for "none" stands in a column of figures as printed. */
const NONE = /^[-—–－]+$/;

/** The decimals of an amount-shaped text, null when it has not the shape of an amount. */
export function amountDecimals(text: string): number | null {
  const m = AMOUNT.exec(text);
  return m ? (m[1]?.length ?? 0) : null;
}

/** A column of figures: the row of its first figure (headers are above it) and the decimals its figures print, when most print the same. */
export interface FigureColumn {
  top: number;
  decimals: number | null;
}

/** A cell as the column check sees it. */
export interface ShapeCell {
  row: number;
  col: number;
  colspan: number;
  text: string;
}

/**
 * The columns of a table that hold figures (amounts, 序号, codes): at least two of their cells,
 * and a third of those not empty, have an amount's shape. Their decimals are those of most of
 * the figures (three in five), so that a figure read without its point stands out.
 */
export function figureColumns(cells: readonly ShapeCell[]): Map<number, FigureColumn> {
  const byCol = new Map<number, ShapeCell[]>();
  for (const c of cells) {
    if (c.colspan !== 1 || c.text.trim() === '') continue;
    const list = byCol.get(c.col);
    if (list) list.push(c);
    else byCol.set(c.col, [c]);
  }
  const out = new Map<number, FigureColumn>();
  for (const [col, list] of byCol) {
    const figures = list.filter((c) => amountDecimals(c.text.trim()) !== null);
    if (figures.length < 2 || figures.length * 3 < list.length) continue;
    const counts = new Map<number, number>();
    for (const f of figures) {
      const d = amountDecimals(f.text.trim())!;
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    const [decimals, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    out.set(col, { top: Math.min(...figures.map((f) => f.row)), decimals: n * 5 >= figures.length * 3 ? decimals : null });
  }
  return out;
}

/** Whether a cell's text is a figure as its column prints them (or a dash for none). */
export function fitsColumn(text: string, column: FigureColumn): boolean {
  const t = text.trim();
  if (NONE.test(t)) return true;
  const d = amountDecimals(t);
  return d !== null && (column.decimals === null || d === column.decimals);
}
