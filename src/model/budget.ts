import { z } from 'zod';
import { Provenance } from './provenance.js';

/** The two 科目 systems of Chinese budgets: by function (201 一般公共服务支出) and by economic nature (301 工资福利支出). */
export const ClassificationSystem = z.enum(['功能分类', '经济分类']);
export type ClassificationSystem = z.infer<typeof ClassificationSystem>;

/** The level of a 科目 code: 类 (3 digits), 款 (5), 项 (7, 功能分类 only). */
export const ClassificationLevel = z.enum(['类', '款', '项']);
export type ClassificationLevel = z.infer<typeof ClassificationLevel>;

/** The 科目 a table row is about: its code without spaces, level and parent code (null for a 类). */
export const Classification = z.object({
  system: ClassificationSystem,
  code: z.string(),
  level: ClassificationLevel.nullable(),
  parent: z.string().nullable(),
});
export type Classification = z.infer<typeof Classification>;

/** What a body row of a table is about: its label (科目名称, 项目 …) and 科目 classification. `row` is the cell row. */
export const TableRow = z.object({
  row: z.number().int().min(0),
  /**
   * The panel (index into Table.panels) the row is read in, for a table printed as side-by-side
   * panels: each panel's rows are rows of their own (人员经费 301 beside 公用经费 302 in one
   * printed row). Absent in the first panel and in a table of one panel.
   */
  panel: z.number().int().min(1).optional(),
  label: z.string().nullable(),
  classification: Classification.nullable(),
});
export type TableRow = z.infer<typeof TableRow>;

/**
 * An amount cell: the number exactly as printed, its unit as printed and its value in yuan,
 * with the item (row label) and column it belongs to. `value` is in the printed unit.
 */
export const AmountCell = z.object({
  row: z.number().int().min(0),
  col: z.number().int().min(0),
  printed: z.string(),
  value: z.number(),
  /** Digits printed after the decimal point (929.90 → 2): the precision checks compare at. */
  decimals: z.number().int().min(0),
  unit: z.string().nullable(),
  /** null when the table prints no unit this tool knows. */
  yuan: z.number().nullable(),
  item: z.string().nullable(),
  column: z.array(z.string()),
  /** The panel of its column (see TableRow.panel): the row's 科目 is the one of this panel. */
  panel: z.number().int().min(1).optional(),
});
export type AmountCell = z.infer<typeof AmountCell>;

/** How a 绩效 indicator value reads: a number with a comparison, a range, a date, a yes/no, or words only. */
export const IndicatorKind = z.enum(['number', 'range', 'date', 'yes-no', 'text']);

/** A parsed 绩效 indicator value (`≥95%`, `≤4.3元/平米/天`, `2023年12月底`, `比上年有所提高`); numbers only where printed. */
export const IndicatorValue = z.object({
  kind: IndicatorKind,
  operator: z.enum(['≥', '≤', '>', '<', '=', '≈']).nullable(),
  number: z.number().nullable(),
  /** The upper end of a range (80-90%); null otherwise. */
  upper: z.number().nullable(),
  unit: z.string().nullable(),
  raw: z.string(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

/** An indicator value in its table cell. */
export const IndicatorCell = IndicatorValue.extend({
  row: z.number().int().min(0),
  col: z.number().int().min(0),
});
export type IndicatorCell = z.infer<typeof IndicatorCell>;

/** The families of consistency checks. */
export const CheckRule = z.enum(['hierarchy', 'row-arithmetic', 'cross-table', 'prose', 'text', 'completeness']);
export type CheckRule = z.infer<typeof CheckRule>;

/**
 * How much a failed check matters to a reader: `error` a number disagrees beyond rounding,
 * `warning` wording or metadata, `hint` a difference of at most 0.01 of the unit (the rounding
 * of figures each printed to the cent or the 0.01 万元).
 */
export const CheckSeverity = z.enum(['error', 'warning', 'hint']);
export type CheckSeverity = z.infer<typeof CheckSeverity>;

/**
 * One side of a check: a table cell (tableOrder/row/col) or a sentence of prose (blockOrder),
 * with the value it contributes as printed and where it is in the source.
 */
export const CheckRef = z.object({
  /** `total` the printed value a sum is checked against; `part` an addend; `cell` / `prose` the two sides of a comparison; `text` a title or heading a wording rule is about. */
  role: z.enum(['total', 'part', 'cell', 'prose', 'text']),
  tableOrder: z.number().int().min(0).nullable(),
  row: z.number().int().min(0).nullable(),
  col: z.number().int().min(0).nullable(),
  blockOrder: z.number().int().min(0).nullable(),
  /** The cell text, or the clause of prose that states the amount. */
  text: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  /** Where it is, as a short human description (table title · row · column). */
  label: z.string(),
  prov: z.array(Provenance),
});
export type CheckRef = z.infer<typeof CheckRef>;

/**
 * The outcome of one consistency check over printed numbers. `expected` is what the parts, the
 * other table or the table add up to; `actual` is the printed total, cell or prose amount;
 * both in `unit`. A failed check is a finding about the source, not an error of gongkai.
 */
export const Check = z.object({
  rule: CheckRule,
  /** The specific rule, e.g. `class-sum`, `column-total`, `balance`, `same-total`, `prose-amount`. */
  name: z.string(),
  status: z.enum(['pass', 'fail']),
  /** Null for a pass. */
  severity: CheckSeverity.nullable(),
  message: z.string(),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  difference: z.number().nullable(),
  unit: z.string().nullable(),
  refs: z.array(CheckRef),
});
export type Check = z.infer<typeof Check>;

/** One row of the `fact` view and of `gongkai export --format facts`: one amount cell with its context. */
export const Fact = z.object({
  source: z.string(),
  sha256: z.string(),
  org_code: z.string().nullable(),
  org_name: z.string().nullable(),
  /** The budget year (预算年度) the document is for. */
  year: z.number().int().nullable(),
  doc_kind: z.string().nullable(),
  /** 部门 or 单位 budget; null when the document does not say. */
  doc_scope: z.string().nullable(),
  table_kind: z.string(),
  table_title: z.string().nullable(),
  /** 功能分类 | 经济分类 | none */
  code_system: z.string(),
  /** The row's classification code (科目编码) as printed, e.g. 2010301 or 30201. */
  code: z.string().nullable(),
  /** 类 | 款 | 项 */
  code_level: z.string().nullable(),
  parent_code: z.string().nullable(),
  /** The row's label (科目名称 / 项目). */
  item: z.string().nullable(),
  /** The column header path joined with "/". */
  column_header: z.string(),
  /** 预算数 or 决算数 when the column's header says which figure it is (a 决算 三公 table prints both), else null. */
  value_basis: z.enum(['预算数', '决算数']).nullable(),
  /** The amount as printed, e.g. "1,234.56". */
  printed: z.string(),
  /** The printed amount as a number, in `unit`. */
  amount: z.number(),
  unit: z.string().nullable(),
  /** `amount` in yuan (元), null when the unit is unknown. */
  amount_yuan: z.number().nullable(),
  line: z.number().int().nullable(),
  page: z.number().int().nullable(),
  /** JSON: every provenance piece of the cell. */
  prov: z.string(),
  document_id: z.number().int(),
  table_ord: z.number().int(),
  row: z.number().int(),
  col: z.number().int(),
});
export type Fact = z.infer<typeof Fact>;
