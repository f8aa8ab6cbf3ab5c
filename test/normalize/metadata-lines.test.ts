import { describe, expect, it } from 'vitest';
import { parseMetaLine, parseMetaParagraph, parseMetaRow } from '../../src/normalize/metadata-lines.js';

describe('org lines', () => {
  it('reads a coded org line as code and name', () => {
    expect(parseMetaLine('434政府办')).toEqual({ field: 'org', code: '434', name: '政府办', text: '434政府办' });
  });

  it.each([
    ['编制部门：上海市普陀区人民政府办公室', '上海市普陀区人民政府办公室'],
    ['编制单位：上海市普陀区商务委员会', '上海市普陀区商务委员会'],
    ['预算主管部门：上海市普陀区人民政府办公室', '上海市普陀区人民政府办公室'],
    ['预算单位：上海市普陀区商务委员会', '上海市普陀区商务委员会'],
    ['单位名称：上海市普陀区财政局', '上海市普陀区财政局'],
    ['填报单位：机关事务服务中心部门', '机关事务服务中心部门'],
  ])('reads the labelled org line %s with no code', (text, name) => {
    expect(parseMetaLine(text)).toEqual({ field: 'org', code: null, name, text });
  });

  it('splits a line holding a labelled org and the unit (Shanghai prints both under each title)', () => {
    expect(parseMetaParagraph('编制部门：上海市普陀区人民政府办公室 单位：元')?.map((l) => l.field)).toEqual(['org', 'unit']);
    expect(parseMetaParagraph('预算单位：上海市普陀区商务委员会')).toEqual([{ field: 'org', code: null, name: '上海市普陀区商务委员会', text: '预算单位：上海市普陀区商务委员会' }]);
  });

  it('takes a lone labelled org line as a metadata row, but not a lone coded one', () => {
    expect(parseMetaRow(['编制部门：北戴河区人民政府办公室', ''])?.[0]).toMatchObject({ field: 'org', code: null });
    expect(parseMetaRow(['201 一般公共服务支出', ''])).toBeNull();
  });
});
