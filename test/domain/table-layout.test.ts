import { describe, expect, it } from 'vitest';
import { headerPath, itemLabel, layoutTable } from '../../src/domain/table-layout.js';
import { seedDocument } from './build-table.js';

describe('layoutTable', () => {
  const doc = seedDocument('000_0018174054ff74da');
  const paths = (title: string, cols: (l: ReturnType<typeof layoutTable>) => number[]) => {
    const t = doc.tables.find((x) => x.title === title)!;
    const l = layoutTable(t);
    return cols(l).map((c) => headerPath(t, c).join('/'));
  };

  it('finds the amount columns: money, not 序号, 编码, 数量, 目录序号', () => {
    expect(paths('部门预算收支总表', (l) => l.amountColumns)).toEqual(['收入/预算数', '支出/预算数']);
    expect(paths('部门预算支出总表', (l) => l.amountColumns)).toEqual(['合计', '基本支出', '项目支出']);
    expect(paths('部门固定资产占用情况表', (l) => l.amountColumns)).toEqual(['价值（金额单位：万元）']);
    expect(paths('部门政府采购预算', (l) => l.amountColumns)).toEqual([
      '政府采购项目来源/预算资金',
      '单价',
      '政府采购金额（当年部门预算安排资金）/合计',
      '政府采购金额（当年部门预算安排资金）/一般公共预算拨款',
      '2022年预留中小微企业份额',
    ]);
  });

  it('has no amount columns in 绩效目标表 (their values are indicators)', () => {
    expect(paths('大气办工作经费绩效目标表', (l) => l.amountColumns)).toEqual([]);
  });

  it('labels an amount with the nearest label column on its left (收支总表: 收入/项目 or 支出/项目)', () => {
    const t = doc.tables.find((x) => x.title === '部门预算收支总表')!;
    const l = layoutTable(t);
    const row = t.headerRows;
    expect(itemLabel(l, row, 2)).toBe('一、一般公共预算拨款收入');
    expect(itemLabel(l, row, 4)).toBe('一、一般公共服务支出');
  });
});
