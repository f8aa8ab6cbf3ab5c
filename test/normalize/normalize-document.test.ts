import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../extractors/pdf-text/extract-pdf-text.js';
import { extractWordText } from '../../extractors/word-text/extract-word-text.js';
import { Document, type RawDocument, type Table } from '../../src/model/index.js';
import { normalizeDocument } from '../../src/normalize/normalize-document.js';
import { NORMALIZE_VOCABULARY } from '../../src/domain/normalize-vocabulary.js';

const bodyRows = (t: Table) => {
  const rows: string[][] = [];
  for (const c of t.cells) if (c.row >= t.headerRows) (rows[c.row - t.headerRows] ??= [])[c.col] = c.text;
  return rows;
};
const paths = (t: Table) => t.columns.map((c) => c.path.join('/'));

describe('normalizeDocument on Word-export text', () => {
  const text = [
    '[bookmark: _Toc_1]部门预算收入总表',
    '\t434政府办', '\t预算年度：2022', '\t单位：万元', '',
    '\t序号', '\t功能分类科目', '\t合计', '',
    '\t', '\t科目    编码', '\t科目名称', '\t', '',
    '\t栏次', '\t1', '\t2', '\t3', '',
    '\t1', '\t201', '\t一般公共服务支出', '\t784.52', '',
    '', '',
    '1、专项业务活动费绩效目标表',
    '\t绩效目标', '\t1.负责做好有关公务活动', '2.保证各项工作的顺利开展', '', '', ' ',
    '\t一级指标', '\t二级指标', '', '\t产出指标', '\t数量指标', '',
  ].join('\n');
  const doc = Document.parse(normalizeDocument(extractWordText(text), NORMALIZE_VOCABULARY));

  it('takes org / year / unit rows as metadata and the 栏次 row out of the body', () => {
    const [t] = doc.tables;
    expect(t!.title).toBe('部门预算收入总表');
    expect(t!.meta).toEqual({ org: '434政府办', year: '2022', unit: '万元', asOf: null });
    expect(paths(t!)).toEqual(['序号', '功能分类科目/科目编码', '功能分类科目/科目名称', '合计']);
    expect(bodyRows(t!)).toEqual([['1', '201', '一般公共服务支出', '784.52']]);
    expect(t!.cells.find((c) => c.text === '784.52')!.value).toBe(784.52);
    expect(doc.org).toEqual({ code: '434', name: '政府办' });
    expect(doc.year).toBe(2022);
  });

  it('puts the 绩效目标 row and the indicator table under one title, the 一级指标 row as header', () => {
    const t = doc.tables[1]!;
    expect(t.title).toBe('专项业务活动费绩效目标表');
    expect(paths(t)).toEqual(['一级指标', '二级指标']);
    expect(bodyRows(t)).toEqual([['绩效目标', '1.负责做好有关公务活动\n2.保证各项工作的顺利开展'], ['产出指标', '数量指标']]);
  });
});

describe('normalizeDocument on PDF-converted text', () => {
  const page = (rows: string[]) => rows.join('\n');
  const text = [
    '1、部门预算支出总表', '',
    '430 秦皇岛经济技术开发区机关事务服', '', '务中心', '', '预算年度：2023', '', '单位：万元', '',
    page(['序号\t功能分类科目\t\t合计', '\t科目编码\t科目名称\t', '栏次\t1\t2\t3', '1\t\t合计\t8900.03', '2\t201\t一般公共服务支出\t8309.97']), '',
    '430 秦皇岛经济技术开发区机关事务服务中心 预算年度：2023 单位：万元', '',
    page(['序号\t功能分类科目\t\t合计', '\t科目 编 码\t科目名称\t', '栏 次\t1\t2\t3', '3\t20103\t政府办公厅（室）及相关机构事务\t8001.97']), '',
    '2、办公楼物业费绩效目标表', '',
    page(['绩效目标\t\t\t1.保障办公楼物业管理服务健全\t\t', '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据', '产出指标\t数量指标\t物业服务面积\t保持办公大楼原有的使用功能及公共\t12882 平方米\t合同约定及年度工作计']), '',
    page(['一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据', '\t\t\t区域的破损\t\t划', '\t质量指标\t达标率\t达标率\t$\\geq 90\\%$\t合同约定']),
  ].join('\n');
  const doc = Document.parse(normalizeDocument(extractPdfText(text), NORMALIZE_VOCABULARY));

  it('stitches a table split over pages into one, dropping the repeated page header however it was word-broken', () => {
    expect(doc.tables.map((t) => t.title)).toEqual(['部门预算支出总表', '办公楼物业费绩效目标表']);
    const t = doc.tables[0]!;
    expect(paths(t)).toEqual(['序号', '功能分类科目/科目编码', '功能分类科目/科目名称', '合计']);
    expect(bodyRows(t).map((r) => r[0])).toEqual(['1', '2', '3']);
    expect(t.meta).toEqual({ org: '430秦皇岛经济技术开发区机关事务服务中心', year: '2023', unit: '万元', asOf: null });
    expect(doc.org).toEqual({ code: '430', name: '秦皇岛经济技术开发区机关事务服务中心' });
  });

  it('rejoins a cell cut by the page break, keeping both pieces of provenance, and cleans LaTeX', () => {
    const rows = bodyRows(doc.tables[1]!);
    expect(rows).toEqual([
      ['绩效目标', '', '', '1.保障办公楼物业管理服务健全', '', ''],
      ['产出指标', '数量指标', '物业服务面积', '保持办公大楼原有的使用功能及公共区域的破损', '12882平方米', '合同约定及年度工作计划'],
      ['', '质量指标', '达标率', '达标率', '≥90%', '合同约定'],
    ]);
    const cut = doc.tables[1]!.cells.find((c) => c.text.endsWith('区域的破损'))!;
    expect(cut.prov.map((p) => (p.kind === 'text' ? p.start.line : 0))).toEqual([28, 31]);
  });

  it('keeps the page-header lines out of the prose', () => {
    expect(doc.blocks.filter((b) => b.type !== 'table').map((b) => b.text)).toEqual(['1、部门预算支出总表', '2、办公楼物业费绩效目标表']);
  });
});

describe('normalizeDocument on text with radicals for ideographs', () => {
  // what a Chromium (Skia) print of a CJK font can map its glyphs to: 门 as ⻔ (CJK Radicals
  // Supplement), 支 入 一 as Kangxi radicals
  const text = [
    '部⻔预算收⽀总表',
    '\t434政府办', '\t预算年度：2022', '\t单位：万元', '',
    '\t收⼊', '\t⽀出', '',
    '\t⼀般公共预算拨款收⼊', '\t929.90', '',
    '', '',
    '本部⻔⽆三公经费⽀出。',
  ].join('\n');
  const doc = Document.parse(normalizeDocument(extractWordText(text), NORMALIZE_VOCABULARY));
  const t = doc.tables[0]!;

  it('gives the unified ideographs in text and keeps the radicals in raw', () => {
    expect(t.title).toBe('部门预算收支总表');
    expect(t.titleRaw).toBe('部⻔预算收⽀总表');
    expect(paths(t)).toEqual(['收入', '支出']);
    expect(bodyRows(t)).toEqual([['一般公共预算拨款收入', '929.90']]);
    const label = t.cells.find((c) => c.text === '一般公共预算拨款收入')!;
    expect(label.raw).toBe('⼀般公共预算拨款收⼊');
    expect(t.cells.find((c) => c.text === '收入')!.raw).toBe('收⼊');
    expect(doc.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text)).toContain('本部门无三公经费支出。');
  });
});

describe('normalizeDocument on metadata lines set as headings', () => {
  // Chromium's print of seed 000, p. 11: the page's free text is mostly a 9 pt table cell cut by
  // the page break, so its 10.5 pt org and 预算年度 lines come out larger than the body: headings
  const prov = [{ kind: 'pdf' as const, page: 11, bbox: [0, 0, 10, 10] as [number, number, number, number] }];
  const cell = (raw: string) => ({ raw, prov });
  const row = (...cells: string[]) => ({ cells: cells.map(cell), prov });
  const raw: RawDocument = {
    schemaVersion: 1,
    format: 'pdf',
    extractor: { name: 'pdf', version: 'test' },
    encoding: null,
    diagnostics: [],
    blocks: [
      { type: 'heading', raw: '19、大气办工作经费绩效目标表', prov },
      { type: 'heading', raw: '434政府办', prov },
      { type: 'heading', raw: '预算年度：2022', prov },
      { type: 'table', layout: 'compact', rows: [row('项目', '金额'), row('合计', '929.90')], prov },
    ],
  };
  const doc = Document.parse(normalizeDocument(raw, NORMALIZE_VOCABULARY));

  it('reads them as metadata, leaving the title the title', () => {
    expect(doc.tables.map((t) => t.title)).toEqual(['大气办工作经费绩效目标表']);
    expect(doc.tables[0]!.meta).toMatchObject({ org: '434政府办', year: '2022' });
  });
});
