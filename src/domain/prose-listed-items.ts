import type { Block, Check } from '../model/index.js';
import { operandAt, findTable, type ReadTable } from './table-finders.js';
import type { Operand } from './check-builder.js';
import { proseRef, proseRuns } from './prose-runs.js';
import { normalizeLabel } from './row-outline.js';

/**
 * `prose-listed-item` (a warning): the explanation of 基本支出 lists what 人员经费 and 公用经费
 * `主要包括：基本工资、津贴补贴、…`; every item it names must have spent something in the 基本支出
 * table. An item printed there as 0.00 or left blank (社会工作部's 邮电费 0.00, 财政局's
 * 个人农业生产补贴 blank) is a list copied from another year or another department and not
 * checked. Names the table does not print (a group such as 商品和服务支出 is printed, a free
 * wording such as 日常办公 is not) are not judged.
 */
export function checkProseListedItems(tables: ReadTable[], blocks: Block[]): Check[] {
  const table = findTable(tables, 'general_budget_basic_expenditure');
  if (!table) return [];
  const items = itemCells(table);
  if (items.size === 0) return [];
  const checks: Check[] = [];
  for (const run of proseRuns(blocks)) {
    for (const m of run.text.matchAll(LISTED)) {
      const group = m[1]!;
      let at = m.index! + m[0].length - m[2]!.length;
      for (const raw of m[2]!.split('、')) {
        const name = raw.replace(/等$/u, '');
        const from = at;
        at += raw.length + 1;
        const cell = items.get(normalizeLabel(name));
        if (!name || !cell) continue;
        const spent = !cell.empty && cell.dec.units !== 0n;
        const printed = cell.empty ? 'blank' : cell.ref.text;
        checks.push({
          rule: 'prose',
          name: 'prose-listed-item',
          status: spent ? 'pass' : 'fail',
          severity: spent ? null : 'warning',
          message: spent
            ? `${group}'s ${name}: listed in the text, ${printed} in the table`
            : `the text lists ${name} among what ${group} mainly paid for, but ${table.layout.table.title ?? 'the 基本支出 table'} prints ${printed} for it`,
          expected: null,
          actual: cell.ref.value,
          difference: null,
          unit: cell.ref.unit,
          refs: [proseRef(run, from, from + name.length, name), { role: 'cell', ...cell.ref }],
        });
      }
    }
  }
  return checks;
}

/** `人员经费95.36万元，主要包括：A、B、C；` — the group and its list, up to the clause's end. */
const LISTED = /(人员经费|公用经费)(?:支出)?[^。；;，,]{0,20}?[，,]?主要(?:包括|用于)[:：]?([^。；;，,]+)/gu;

/** Each item of the basic-expenditure table (both panels) by its normalized name, with the amount printed beside it. */
function itemCells(t: ReadTable): Map<string, Operand> {
  const out = new Map<string, Operand>();
  const { rows, cols, amountColumns, text } = t.layout;
  for (const c of cols) {
    if (amountColumns.includes(c)) continue;
    const amountCol = amountColumns.find((a) => a > c);
    if (amountCol === undefined) continue;
    // a label column is the last text column before its panel's amount column
    if (cols.some((k) => k > c && k < amountCol && !amountColumns.includes(k))) continue;
    for (const r of rows) {
      const name = normalizeLabel(text(r, c));
      if (!name || out.has(name)) continue;
      const op = operandAt(t, r, amountCol);
      if (op) out.set(name, op);
    }
  }
  return out;
}
