import { describe, expect, it } from 'vitest';
import { findProseClaims, topicOf } from '../../src/domain/prose-claims.js';
import { buildDocument } from './build-table.js';

const claims = (paragraphs: string[], year = 2023) => findProseClaims(buildDocument([], paragraphs, year).blocks, year).map((c) => `${c.topic}|${c.lead}|${c.printed}`);

describe('findProseClaims', () => {
  it('reads each amount with the words just before it', () => {
    expect(claims(['2023年部门支出预算为8320.77万元，其中基本支出3611.85万元，包括人员经费2069.09万元和日常公用经费1542.76万元；项目支出5288.18万元。'])).toEqual([
      'general|2023年部门支出预算为|8320.77万元',
      'general|其中基本支出|3611.85万元',
      'general|包括人员经费|2069.09万元',
      'general|和日常公用经费|1542.76万元',
      'general|项目支出|5288.18万元',
    ]);
  });

  it('skips sentences about another year (seed 002 L408) and leads about changes or plans', () => {
    expect(
      claims([
        '部门2023年“三公经费”为374.46万元。2022年三公经费为367.45万元，其中：公务出国0万元。2023年“三公经费”总体比2022年增加7.01万元。',
        '较2022年增加579.26万元，其中：基本支出增加589.69万元。本年度拟购置固定资产总额为0.00万元。',
      ]),
    ).toEqual(['三公|部门2023年三公经费为|374.46万元']);
  });

  it('keeps a closed parenthesis in a name, and starts inside an open one', () => {
    expect(claims(['其中：因公出国（境）费0万元；公务用车购置及运行维护费1.25万元（其中：公务用车购置费为0万元，公务用车运行维护费1.25万元)'], 2022)).toEqual([
      'general|其中：因公出国（境）费|0万元',
      'general|公务用车购置及运行维护费|1.25万元',
      'general|其中：公务用车购置费为|0万元',
      'general|公务用车运行维护费|1.25万元',
    ]);
  });

  it('takes the topic from the section heading (三公 items only count as 三公 there)', () => {
    expect(topicOf('四、财政拨款“三公”经费预算情况及增减变化原因')).toBe('三公');
    expect(topicOf('三、机关运行经费安排情况')).toBe('公用经费');
    expect(claims(['三、机关运行经费安排情况', '1、公务接待费：0.90万元。', '四、财政拨款“三公”经费预算情况', '（二）公务接待费。安排0.9万元。'])).toEqual([
      '公用经费|公务接待费：|0.90万元',
      '三公|安排|0.9万元',
    ]);
  });

  it('reads 元 as well as 万元', () => {
    expect(claims(['本部门上年末固定资产金额为1186.08元（详见下表）。'], 2019)).toEqual(['资产|本部门上年末固定资产金额为|1186.08元']);
  });
});
