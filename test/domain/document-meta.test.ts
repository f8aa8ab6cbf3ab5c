import { describe, expect, it } from 'vitest';
import { inferDocScope } from '../../src/domain/document-meta.js';

describe('inferDocScope', () => {
  it('takes 部门 or 单位 from the first heading or paragraph that names one, else from the table titles', () => {
    expect(inferDocScope(['2025年预算单位财务收支预算总表', '2025年预算单位一般公共预算基本支出部门预算经济分类预算表'], ['上海市普陀区2025年区级单位预算', '预算单位：上海市普陀区商务委员会'])).toBe('单位');
    expect(inferDocScope([], ['上海市普陀区财政局2024年度部门决算', '二、部门决算单位构成'])).toBe('部门');
    expect(inferDocScope(['部门预算收支总表'], ['说明'])).toBe('部门');
    expect(inferDocScope(['单位 决算 表'], [])).toBe('单位');
    // 预算单位 is a unit of a budget, not a unit's budget
    expect(inferDocScope(['收支总表'], ['预算单位：某某中心'])).toBeNull();
  });
});
