import { describe, expect, it } from 'vitest';
import { enrichDocument } from '../../src/domain/enrich-document.js';
import type { Table } from '../../src/model/index.js';
import { buildDocument, buildTable } from './build-table.js';

/**
 * The 决算 tables of putuo-2024-final-accounts-social-work.pdf as printed (pp. 6–12, the
 * figures the hand-written golden holds, and an 其他收入 of 6.20 as the finance bureau's
 * prints), cut to the rows the checks read: 收入决算表 and
 * 支出决算表 name their totals 本年收入合计 / 本年支出合计, and the 基本支出 table is printed
 * as two panels whose totals are 人员经费合计 and 公用经费合计.
 */
function finalAccounts(change: { otherRevenue?: string; publicTotal?: string } = {}): Table[] {
  return [
    buildTable({
      title: '收入支出决算总表',
      columns: ['收入/项目', '收入/决算数', '支出/项目', '支出/决算数'],
      rows: [
        ['一、一般公共预算财政拨款收入', '307.82', '一、一般公共服务支出', '264.87'],
        ['二、政府性基金预算财政拨款收入', '', '二、社会保障和就业支出', '42.95'],
        ['三、国有资本经营预算财政拨款收入', '', '', ''],
        ['八、其他收入', change.otherRevenue ?? '6.20', '', ''],
        ['本年收入合计', '307.82', '本年支出合计', '307.82'],
        ['总计', '307.82', '总计', '307.82'],
      ],
    }),
    buildTable({
      title: '收入决算表',
      columns: ['项目/科目编码', '项目/科目名称', '本年收入合计', '财政拨款收入', '其他收入'],
      rows: [
        ['', '合计', '307.82', '307.82', '6.20'],
        ['201', '一般公共服务支出', '264.87', '264.87', ''],
        ['208', '社会保障和就业支出', '42.95', '42.95', ''],
      ],
    }),
    buildTable({
      title: '支出决算表',
      columns: ['项目/科目编码', '项目/科目名称', '本年支出合计', '基本支出', '项目支出'],
      rows: [
        ['', '合计', '307.82', '105.58', '202.24'],
        ['201', '一般公共服务支出', '264.87', '62.63', '202.24'],
        ['208', '社会保障和就业支出', '42.95', '42.95', ''],
      ],
    }),
    buildTable({
      title: '一般公共预算财政拨款支出决算表',
      columns: ['项目/科目编码', '项目/科目名称', '合计', '基本支出', '项目支出'],
      rows: [
        ['201', '一般公共服务支出', '264.87', '62.63', '202.24'],
        ['208', '社会保障和就业支出', '42.95', '42.95', ''],
        ['', '合计', '307.82', '105.58', '202.24'],
      ],
    }),
    {
      ...buildTable({
        title: '一般公共预算财政拨款基本支出决算表',
        columns: ['经济分类/科目编码', '科目名称', '决算数', '经济分类/科目编码', '科目名称', '决算数'],
        rows: [
          ['301', '工资福利支出', '95.36', '302', '商品和服务支出', '10.23'],
          ['人员经费合计', '', '95.36', '公用经费合计', '', change.publicTotal ?? '10.23'],
        ],
      }),
      panels: [0, 3],
    },
  ];
}
const crossChecks = (tables: Table[]) =>
  enrichDocument({ ...buildDocument(tables, [], 2024), docKind: '决算' }).checks!.filter((c) => c.rule === 'cross-table').map((c) => [c.name, c.status, c.severity]);

describe('cross-table checks of a 决算', () => {
  it('compare the 收支总表 with the 收入决算表 and 支出决算表 by 本年收入合计 / 本年支出合计, item by item, and 人员经费 + 公用经费 with 基本支出', () => {
    const checks = crossChecks(finalAccounts());
    for (const name of ['revenue-total', 'expenditure-total', 'class-total', 'revenue-items', 'basic-split']) expect(checks.map(([n]) => n), name).toContain(name);
    // as printed: 95.36 + 10.23 = 105.59, the 基本支出 105.58 — rounding, a hint
    expect(checks.filter(([, status]) => status === 'fail')).toEqual([['basic-split', 'fail', 'hint']]);
  });

  it('stay silent where the figures agree, and fire when one printed figure changes', () => {
    expect(crossChecks(finalAccounts({ publicTotal: '10.22' })).filter(([, s]) => s === 'fail')).toEqual([]);
    expect(crossChecks(finalAccounts({ publicTotal: '10.22', otherRevenue: '6.02' })).filter(([, s]) => s === 'fail')).toEqual([['revenue-items', 'fail', 'error']]);
    expect(crossChecks(finalAccounts({ publicTotal: '12.22' })).filter(([, s]) => s === 'fail')).toEqual([['basic-split', 'fail', 'error']]);
  });
});
