import { describe, expect, it } from 'vitest';
import { DOCUMENT_META_WORDS as W } from '../../src/domain/document-meta.js';
import { inferOrg } from '../../src/normalize/document-meta.js';

describe('inferOrg', () => {
  it('prefers a coded org line above a table (the national seeds)', () => {
    expect(inferOrg(['预算主管部门：某某局'], [{ code: null, name: '某某局' }, { code: '434', name: '政府办' }], W)).toEqual({ code: '434', name: '政府办' });
  });

  it('else names the org of a labelled line, under a table or on the cover, with no code', () => {
    expect(inferOrg([], [{ code: null, name: '上海市普陀区商务委员会' }], W)).toEqual({ code: null, name: '上海市普陀区商务委员会' });
    expect(inferOrg(['上海市普陀区2025年区级部门预算', '预算主管部门：上海市普陀区人民政府办公室'], [], W)).toEqual({ code: null, name: '上海市普陀区人民政府办公室' });
  });

  it('else reads the org before the year of the cover title', () => {
    expect(inferOrg(['上海市普陀区财政局2024年度部门决算', '目录'], [], W)).toEqual({ code: null, name: '上海市普陀区财政局' });
    expect(inferOrg(['中共上海市普陀区委社会工作部 2024 年度部门决算'], [], W)).toEqual({ code: null, name: '中共上海市普陀区委社会工作部' });
  });

  it('reads no org from a district-wide cover, a part heading, or a bare number in prose', () => {
    expect(inferOrg(['上海市普陀区2025年区级部门预算', '第二部分上海市普陀区财政局2024年度部门决算表', '100人参加培训'], [], W)).toEqual({ code: null, name: null });
  });
});
