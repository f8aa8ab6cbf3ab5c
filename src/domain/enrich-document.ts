import type { AmountCell, Check, Document, IndicatorCell, Table } from '../model/index.js';
import { readAmount } from './amount.js';
import { classifyRows, findCodeColumns } from './classification.js';
import { checkCompleteness } from './completeness-checks.js';
import { inferDocScope } from './document-meta.js';
import { checkCrossTable } from './cross-table-checks.js';
import { checkHierarchy } from './hierarchy-checks.js';
import { parseIndicatorValue } from './indicator-value.js';
import { checkProse } from './prose-checks.js';
import { checkProseRatios } from './prose-ratios.js';
import { checkProseSubjects } from './prose-subjects.js';
import { checkText } from './text-checks.js';
import { checkWording } from './wording-checks.js';
import { checkOrgName } from './org-name-checks.js';
import { checkProsePurposes } from './prose-purposes.js';
import { checkProseListedItems } from './prose-listed-items.js';
import { checkProseExpenseKinds } from './prose-expense-kind.js';
import { checkProseThreePublic } from './prose-three-public.js';
import { checkProseChanges } from './prose-changes.js';
import { checkProseParts } from './prose-parts.js';
import { checkProseItemTotals } from './prose-item-totals.js';
import { checkProseProcurement } from './prose-procurement.js';
import { checkContents } from './contents-checks.js';
import { checkProjectNotes } from './project-note-checks.js';
import { findProseClaims } from './prose-claims.js';
import { normalizeLabel } from './row-outline.js';
import { checkRows, projectInfoPairs } from './row-checks.js';
import type { ReadTable } from './table-finders.js';
import { classifyTableKindByHeader, tableRole } from './table-kinds.js';
import { headerPath, itemLabel, layoutTable, panelColumns, type TableLayout } from './table-layout.js';
import { toYuan } from './units.js';

/**
 * The enrich stage: what makes a Document a budget. Pure — a Document in, a new Document out.
 * Every table gets a kind (by title, else by header structure), its rows their labels and 科目
 * codes, its amount cells their unit and value in yuan, its 绩效 indicator values a parse; the
 * document gets its consistency checks (hierarchy, row arithmetic, cross-table, prose vs tables).
 * Nothing printed is changed.
 */
export function enrichDocument(doc: Document): Document {
  const read: ReadTable[] = [];
  const checks: Check[] = [];
  const tables: Table[] = doc.tables.map((t0) => {
    const kind = t0.kind === 'other' ? classifyTableKindByHeader(t0.columns.map((c) => c.path), bodyTexts(t0), doc.docKind) : t0.kind;
    const table = { ...t0, kind };
    const whole = layoutTable(table);
    const wholeRows = classifyRows(whole, findCodeColumns(whole));
    const panels = panelColumns(table);
    // each panel of a side-by-side table is read as a table of its own: its rows, codes and sums
    const parts = panels.length === 1 ? [{ layout: whole, rowInfo: wholeRows }] : panels.map((cols, i) => readPanel(layoutTable(table, cols), i));
    read.push({ layout: whole, rowInfo: wholeRows });
    for (const p of parts) checks.push(...checkHierarchy(p.layout, p.rowInfo));
    // 收入 beside 支出 is one balance read across both sides; copies of one set of columns are summed each on its own
    if (panels.length > 1 && !sidesOfOneAccount(table, panels)) for (const p of parts) checks.push(...checkRows(p.layout, p.rowInfo));
    else checks.push(...checkRows(whole, wholeRows));
    return {
      ...table,
      rowInfo: parts.flatMap((p) => p.rowInfo),
      amounts: parts.flatMap((p, i) => readAmounts(p.layout).map((a) => (i > 0 ? { ...a, panel: i } : a))).sort((a, b) => a.row - b.row || a.col - b.col),
      indicators: readIndicators(whole),
    };
  });
  checks.push(...checkCrossTable(read));
  checks.push(...checkProse(read, findProseClaims(doc.blocks, doc.year)));
  checks.push(...checkProseRatios(doc.blocks));
  checks.push(...checkProseSubjects(read, doc.blocks));
  checks.push(...checkProseThreePublic(read, doc.blocks, doc.docKind));
  checks.push(...checkProseChanges(doc.blocks, doc.year));
  checks.push(...checkProseParts(doc.blocks));
  checks.push(...checkProseItemTotals(doc.blocks));
  checks.push(...checkProseProcurement(doc.blocks));
  checks.push(...checkProsePurposes(doc.blocks));
  checks.push(...checkProseListedItems(read, doc.blocks));
  checks.push(...checkProseExpenseKinds(read, doc.blocks));
  checks.push(...checkText(doc), ...checkWording(doc), ...checkOrgName(doc), ...checkContents(doc.blocks));
  const prose = doc.blocks.filter((b) => b.type === 'heading' || b.type === 'paragraph').map((b) => b.text);
  const docScope = inferDocScope(tables.map((t) => t.title), prose);
  checks.push(...checkCompleteness({ ...doc, tables, docScope }), ...checkProjectNotes({ ...doc, tables }));
  return { ...doc, tables, checks, docScope };
}

function readPanel(layout: TableLayout, panel: number): ReadTable {
  const rowInfo = classifyRows(layout, findCodeColumns(layout));
  return { layout, rowInfo: panel > 0 ? rowInfo.map((r) => ({ ...r, panel })) : rowInfo };
}

/** Panels whose top header labels differ (收入 | 支出): two sides of one account, not copies of one set of columns. */
function sidesOfOneAccount(table: Table, panels: number[][]): boolean {
  const tops = panels.map((cols) => table.columns[cols[0]!]?.path[0]?.replace(/\s+/gu, '') ?? '');
  return new Set(tops).size === tops.length && tops.every((t) => t === '收入' || t === '支出');
}

/** The texts of a table's body that are not amounts (row labels wherever they are printed). */
function bodyTexts(t: Table): string[] {
  return t.cells.filter((c) => !c.isHeader && c.text !== '' && readAmount(c.text).kind === 'text').map((c) => c.text);
}

/** The amount cells of a table: numbers in its amount columns, and the 预算数 / 资金 of a 绩效目标表's project info. */
function readAmounts(layout: TableLayout): AmountCell[] {
  const t = layout.table;
  const out: AmountCell[] = [];
  const add = (row: number, col: number, item: string | null, column: string[]) => {
    const text = layout.text(row, col);
    const a = layout.amount(row, col);
    if (a.kind !== 'number') return;
    out.push({ row, col, printed: text, value: a.value, decimals: a.decimals, unit: t.unit, yuan: toYuan(a.dec, t.unit), item, column });
  };
  for (const row of layout.rows) for (const col of layout.amountColumns) add(row, col, itemLabel(layout, row, col), headerPath(t, col));
  if (tableRole(t.kind) === 'performance_targets') {
    const project = projectName(layout) ?? t.title;
    for (const row of layout.rows) {
      if (normalizeLabel(layout.text(row, 0)) !== '预算规模及资金用途') continue;
      for (const p of projectInfoPairs(layout, row)) add(row, p.col, project, [p.label]);
    }
  }
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** The 项目名称 printed in a 绩效目标表's project info (seed 003: `项目编码 | … | 项目名称 | 党史宣传研究工作经费`). */
function projectName(layout: TableLayout): string | null {
  for (const row of layout.rows) {
    for (let c = 0; c + 1 < layout.table.nCols; c++) {
      if (normalizeLabel(layout.text(row, c)) === '项目名称' && layout.text(row, c + 1)) return layout.text(row, c + 1);
    }
  }
  return null;
}

/**
 * The indicator values of 绩效 tables: the 指标值 column of indicator rows (those whose first
 * cells name an indicator level, 产出指标 / 数量指标 …), and the 评价标准 columns of a
 * 工作活动绩效目标 table.
 */
function readIndicators(layout: TableLayout): IndicatorCell[] {
  const t = layout.table;
  const role = tableRole(t.kind);
  const out: IndicatorCell[] = [];
  if (role === 'performance_targets' || role === 'org_performance_targets') {
    // 指标值, 年度指标值, 目标值（包含数字及文字描述）— not 指标值确定依据
    const cols = t.columns.filter((c) => /^(?:年度)?(?:指标值|目标值)(?:[（(].*)?$/u.test((c.path.at(-1) ?? '').replace(/\s+/g, ''))).map((c) => c.index);
    for (const row of layout.rows) {
      const levels = [0, 1].map((c) => normalizeLabel(layout.text(row, c)));
      if (!levels.some((l) => /指标$/u.test(l))) continue;
      for (const col of cols) if (layout.text(row, col)) out.push({ row, col, ...parseIndicatorValue(layout.text(row, col)) });
    }
  } else if (role === 'activity_performance_targets') {
    const cols = t.columns.filter((c) => /评价标准|指标值/u.test(c.path.join(''))).map((c) => c.index);
    for (const row of layout.rows) for (const col of cols) if (layout.text(row, col)) out.push({ row, col, ...parseIndicatorValue(layout.text(row, col)) });
  }
  return out;
}
