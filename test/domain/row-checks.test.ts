import { describe, expect, it } from 'vitest';
import { classifyRows, findCodeColumns } from '../../src/domain/classification.js';
import { checkRows, totalColumnParts } from '../../src/domain/row-checks.js';
import { headerPath, layoutTable } from '../../src/domain/table-layout.js';
import type { Table } from '../../src/model/index.js';
import { buildTable, lineOf, seedDocument } from './build-table.js';

function rowChecks(t: Table) {
  const layout = layoutTable(t);
  return checkRows(layout, classifyRows(layout, findCodeColumns(layout)));
}
const summary = (checks: ReturnType<typeof rowChecks>) => checks.map((c) => `${c.status} ${c.name} ${c.refs[0]!.text}=${c.expected}`);

describe('checkRows: across a row', () => {
  it('adds the columns beside a 合计 column, a header group by its own 小计 (收入总表)', () => {
    const t = buildTable({
      title: '部门预算收入总表',
      columns: ['科目编码', '科目名称', '合计', '本年收入/小计', '本年收入/财政拨款收入', '本年收入/事业收入', '上年结转'],
      rows: [['201', '一般公共服务支出', '12.00', '10.00', '9.00', '1.00', '2.00']],
    });
    const layout = layoutTable(t);
    expect(totalColumnParts(layout).map(({ total, parts }) => [headerPath(t, total).join('/'), parts.map((c) => headerPath(t, c).join('/'))])).toEqual([
      ['合计', ['本年收入/小计', '上年结转']],
      ['本年收入/小计', ['本年收入/财政拨款收入', '本年收入/事业收入']],
    ]);
    expect(summary(rowChecks(t))).toEqual(['pass column-total 12.00=12', 'pass column-total 10.00=10']);
  });

  it('checks 人员经费 + 公用经费 = 合计 and reports the row that does not add up', () => {
    const t = buildTable({
      title: '部门预算一般公共预算财政拨款基本支出表',
      columns: ['科目编码', '科目名称', '一般公共预算基本支出/合计', '一般公共预算基本支出/人员经费', '一般公共预算基本支出/公用经费'],
      rows: [
        ['', '合计', '481.87', '433.22', '48.65'],
        ['301', '工资福利支出', '412.42', '412.40', ''],
      ],
    });
    const checks = rowChecks(t).filter((c) => c.name === 'column-total');
    expect(summary(checks)).toEqual(['pass column-total 481.87=481.87', 'fail column-total 412.42=412.4']);
    expect(lineOf(checks[1]!.refs[0]!.prov)).toBe(101);
  });
});

describe('checkRows: down a column', () => {
  it('三公: 小计 = the three items, 合计 = 小计 + other items, each item = Σ its 其中 parts (seed 001 layout)', () => {
    const t = buildTable({
      title: '部门预算财政拨款“三公”经费支出表',
      columns: ['项目', '资金性质/合计'],
      rows: [
        ['合计', '98.9'],
        ['“三公”经费小计', '18.9'],
        ['一、因公出国（境）费', ''],
        ['其中：教学科研人员因公出国（境）费', ''],
        ['其他因公出国（境）费', ''],
        ['二、公务用车购置及运维费', '18.00'],
        ['其中：公务用车购置费', ''],
        ['公务用车运行维护费', '18.00'],
        ['三、公务接待费', '0.9'],
        ['四、会议费', '80.00'],
        ['五、培训费', ''],
      ],
    });
    expect(summary(rowChecks(t))).toEqual(['pass subtotal 18.00=18', 'pass subtotal 18.9=18.9', 'pass subtotal 98.9=98.9']);
  });

  it('采购: 合计 = Σ unit rows, each unit = Σ its goods; a row cut from a label is neither', () => {
    const t = buildTable({
      title: '部门政府采购预算',
      columns: ['政府采购项目来源/项目名称', '采购物品名称', '政府采购金额/合计'],
      rows: [
        ['合计', '', '6.50'],
        ['某单位', '', '6.50'],
        ['运转类公用项目经费', '车辆加油服务', '1.25'],
        ['(2022年)', '', ''],
        ['专项业务活动费', '台式计算机', '1.50'],
        ['专项业务活动费', '复印纸', '3.70'],
      ],
    });
    expect(summary(rowChecks(t))).toEqual(['fail subtotal 6.50=6.45', 'pass subtotal 6.50=6.5']);
  });

  it('the two-sided 收支总表: 本年合计 = Σ items, 总计 = 本年合计 + 结转, 收入总计 = 支出总计', () => {
    const t = buildTable({
      title: '部门预算收支总表',
      columns: ['收入/项目', '收入/预算数', '支出/项目', '支出/预算数'],
      rows: [
        ['一、一般公共预算拨款收入', '100.00', '一、一般公共服务支出', '70.00'],
        ['二、政府性基金预算拨款收入', '', '二、外交支出', '30.00'],
        ['本年收入合计', '100.00', '本年支出合计', '100.00'],
        ['上年结转结余', '5.00', '年终结转结余', ''],
        ['收入总计', '105.00', '支出总计', '100.00'],
      ],
    });
    expect(summary(rowChecks(t))).toEqual([
      'pass subtotal 100.00=100',
      'pass subtotal 105.00=105',
      'pass subtotal 100.00=100',
      'pass subtotal 100.00=100',
      'fail balance 105.00=100',
    ]);
  });
});

describe('checkRows on the seeds', () => {
  it('seed 003: 预算数 = 财政资金 + 其他资金 in every 绩效目标表 project block, read from the ragged rows', () => {
    const checks = seedDocument('003_fc1028512c8b7c0f').checks!;
    expect(checks.length).toBe(15);
    expect(checks.every((c) => c.name === 'project-funds' && c.status === 'pass')).toBe(true);
    expect(checks[0]!.refs.map((r) => r.text)).toEqual(['2.70', '2.70', '0']);
  });

  it('seed 004: every 工作活动 = Σ its activities (一、 = Σ 1、 2、 …)', () => {
    const checks = seedDocument('004_3c83e1ac369f3f17').checks!.filter((c) => c.refs[0]!.label.startsWith('部门职责-工作活动绩效目标'));
    expect(checks.length).toBeGreaterThan(10);
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(checks.find((c) => c.refs[0]!.text === '38.61')!.refs.slice(1).map((r) => r.text).filter(Boolean)).toEqual(['10.00', '18.71', '9.90']);
  });

  it('seed 002: the only row sum that fails is 文物和陈列品 ≠ 文物 + 陈列品 (L930–932)', () => {
    const failed = seedDocument('002_c52ee38ce6c6c3d2').checks!.filter((c) => c.rule === 'row-arithmetic' && c.status === 'fail');
    expect(failed.map((c) => c.refs.map((r) => `${lineOf(r.prov)}:${r.text}`))).toEqual([['930:12.0480', '931:0.00', '932:0.00']]);
  });
});
