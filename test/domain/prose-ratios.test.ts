import { describe, expect, it } from 'vitest';
import { checkProseRatios } from '../../src/domain/prose-ratios.js';
import { buildDocument } from './build-table.js';

/** Sentences of putuo-2024-final-accounts-finance.pdf p. 21, as gongkai reads them (line breaks of the PDF as paragraph breaks). */
const FINANCE = [
  '上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。',
  '本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；',
  '一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%；社会保障和就业支出（类）326.72万元，占11.11%；',
  '卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占',
  '15.16%；',
  '一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。决算数小于预算数的主要原因：因年度工作计划安排。',
  '机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。',
];
const verdicts = (paragraphs: string[]) =>
  checkProseRatios(buildDocument([], paragraphs).blocks).map((c) => [c.name, c.status, c.severity, c.actual]);

describe('percentages the explanation states, recomputed from its own figures', () => {
  it('on the finance bureau’s 决算: 71.73% of 2940.05 is printed where 2106.66 is 71.65%; every other figure holds', () => {
    const checks = checkProseRatios(buildDocument([], FINANCE).blocks);
    expect(checks.filter((c) => c.status === 'fail').map((c) => [c.name, c.severity, c.message])).toEqual([
      ['prose-share', 'error', 'the text says 71.73%, but 2106.66万元 of 2940.05万元 is 71.65%'],
    ]);
    expect(checks.map((c) => c.name)).toEqual([
      'prose-change', 'prose-share', 'prose-share', 'prose-share', 'prose-share', 'prose-share', 'prose-share', 'prose-completion', 'prose-comparison', 'prose-change',
    ]);
    // a share split over two lines of the PDF (占 / 15.16%) is read as one, with both lines as its place
    const split = checks.find((c) => c.actual === 15.16)!;
    expect(split.refs[0]!.text).toBe('445.69万元，占15.16%');
    expect(split.refs[0]!.prov).toHaveLength(2);
    expect(split.refs[1]!.text).toBe('2940.05万元');
  });

  it('fire when one printed figure or word is changed', () => {
    expect(verdicts(['收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.97%。'])).toEqual([['prose-change', 'fail', 'error', 1.97]]);
    expect(verdicts(['收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，增长1.87%。'])).toEqual([['prose-change', 'fail', 'error', null]]);
    expect(verdicts(['支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。决算数大于预算数的主要原因：…'])).toEqual([
      ['prose-completion', 'pass', null, 98.2],
      ['prose-comparison', 'fail', 'error', null],
    ]);
    expect(verdicts(['本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.48%；'])).toEqual([['prose-share', 'fail', 'hint', 79.48]]);
    expect(verdicts(['本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.50%；'])).toEqual([['prose-share', 'fail', 'error', 79.5]]);
  });

  it('leave a share of a base the sentence does not print alone (占本年支出合计的100.00%)', () => {
    expect(verdicts(['一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。'])).toEqual([]);
  });
});

describe('percentages in hostile text', () => {
  it('reads a paragraph of 200,000 digits in linear time: no amount, no check (the unbounded digit run was quadratic)', () => {
    expect(checkProseRatios(buildDocument([], ['9'.repeat(200_000) + '。占5%'], 2024).blocks)).toEqual([]);
  });
});
