import { describe, expect, it } from 'vitest';
import { cleanText, cleanTitle } from '../../src/normalize/clean-text.js';

describe('cleanText', () => {
  it.each([
    ['项  目', '项目'],
    ['一般公共预算              财政拨款', '一般公共预算财政拨款'],
    ['12882 平方米', '12882平方米'],
    ['    其中：教学科研人员因公出国（境）费', '其中：教学科研人员因公出国（境）费'],
    ['　　其中：办公用房（平方米）', '其中：办公用房（平方米）'],
    ['[bookmark: _GoBack]4.25', '4.25'],
    ['  90%  及以上', '90%及以上'],
    ['Hello   World', 'Hello World'],
    ['1.确保运转。   \n\n2.严格标准。   ', '1.确保运转。\n2.严格标准。'],
  ])('%j → %j', (raw, clean) => expect(cleanText(raw)).toBe(clean));
});

describe('cleanTitle', () => {
  it.each([
    ['14.深改办工作经费绩效目标表 TC 14、深改办工作经费绩效目标表 \\f C \\l 1  ', '深改办工作经费绩效目标表'],
    ['[bookmark: _Toc_2_2_0000000001]部门预算收支总表', '部门预算收支总表'],
    ['1、（一）非全额事业单位定额补助绩效目标表', '非全额事业单位定额补助绩效目标表'],
    ['一、总体绩效目标 TC 总体绩效目标 \\f A \\l 1  ', '总体绩效目标'],
    ['2022年资产构成情况表', '2022年资产构成情况表'],
  ])('%j → %j', (raw, clean) => expect(cleanTitle(raw)).toBe(clean));
});
