/** Lowest header labels of the columns that name a row: 项目, 科目名称, 科目编码, 类 / 款 / 项. */
const ROW_NAMING = /项目|名称|编码|代码|^科目|^[类款项]$/u;

/**
 * The panels of a table printed as two or more side-by-side copies of one set of columns (a
 * 基本支出 table with 人员经费 on the left and 公用经费 on the right, each with its own 科目编码 /
 * 科目名称 / 金额): the first column of each panel, or null for a table of one panel. The table
 * stays as printed; the panels say where each copy of the columns starts, so that readers of
 * rows can take each panel's rows as rows of their own (src/domain does: each panel's 科目,
 * facts and sums are read apart).
 *
 * Panels are found from the header alone: the columns' lowest labels repeat as a block of at
 * least two columns (`编码 名称 金额 编码 名称 金额`, or 收入 `项目 决算数` beside 支出 `项目 决算数`)
 * that holds a column naming the rows. Column groups that repeat only amounts (预算数 决算数 under
 * each 三公 item) are not panels.
 */
export function findPanels(paths: string[][]): number[] | null {
  const leaves = paths.map((p) => (p[p.length - 1] ?? '').replace(/\s+/gu, ''));
  const n = leaves.length;
  for (let width = 2; width <= n / 2; width++) {
    if (n % width !== 0) continue;
    const first = leaves.slice(0, width);
    // a panel has a column that names its rows; 预算数/决算数 repeated under each 三公 item are column groups, not panels
    if (!first.some((l) => ROW_NAMING.test(l))) continue;
    const repeats = Array.from({ length: n / width }, (_, k) => leaves.slice(k * width, (k + 1) * width)).every((block) => block.every((l, i) => l === first[i]));
    if (repeats) return Array.from({ length: n / width }, (_, k) => k * width);
  }
  return null;
}
