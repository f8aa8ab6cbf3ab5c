import type { Classification, ClassificationLevel, ClassificationSystem, TableRow } from '../model/index.js';
import { headerPath, type TableLayout } from './table-layout.js';

/** Where a table prints its 科目: a code column (or 类/款/项 columns), a name column, or code and name in one cell. */
export interface CodeColumns {
  system: ClassificationSystem | null;
  /** One column with the whole code, or the 类/款/项 columns of a 决算 table. */
  code: number[];
  name: number | null;
  /** Code and name share the cell (`2010301 行政运行`). */
  combined: boolean;
}

/** Digits of a code printed with or without spaces (`201 03 01`, `2 0 1`). */
const CODE = /^\d(?:\s*\d)*$/u;
/** Code and name in one cell: `2010301 行政运行`, `201 03 01 行政运行`, `30101基本工资`. */
const CODE_AND_NAME = /^(\d(?:\s*\d){2,6})\s*([^\d\s].*)$/su;
const CODE_LENGTHS = new Set([3, 5, 7]);

const digits = (s: string) => s.replace(/\s+/g, '');

/** Finds the code and name columns of a table, or null when it prints no 科目 codes. */
export function findCodeColumns(layout: TableLayout): CodeColumns | null {
  const { table, rows, cols } = layout;
  const headers = Array.from({ length: table.nCols }, (_, c) => headerPath(table, c));
  const joined = headers.map((h) => h.join('/'));
  const systemOf = (c: number): ClassificationSystem | null =>
    /经济分类/u.test(joined[c] ?? '') ? '经济分类' : /功能分类/u.test(joined[c] ?? '') ? '功能分类' : null;
  const codeCells = (c: number) => rows.map((r) => layout.text(r, c)).filter((t) => CODE.test(t) && CODE_LENGTHS.has(digits(t).length)).length;
  const filled = (c: number) => rows.filter((r) => layout.text(r, c) !== '').length;

  // 科目编码 split into 类 / 款 / 项 columns (决算 tables, Shanghai 预算 tables), side by side
  const split = ['类', '款', '项'].map((leaf) => cols.find((c) => headers[c]!.at(-1) === leaf) ?? -1);
  if (split[0]! >= 0 && split[1] === split[0]! + 1 && (split[2]! < 0 || split[2] === split[1] + 1)) {
    const code = split.filter((c) => c >= 0);
    return { system: systemOf(code[0]!), code, name: nameColumn(headers, cols, Math.max(...code)), combined: false };
  }
  for (const c of cols) {
    const header = joined[c]!;
    if (/序号|行次|栏次|目录|项目编码/u.test(header)) continue;
    const n = codeCells(c);
    if (n > 0 && (/编码|代码/u.test(header) || n >= Math.max(2, filled(c) * 0.6))) {
      return { system: systemOf(c), code: [c], name: nameColumn(headers, cols, c), combined: false };
    }
  }
  for (const c of cols) {
    const both = rows.map((r) => CODE_AND_NAME.exec(layout.text(r, c))).filter((m) => m && CODE_LENGTHS.has(digits(m[1]!).length)).length;
    if (both >= 2 && both >= filled(c) * 0.5 && /科目|项目|名称|分类/u.test(joined[c]!)) return { system: systemOf(c), code: [c], name: c, combined: true };
  }
  return null;
}

function nameColumn(headers: string[][], cols: number[], codeCol: number): number | null {
  const right = cols.find((c) => c > codeCol && /名称/u.test(headers[c]!.join('/')));
  if (right !== undefined) return right;
  return cols.includes(codeCol + 1) ? codeCol + 1 : null;
}

/** The level of a code by its length: 3 类 / 5 款 / 7 项 (经济分类 has 类 and 款 only). */
export function codeLevel(code: string, system: ClassificationSystem): ClassificationLevel | null {
  if (code.length === 3) return '类';
  if (code.length === 5) return '款';
  if (code.length === 7 && system === '功能分类') return '项';
  return null;
}

/** The code one level up (20103 → 201, 2010301 → 20103); null for a 类. */
export function parentCode(code: string): string | null {
  if (code.length === 5) return code.slice(0, 3);
  if (code.length === 7) return code.slice(0, 5);
  return null;
}

/** The system of a code when the header does not say: 3xx (and 5xx 政府经济分类) are economic, 2xx functional. */
export function systemOfCodes(codes: string[]): ClassificationSystem {
  const econ = codes.filter((c) => /^[35]/.test(c)).length;
  return econ > codes.length / 2 ? '经济分类' : '功能分类';
}

/** A classification from a printed code (spaces dropped), or null when it is not a 科目 code. */
export function classify(printed: string, system: ClassificationSystem): Classification | null {
  const code = digits(printed);
  if (!/^\d+$/.test(code) || !CODE_LENGTHS.has(code.length)) return null;
  return { system, code, level: codeLevel(code, system), parent: parentCode(code) };
}

/**
 * Labels and 科目 of every body row. In a coded table the label is the 科目名称 (or the text of
 * an uncoded row such as 合计); in other tables it is the first label column's text. Rows with
 * neither are left out.
 */
export function classifyRows(layout: TableLayout, columns: CodeColumns | null): TableRow[] {
  const out: TableRow[] = [];
  const printedCodes = columns ? layout.rows.map((r) => rowCode(layout, columns, r, null)) : [];
  const system = columns ? (columns.system ?? systemOfCodes(printedCodes.filter((c): c is string => c !== null))) : null;
  let lastCode: string | null = null;
  for (const r of layout.rows) {
    let label: string | null = null;
    let classification: Classification | null = null;
    if (columns && system) {
      const code = rowCode(layout, columns, r, lastCode);
      if (code) {
        classification = classify(code, system);
        if (classification) lastCode = classification.code;
      }
      label = rowName(layout, columns, r);
    } else {
      const c = layout.labelColumns.find((k) => layout.text(r, k) !== '');
      label = c === undefined ? null : layout.text(r, c);
    }
    if (label !== null || classification !== null) out.push({ row: r, label, classification });
  }
  return out;
}

function rowCode(layout: TableLayout, columns: CodeColumns, r: number, lastCode: string | null): string | null {
  if (columns.combined) {
    const m = CODE_AND_NAME.exec(layout.text(r, columns.code[0]!));
    return m ? digits(m[1]!) : null;
  }
  if (columns.code.length === 1) {
    const t = layout.text(r, columns.code[0]!);
    return CODE.test(t) ? digits(t) : null;
  }
  return joinSplitCode(columns.code.map((c) => digits(layout.text(r, c))), lastCode);
}

/**
 * One 科目 code from its 类 / 款 / 项 parts printed in columns of their own: `201 | 03 | 01` →
 * 2010301. Some tables print 款 and 项 without their leading zero (`201 | 3 | 1`), so each is
 * padded to two digits. A row may print only its own part (款 `03` under the 类 above): the
 * missing leading parts come from the code of the row above. Null when the parts are not digits
 * or skip a level.
 */
export function joinSplitCode(parts: string[], above: string | null): string | null {
  const first = parts.findIndex((p) => p !== '');
  if (first < 0) return null;
  let end = parts.length;
  while (parts[end - 1] === '') end--;
  const own = parts.slice(first, end);
  if (own.some((p) => !/^\d+$/u.test(p))) return null;
  const padded = own.map((p, k) => (first + k === 0 ? p : p.padStart(2, '0')));
  if (padded.some((p, k) => (first + k === 0 ? p.length !== 3 : p.length !== 2))) return null;
  if (first === 0) return padded.join('');
  const prefix = 3 + 2 * (first - 1);
  if (!above || above.length < prefix) return null;
  return above.slice(0, prefix) + padded.join('');
}

function rowName(layout: TableLayout, columns: CodeColumns, r: number): string | null {
  if (columns.combined) {
    const t = layout.text(r, columns.code[0]!);
    const m = CODE_AND_NAME.exec(t);
    return (m ? m[2]!.trim() : t) || null;
  }
  const name = columns.name === null ? '' : layout.text(r, columns.name);
  if (name) return name;
  // 合计 printed in the code column
  const code = columns.code.map((c) => layout.text(r, c)).find((t) => t !== '' && !CODE.test(t));
  return code ?? null;
}
