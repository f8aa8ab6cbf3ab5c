import type { Block, Check, CheckRef } from '../model/index.js';
import type { ReadTable } from './table-finders.js';
import { CHAIN, PIECE, findChain } from './prose-subjects.js';
import { proseRuns, provOf } from './prose-runs.js';
import { bareLabel } from './row-outline.js';
import { amountColumn, findTable, operandAt } from './table-finders.js';

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
    for (const m of run.text.matchAll(CHAIN)) {
      const pieces = [...m[0].matchAll(PIECE)].map((p) => ({ name: bareLabel(p[1]!.replace(/^、+/u, '')), code: p[2] || null, level: p[3] as '类' | '款' | '项' }));
      if (pieces.at(-1)!.level !== '项') continue;
      const after = m.index! + m[0].length;
      const rest = run.text.slice(after, after + 200);
      const next = rest.search(/[（(]\d{0,7}[类款项][）)]/u);
      const p = /^[。：:，,]?主要用于[:：]?([^。；]*)/u.exec(next >= 0 ? rest.slice(0, next) : rest);
      if (!p) continue;
      const says = /基本支出/u.test(p[1]!) ? (/项目支出/u.test(p[1]!) ? null : '基本支出') : /项目支出/u.test(p[1]!) ? '项目支出' : null;
      if (!says) continue;
      const row = findChain(table, pieces);
      if (!row) continue;
      const claimed = operandAt(table, row.row, says === '基本支出' ? basicCol : projectCol);
      const other = operandAt(table, row.row, says === '基本支出' ? projectCol : basicCol);
      if (!claimed || !other) continue;
      const has = (o: typeof claimed) => !o.empty && o.dec.units !== 0n;
      if (!has(claimed) && !has(other)) continue;
      const ok = has(claimed);
      const item = pieces.at(-1)!.name;
      const from = m.index!;
      const to = after + p.index! + p[0].length;
      const text = run.text.slice(from, to);
      const prose: CheckRef = { role: 'prose', tableOrder: null, row: null, col: null, ...provOf(run, from, to), text, value: null, unit: null, label: `text: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}` };
      const shown = (o: typeof claimed) => (o.empty ? 'blank' : o.ref.text);
      checks.push({
        rule: 'prose',
        name: 'prose-expense-kind',
        status: ok ? 'pass' : 'fail',
        severity: ok ? null : 'warning',
        message: ok
          ? `${item}（项） is said to be ${says}, and the table prints ${says} ${shown(claimed)}`
          : `${item}（项） is said to be used for ${says}, but the table prints ${says} ${shown(claimed)} and ${says === '基本支出' ? '项目支出' : '基本支出'} ${shown(other)}`,
        expected: null,
        actual: claimed.ref.value,
        difference: null,
        unit: claimed.ref.unit,
        refs: [prose, { role: 'cell', ...claimed.ref }, { role: 'cell', ...other.ref }],
      });
    }
  }
  return checks;
}
