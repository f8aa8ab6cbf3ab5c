import type { Block, Check } from '../model/index.js';
import type { Operand } from './check-builder.js';
import { itemPurposes } from './prose-purposes.js';
import { proseRef, proseRuns } from './prose-runs.js';
import { findChain } from './prose-subjects.js';
import { amountColumn, findTable, operandAt, type ReadTable } from './table-finders.js';

/**
 * `prose-expense-kind` (a warning): a 项 explained as `主要用于：…基本支出` must have 基本支出 in the
 * 一般公共预算财政拨款支出表, and one explained as `…项目支出` must have 项目支出. 财政局's
 * 一般行政管理事务 is `主要用于：局财政业务指导与宣传等基本支出` while its row prints 基本支出 blank and
 * 项目支出 10.00: the text names the wrong kind of spending. A purpose naming both kinds, or
 * neither, is not judged; nor is a row whose two columns are both blank.
 */
export function checkProseExpenseKinds(tables: ReadTable[], blocks: Block[]): Check[] {
  const table = findTable(tables, 'general_budget_expenditure');
  if (!table) return [];
  const basicCol = amountColumn(table, /^基本支出$/u);
  const projectCol = amountColumn(table, /^项目支出$/u);
  if (basicCol === undefined || projectCol === undefined) return [];
  const checks: Check[] = [];
  for (const run of proseRuns(blocks)) {
    for (const { pieces, item, from, to, purpose } of itemPurposes(run)) {
      const basic = /基本支出/u.test(purpose);
      if (basic === /项目支出/u.test(purpose)) continue;
      const says = basic ? '基本支出' : '项目支出';
      const other = basic ? '项目支出' : '基本支出';
      const row = findChain(table, pieces);
      if (!row) continue;
      const claimed = operandAt(table, row.row, basic ? basicCol : projectCol);
      const rest = operandAt(table, row.row, basic ? projectCol : basicCol);
      if (!claimed || !rest || (!spent(claimed) && !spent(rest))) continue;
      const ok = spent(claimed);
      checks.push({
        rule: 'prose',
        name: 'prose-expense-kind',
        status: ok ? 'pass' : 'fail',
        severity: ok ? null : 'warning',
        message: ok
          ? `${item}（项） is said to be ${says}, and the table prints ${says} ${shown(claimed)}`
          : `${item}（项） is said to be used for ${says}, but the table prints ${says} ${shown(claimed)} and ${other} ${shown(rest)}`,
        expected: null,
        actual: claimed.ref.value,
        difference: null,
        unit: claimed.ref.unit,
        refs: [proseRef(run, from, to), { role: 'cell', ...claimed.ref }, { role: 'cell', ...rest.ref }],
      });
    }
  }
  return checks;
}

const spent = (o: Operand) => !o.empty && o.dec.units !== 0n;
const shown = (o: Operand) => (o.empty ? 'blank' : o.ref.text);
