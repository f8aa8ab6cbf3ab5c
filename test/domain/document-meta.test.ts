import { describe, expect, it } from 'vitest';
import { inferDocScope, inferOrg } from '../../src/domain/document-meta.js';

describe('inferOrg', () => {
  it('prefers a coded org line above a table (the national seeds)', () => {
    expect(inferOrg(['预算主管部门：某某局'], [{ code: null, name: '某某局' }, { code: '434', name: '政府办' }])).toEqual({ code: '434', name: '政府办' });
  });

  it('else names the org of a labelled line, under a table or on the cover, with no code', () => {
    expect(inferOrg([], [{ code: null, name: '上海市普陀区商务委员会' }])).toEqual({ code: null, name: '上海市普陀区商务委员会' });
    expect(inferOrg(['上海市普陀区2025年区级部门预算', '预算主管部门：上海市普陀区人民政府办公室'], [])).toEqual({ code: null, name: '上海市普陀区人民政府办公室' });
  });

  it('else reads the org before the year of the cover title', () => {
    expect(inferOrg(['上海市普陀区财政局2024年度部门决算', '目录'], [])).toEqual({ code: null, name: '上海市普陀区财政局' });
    expect(inferOrg(['中共上海市普陀区委社会工作部 2024 年度部门决算'], [])).toEqual({ code: null, name: '中共上海市普陀区委社会工作部' });
  });

  it('reads no org from a district-wide cover, a part heading, or a bare number in prose', () => {
    expect(inferOrg(['上海市普陀区2025年区级部门预算', '第二部分上海市普陀区财政局2024年度部门决算表', '100人参加培训'], [])).toEqual({ code: null, name: null });
  });
});

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
