import { describe, expect, it } from 'vitest';
import { findSplitColumns, foldColumns, joinOverlongHeaderRow } from '../../src/normalize/fold-split-columns.js';
import { realignShiftedRows } from '../../src/normalize/realign-shifted-rows.js';
import { isCutContinuation, keyColumns, rejoinCutRow } from '../../src/normalize/rejoin-cut-cells.js';
import type { WorkRow } from '../../src/normalize/work-cell.js';

const row = (...texts: string[]): WorkRow => texts.map((t, i) => ({ raw: t, text: t, prov: [{ kind: 'text', start: { line: 1, column: i + 1, offset: i }, end: { line: 1, column: i + 2, offset: i + 1 } }] }));
const texts = (r: WorkRow) => r.map((c) => c.text);

describe('joinOverlongHeaderRow', () => {
  it('joins the label a converter split in two (seed 002 L130: 上解上级 | 支出)', () => {
    const r = row('序号', '功能分类科目', '', '合计', '基本支出', '项目支出', '经营支出', '上解上级', '支出', '对附属单位补助支出');
    expect(texts(joinOverlongHeaderRow(r, 9))).toEqual(['序号', '功能分类科目', '', '合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出']);
  });
  it('leaves a row of the right width alone', () => {
    const r = row('序号', '项目', '金额');
    expect(texts(joinOverlongHeaderRow(r, 3))).toEqual(['序号', '项目', '金额']);
  });
});

describe('findSplitColumns / foldColumns', () => {
  // seed 002 L351-354: the 三公 table printed over 8 columns for 6
  const numbers = row('栏次', '1', '2', '3', '', '4', '', '5');
  const body = [row('1', '合计', '374.46', '', '374.46', '', '', ''), row('6', '二、公务用车购置及运维费', '55.58', '', '55.58', '', '', '')];
  it('finds the unnumbered columns that never clash with their left neighbour', () => {
    expect(findSplitColumns(numbers, body)).toEqual([6, 4]);
  });
  it('folds them back: header labels joined, values kept', () => {
    const folds = findSplitColumns(numbers, body);
    expect(texts(foldColumns(row('', '', '合计', '一般公共预算', '财政拨款', '政府性基金', '预算拨款', '国有资本经营'), folds))).toEqual(['', '', '合计', '一般公共预算财政拨款', '政府性基金预算拨款', '国有资本经营']);
    expect(texts(foldColumns(body[0]!, folds))).toEqual(['1', '合计', '374.46', '374.46', '', '']);
    expect(foldColumns(body[0]!, folds)[3]!.prov).toHaveLength(2);
  });
  it('keeps a real unnumbered column that holds values beside its neighbour (seed 002 资产构成: 行次)', () => {
    expect(findSplitColumns(row('栏次', '', '17', '18'), [row('合计', '1', '---', '2413.60'), row('其中：房屋', '3', '', '0.00')])).toEqual([]);
  });
});

describe('realignShiftedRows', () => {
  const rows = [
    row('产出指标', '数量指标', '空调维保完成率', '空调维保完成率', '≥90%', '合同约定及工作计划'),
    row('', '质量指标', '电梯运转率', '电梯运转率', '≥90%', '验收单'),
    // seed 002 L620: the converter lost the empty first cell and added one at the end
    row('质量指标', '高压电缆抢修验收合格率', '高压电缆抢修验收合格率', '≥90%', '验收单', ''),
    row('', '质量指标', '防水维修验收合格率', '防水维修验收合格率', '≥90%', '验收单'),
  ];
  it('moves a row shifted one cell left back into place', () => {
    expect(texts(realignShiftedRows(rows, 6)[2]!)).toEqual(['', '质量指标', '高压电缆抢修验收合格率', '高压电缆抢修验收合格率', '≥90%', '验收单']);
  });
  it('leaves rows whose last cell is legitimately empty alone', () => {
    const budget = [row('1', '201', '一般公共服务支出', '8309.97', '3021.79', '5288.18'), row('4', '2010350', '事业运行', '3021.79', '3021.79', ''), row('8', '208', '社会保障和就业支出', '343.62', '343.62', '')];
    expect(realignShiftedRows(budget, 6).map(texts)).toEqual(budget.map(texts));
  });
});

describe('isCutContinuation / rejoinCutRow', () => {
  const body = [
    row('', '质量指标', '消防运转率', '消防运转率', '≥90%', '验收单'),
    row('效益指标', '社会效益指标', '保障运转', '保障运转', '比上年有所提高', '年度工作计划'),
    row('', '经济效益指标', '保持办公大楼原有的使用功能及公共', '保持办公大楼原有的使用功能及公共', '比上年有所提高', '年度工作计划'),
  ];
  const keys = keyColumns(body, 6);
  it('finds the columns every real row fills', () => {
    expect(keys).toEqual([1, 2, 3, 4, 5]);
  });
  it('takes a row with empty leading cells continuing the text above for the cut-off tail (seed 002 L586)', () => {
    const tail = row('', '', '区域的破损，达到保修目的', '区域的破损，达到保修目的', '', '');
    expect(isCutContinuation(tail, body[2]!, keys)).toBe(true);
    const joined = rejoinCutRow(body[2]!, tail);
    expect(joined[2]!.text).toBe('保持办公大楼原有的使用功能及公共区域的破损，达到保修目的');
    expect(joined[2]!.prov).toHaveLength(2);
    expect(joined[1]!.prov).toHaveLength(1);
  });
  it('does not take a real indicator row that leaves 一级指标 empty', () => {
    const next = row('', '质量指标', '验收合格率', '验收合格率', '≥90%', '验收单');
    expect(isCutContinuation(next, body[2]!, keys)).toBe(false);
  });
  it('does not take a row that puts text where the row above has none', () => {
    const odd = row('', '', '另一段', '', '≥90%', '');
    expect(isCutContinuation(odd, row('', '质量指标', 'x', 'y', '', '验收单'), keys)).toBe(false);
  });
  it('does not append a tail the converter printed twice (seed 002 L799/L802)', () => {
    const above = row('满意度指标', '服务对象满意度指标', '就餐人员满意度', '调查中满意人数占调查', '≥95%', '合同约定及年度工作计划');
    const tail = row('', '', '', '总人数比例', '', '划');
    expect(texts(rejoinCutRow(above, tail))).toEqual(['满意度指标', '服务对象满意度指标', '就餐人员满意度', '调查中满意人数占调查总人数比例', '≥95%', '合同约定及年度工作计划']);
  });
});
