import { describe, expect, it } from 'vitest';
import { parseIndicatorValue } from '../../src/domain/indicator-value.js';

const p = (raw: string) => {
  const { kind, operator, number, upper, unit } = parseIndicatorValue(raw);
  return { kind, operator, number, upper, unit };
};

describe('parseIndicatorValue', () => {
  it('reads the values of the issue into operator, number and unit', () => {
    expect(p('≥95%')).toEqual({ kind: 'number', operator: '≥', number: 95, upper: null, unit: '%' });
    expect(p('≤14.98万元')).toEqual({ kind: 'number', operator: '≤', number: 14.98, upper: null, unit: '万元' });
    expect(p('=6条')).toEqual({ kind: 'number', operator: '=', number: 6, upper: null, unit: '条' });
    expect(p('<3 次')).toEqual({ kind: 'number', operator: '<', number: 3, upper: null, unit: '次' });
    expect(p('12882 平方米')).toEqual({ kind: 'number', operator: null, number: 12882, upper: null, unit: '平方米' });
    expect(p('≤4.3 元/平米/天')).toEqual({ kind: 'number', operator: '≤', number: 4.3, upper: null, unit: '元/平米/天' });
  });

  it('keeps the raw text', () => {
    expect(parseIndicatorValue('<3 次').raw).toBe('<3 次');
  });

  it('gives no number where none is printed as the value', () => {
    expect(p('2023年12月底')).toEqual({ kind: 'date', operator: null, number: null, upper: null, unit: null });
    expect(p('2023年7月底前')).toEqual({ kind: 'date', operator: '≤', number: null, upper: null, unit: null });
    expect(p('是否')).toEqual({ kind: 'yes-no', operator: null, number: null, upper: null, unit: null });
    expect(p('比上年有所提高')).toEqual({ kind: 'text', operator: null, number: null, upper: null, unit: null });
    expect(p('发生故障维修在48小时内解决')).toMatchObject({ kind: 'text', number: null });
    expect(p('优')).toMatchObject({ kind: 'text', number: null });
  });

  it('reads words for comparisons, ranges, and 以上/以下 (which include the number)', () => {
    expect(p('95%及以上')).toEqual({ kind: 'number', operator: '≥', number: 95, upper: null, unit: '%' });
    expect(p('80%以下')).toEqual({ kind: 'number', operator: '≤', number: 80, upper: null, unit: '%' });
    expect(p('少于15天')).toEqual({ kind: 'number', operator: '<', number: 15, upper: null, unit: '天' });
    expect(p('大于45天')).toEqual({ kind: 'number', operator: '>', number: 45, upper: null, unit: '天' });
    expect(p('80-90%')).toEqual({ kind: 'range', operator: null, number: 80, upper: 90, unit: '%' });
    expect(p('≤7个工作日')).toEqual({ kind: 'number', operator: '≤', number: 7, upper: null, unit: '个工作日' });
    expect(p('＞１０次')).toEqual({ kind: 'number', operator: '>', number: 10, upper: null, unit: '次' });
    expect(p('0')).toEqual({ kind: 'number', operator: null, number: 0, upper: null, unit: null });
  });
});
