import { describe, expect, it } from 'vitest';
import type { RawBlock, RawDocument, RawRow } from '../../src/model/index.js';
import { isMetaLabelled } from '../../src/normalize/metadata-lines.js';
import { normalizeDocument } from '../../src/normalize/normalize-document.js';
import { NORMALIZE_VOCABULARY } from '../../src/domain/normalize-vocabulary.js';

const prov = (page: number) => [{ kind: 'pdf' as const, page, bbox: [0, 0, 10, 10] as [number, number, number, number] }];
const text = (type: 'heading' | 'paragraph' | 'toc', raw: string, page = 1): RawBlock => ({ type, raw, prov: prov(page) });
const row = (...cells: string[]): RawRow => ({ cells: cells.map((raw) => ({ raw, prov: prov(1) })), prov: prov(1) });
const table = (rows: RawRow[], page = 1): RawBlock => ({ type: 'table', layout: 'compact', rows, prov: prov(page) });
const doc = (blocks: RawBlock[]): RawDocument => ({ schemaVersion: 1, format: 'pdf', extractor: { name: 'test', version: '0' }, encoding: null, blocks, diagnostics: [] });

const units = () => table([row('序号', '单位名称', '备注'), row('1', '上海市普陀区财政局（本级）', '')]);
const summary = () => table([row('项目', '决算数'), row('合计', '1.00')]);

describe('table titles', () => {
  it('a table with prose right above it takes the nearest heading above, numbering dropped (corpus/real 2024 决算 p.4)', () => {
    const d = normalizeDocument(doc([text('paragraph', '二、部门决算单位构成'), text('paragraph', '纳入本部门2024年度部门决算编制范围的单位包括：'), units()]), NORMALIZE_VOCABULARY);
    expect(d.tables.map((t) => t.title)).toEqual(['部门决算单位构成']);
  });

  it('a heading gives its title to one table only, and never a sentence or a toc entry', () => {
    const d = normalizeDocument(
      doc([text('heading', '二、部门决算单位构成'), text('paragraph', '单位包括：'), units(), text('paragraph', '说明如下：'), summary(), text('toc', '三、收入决算表……………'), text('paragraph', '情况如下：'), summary()]),
      NORMALIZE_VOCABULARY,
    );
    expect(d.tables.map((t) => t.title)).toEqual(['部门决算单位构成', null, null]);
  });

  it('a labelled metadata line is never a title, whatever its value', () => {
    expect(isMetaLabelled('截止时间：2024年12月31日')).toBe(true);
    expect(isMetaLabelled('单位：万元')).toBe(true);
    expect(isMetaLabelled('预算主管部门：上海市普陀区人民政府办公室')).toBe(true);
    expect(isMetaLabelled('部门决算单位构成')).toBe(false);
    const d = normalizeDocument(doc([text('heading', '上海市普陀区2025年区级部门预算'), text('paragraph', '预算主管部门：上海市普陀区人民政府办公室'), text('paragraph', '目录'), table([row('一、部门主要职能'), row('二、部门机构设置')])]), NORMALIZE_VOCABULARY);
    expect(d.tables[0]!.title).toBe('目录');
    expect(d.org).toEqual({ code: null, name: '上海市普陀区人民政府办公室' });
  });

  it('a title printed inside the grid starts a table of its own, its metadata rows read (corpus/real commerce p.14)', () => {
    const d = normalizeDocument(
      doc([
        text('heading', '2025年预算单位支出预算总表'),
        summary(),
        table([row('', '', ''), row('2025年预算单位财政拨款收支预算总表'), row('', '', ''), row('编制单位：上海市普陀区商务委员会', '', '单位：元'), row('', '', ''), row('项目', '预算数', '合计'), row('一、一般公共预算资金', '3.00', '3.00')], 2),
      ]),
      NORMALIZE_VOCABULARY,
    );
    expect(d.tables.map((t) => [t.title, t.unit, t.meta.org, t.nRows])).toEqual([
      ['2025年预算单位支出预算总表', null, null, 1],
      ['2025年预算单位财政拨款收支预算总表', '元', '编制单位：上海市普陀区商务委员会', 1],
    ]);
    expect(d.tables[1]!.prov[0]).toMatchObject({ page: 1 });
  });
});
