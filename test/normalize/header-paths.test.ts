import { describe, expect, it } from 'vitest';
import { resolveHeaderLayout } from '../../src/normalize/header-paths.js';

describe('resolveHeaderLayout', () => {
  it('lays a short upper row over the empty cells and runs below it (seed 000 部门预算收入总表)', () => {
    const l = resolveHeaderLayout(
      [
        ['序号', '功能分类科目', '合计', '本年收入', '上年结转'],
        ['', '科目编码', '科目名称', '', '小计', '财政拨款收入', '财政专户收入', '事业收入', '经营收入', '上级补助收入', '附属单位上缴收入', '其他收入', ''],
      ],
      13,
    );
    expect(l.diagnostics).toEqual([]);
    expect(l.paths.slice(0, 5)).toEqual([['序号'], ['功能分类科目', '科目编码'], ['功能分类科目', '科目名称'], ['合计'], ['本年收入', '小计']]);
    expect(l.paths[12]).toEqual(['上年结转']);
    const 序号 = l.rows[0]![0]!;
    expect([序号.start, 序号.end, 序号.rowspan]).toEqual([0, 1, 2]);
    expect(l.rows[1]![0]!.mergedAbove).toBe(true);
    const 本年收入 = l.rows[0]![3]!;
    expect([本年收入.start, 本年收入.end]).toEqual([4, 12]);
  });

  it('splits one run between two spanning cells where its first label repeats', () => {
    const l = resolveHeaderLayout([['序号', '收入', '支出'], ['', '项目', '金额', '项目', '合计', '一般公共预算财政拨款']], 6);
    expect(l.paths).toEqual([['序号'], ['收入', '项目'], ['收入', '金额'], ['支出', '项目'], ['支出', '合计'], ['支出', '一般公共预算财政拨款']]);
  });

  it('splits before a 合计 that opens a group of amounts (seed 000 基本支出表)', () => {
    const l = resolveHeaderLayout([['序号', '支出部门经济分类科目', '一般公共预算基本支出'], ['', '科目编码', '科目名称', '合计', '人员经费', '公用经费']], 6);
    expect(l.paths).toEqual([
      ['序号'],
      ['支出部门经济分类科目', '科目编码'],
      ['支出部门经济分类科目', '科目名称'],
      ['一般公共预算基本支出', '合计'],
      ['一般公共预算基本支出', '人员经费'],
      ['一般公共预算基本支出', '公用经费'],
    ]);
  });

  it('resolves three header rows (seed 004 部门政府采购预算)', () => {
    const l = resolveHeaderLayout(
      [
        ['政府采购项目来源', '采购物品名称', '政府采购目录序号', '数量单位', '数量', '单价', '政府采购金额'],
        ['项目名称', '预算资金', '', '', '', '', '', '总计', '当年部门预算安排资金', '其他渠道资金'],
        ['', '', '', '', '', '', '', '', '合计', '一般公共预算拨款', '基金预算拨款', '财政专户核拨', '其他来源收入', ''],
      ],
      14,
    );
    expect(l.diagnostics).toEqual([]);
    expect(l.paths[0]).toEqual(['政府采购项目来源', '项目名称']);
    expect(l.paths[2]).toEqual(['采购物品名称']);
    expect(l.paths[7]).toEqual(['政府采购金额', '总计']);
    expect(l.paths[8]).toEqual(['政府采购金额', '当年部门预算安排资金', '合计']);
    expect(l.paths[13]).toEqual(['政府采购金额', '其他渠道资金']);
    expect(l.rows[0]![1]!.rowspan).toBe(3);
  });

  it('reports a layout it cannot infer instead of guessing silently', () => {
    const l = resolveHeaderLayout([['甲', '乙'], ['a', 'b', 'c']], 3);
    expect(l.diagnostics.map((d) => d.code)).toEqual(['header-span-ambiguous']);
    expect(l.paths).toHaveLength(3);
  });

  it('reports a bottom header row narrower than the body', () => {
    const l = resolveHeaderLayout([['项目', '金额']], 3);
    expect(l.diagnostics.map((d) => d.code)).toEqual(['header-narrower-than-body']);
  });
});
