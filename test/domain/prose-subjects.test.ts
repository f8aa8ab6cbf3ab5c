import { describe, expect, it } from 'vitest';
import { enrichDocument } from '../../src/domain/enrich-document.js';
import { buildDocument, buildTable } from './build-table.js';

/** putuo-2024-final-accounts-finance.pdf: its 一般公共预算财政拨款支出决算表 (p. 15) cut to one 项, and the item of the explanation about it (p. 22). */
const general = buildTable({
  title: '一般公共预算财政拨款支出决算表',
  columns: ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  rows: [
    ['201', '一般公共服务支出', '1,511.89', '1,511.89', ''],
    ['20106', '财政事务', '1,511.89', '1,511.89', ''],
    ['2010601', '行政运行', '1,511.89', '1,511.89', ''],
    ['', '合计', '1,511.89', '1,511.89', ''],
  ],
});
const ITEM = '1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。年初预算为1560.05万元，支出决算为1511.89万元。';
const subjects = (paragraph: string) =>
  enrichDocument({ ...buildDocument([general], [paragraph], 2024), docKind: '决算' })
    .checks!.filter((c) => c.name.startsWith('prose-subject'))
    .map((c) => [c.name, c.status, c.severity, c.refs.map((r) => r.text).join(' | ')]);

describe('科目 named in the explanation against the tables', () => {
  it('finds 一般公共服务支出（类）财政事务（款）行政运行（项） level by level and compares its 支出决算 with the row', () => {
    expect(subjects(ITEM)).toEqual([['prose-subject-amount', 'pass', null, '支出决算为1511.89万元 | 1,511.89']]);
  });

  it('fires when the name is not a 科目 under its parent, or the amount is not the row’s', () => {
    expect(subjects(ITEM.replace('行政运行（项）', '行政运转（项）'))).toEqual([
      ['prose-subject', 'fail', 'warning', '一般公共服务支出（类）财政事务（款）行政运转（项）'],
    ]);
    expect(subjects(ITEM.replace('支出决算为1511.89万元', '支出决算为1511.98万元'))).toEqual([
      ['prose-subject-amount', 'fail', 'error', '支出决算为1511.98万元 | 1,511.89'],
    ]);
  });

  it('checks a code printed with the level (201类) and an amount printed right after the name', () => {
    expect(subjects('主要用于以下方面：一般公共服务支出（201类）1511.89万元。')).toEqual([['prose-subject-amount', 'pass', null, '1511.89万元 | 1,511.89']]);
    expect(subjects('主要用于以下方面：一般公共服务支出（208类）1511.89万元。').map(([n, s]) => [n, s])).toEqual([['prose-subject', 'fail']]);
  });
});
