import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../extractors/pdf-text/extract-pdf-text.js';
import { extractWordText } from '../../extractors/word-text/extract-word-text.js';
import type { Diagnostic, DocxProvenance, RawCell, RawDocument, RawRow } from '../../src/model/index.js';
import { normalizeDocument } from '../../src/normalize/normalize-document.js';
import { NORMALIZE_VOCABULARY } from '../../src/domain/normalize-vocabulary.js';

// each heuristic of src/normalize that reshapes a table, fed a small table that triggers it: one
// info diagnostic `table-reshaped/<heuristic>` naming the table and what was done, placed on
// the rows it touched (the line numbers below are counted in the texts as written here)

const reshapes = (raw: RawDocument): Diagnostic[] => normalizeDocument(raw, NORMALIZE_VOCABULARY).diagnostics.filter((d) => d.code.startsWith('table-reshaped/'));
/** Word's text export: a cell per `\t` line, a row per run of them. */
const wordText = (title: string, rows: string[][]) => extractWordText([title, ...rows.flatMap((r) => [...r.map((c) => `\t${c}`), ''])].join('\n'));
const line = (d: Diagnostic) => (d.place?.kind === 'text' ? d.place.start.line : null);

describe('an info diagnostic table-reshaped/<heuristic> for each reshaping in normalisation', () => {
  it('none for a table read as printed', () => {
    expect(reshapes(wordText('1、部门预算收入总表', [['项目', '预算数'], ['一般公共服务支出', '8.00'], ['教育支出', '2.00']]))).toEqual([]);
  });

  it('split-rows: a row Word\'s text export printed in three pieces (3 + 1 + 2 cells of 6)', () => {
    const raw = wordText('1、专项业务活动费绩效目标表', [['一级指标', '二级指标', '三级指标', '指标值', '依据', '备注'], ['产出指标', '数量指标', '完成率'], ['全年'], ['≥90%', '合同']]);
    const [d, ...rest] = reshapes(raw);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'info', code: 'table-reshaped/split-rows', stage: 'normalize' });
    expect(d!.message).toBe('"专项业务活动费绩效目标表": 3 short rows (3 + 1 + 2 cells) joined into row "产出指标": the text export split one row at an empty paragraph');
    // line 9: the first piece's first cell, 产出指标
    expect(line(d!)).toBe(9);
  });

  it('metadata-lines: the org / year / unit row Word\'s export prints at the top of the table', () => {
    const [d, ...rest] = reshapes(wordText('1、部门预算收入总表', [['434政府办', '预算年度：2022', '单位：万元'], ['项目', '预算数'], ['一般公共服务支出', '8.00']]));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'table-reshaped/metadata-lines', message: '"部门预算收入总表": 1 row(s) at the top of piece 1 read as the table\'s org / year / unit lines, not as rows' });
    expect(line(d!)).toBe(2);
  });

  it('header-spans: upper header cells spread in equal shares where nothing says where they end', () => {
    const [d, ...rest] = reshapes(wordText('1、部门预算收支总表', [['收入', '支出'], ['科目', '预算数', '功能', '决算数'], ['一般公共服务支出', '8.00', '教育支出', '2.00']]));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'table-reshaped/header-spans', message: '"部门预算收支总表": header row 1\'s cells spread in equal shares over 科目 预算数 功能 决算数 (no repeated label or 合计 says where one ends)' });
    expect(line(d!)).toBe(2); // 收入
  });

  it('panels: two side-by-side copies of 项目 | 预算数', () => {
    const [d, ...rest] = reshapes(wordText('1、部门预算收支总表', [['项目', '预算数', '项目', '预算数'], ['一般公共服务支出', '8.00', '教育支出', '2.00']]));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'table-reshaped/panels', message: '"部门预算收支总表": read as 2 side-by-side panels of the same columns, starting at columns 1, 3' });
    expect(line(d!)).toBe(2);
  });

  it('fold-split-columns: a header label the converter split in two cells (上解上级 | 支出)', () => {
    const raw = extractPdfText(['部门预算支出总表', '', '单位：万元', '', '序号\t功能分类科目\t\t合计\t上解上级\t支出\t对附属单位补助支出', '栏次\t1\t2\t3\t4\t5', '1\t201\t一般公共服务支出\t8.00\t1.00\t2.00'].join('\n'));
    const [d, ...rest] = reshapes(raw);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'table-reshaped/fold-split-columns', message: '"部门预算支出总表": header row split into 7 cells for 6 columns: labels split by the converter joined (序号 | 功能分类科目 | 合计 | 上解上级支出 | 对附属单位补助支出)' });
    expect(line(d!)).toBe(5);
  });

  it('fold-split-columns: columns without a 栏次 number folded into their left neighbour (seed 002 三公)', () => {
    const raw = extractPdfText(['三公经费支出表', '', '序号\t项目\t一般公共预算\t财政拨款\t政府性基金\t预算拨款', '栏次\t1\t2\t\t3\t', '1\t合计\t374.46\t\t5.00\t', '2\t公务接待费\t55.58\t\t1.00\t'].join('\n'));
    const [d, ...rest] = reshapes(raw);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'table-reshaped/fold-split-columns', message: '"三公经费支出表": 2 column(s) without a 栏次 number that never hold a value beside the column to their left folded into it (printed columns 4, 6)' });
    expect(line(d!)).toBe(4); // the 栏次 row
  });

  it('realign-shifted-rows: a row the converter shifted one cell left (seed 002 L620)', () => {
    const raw = extractPdfText(
      [
        '1、办公楼物业费绩效目标表', '',
        '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据',
        '产出指标\t数量指标\t空调维保完成率\t空调维保完成率\t≥90%\t合同约定',
        '\t质量指标\t电梯运转率\t电梯运转率\t≥90%\t验收单',
        '质量指标\t高压电缆抢修验收合格率\t高压电缆抢修验收合格率\t≥90%\t验收单\t',
        '\t质量指标\t防水维修验收合格率\t防水维修验收合格率\t≥90%\t验收单',
      ].join('\n'),
    );
    const [d, ...rest] = reshapes(raw);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'table-reshaped/realign-shifted-rows', message: '"办公楼物业费绩效目标表": row "质量指标" moved one cell right: the converter had lost its empty first cell' });
    expect(line(d!)).toBe(6);
  });

  it('table-groups, repeated-header, rejoin-cut-cells: a table printed over two pages, its header repeated, a row cut by the break', () => {
    const raw = extractPdfText(
      [
        '2、办公楼物业费绩效目标表', '',
        '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据',
        '产出指标\t数量指标\t物业服务面积\t保持办公大楼原有的使用功能及公共\t12882 平方米\t合同约定及年度工作计', '',
        '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据',
        '\t\t\t区域的破损\t\t划',
        '\t质量指标\t达标率\t达标率\t≥90%\t合同约定',
      ].join('\n'),
    );
    const found = reshapes(raw);
    expect(found.map((d) => [d.code, d.message, line(d)])).toEqual([
      ['table-reshaped/table-groups', '"办公楼物业费绩效目标表": piece 2 (a next page, or the next table under the same title) joined on as the same table', 6],
      ['table-reshaped/repeated-header', '"办公楼物业费绩效目标表": 1 header row(s) repeated at the top of piece 2 dropped', 6],
      ['table-reshaped/rejoin-cut-cells', '"办公楼物业费绩效目标表": row "区域的破损" at the top of piece 2 joined to row "产出指标": its key columns are empty, the rest of a row the page break cut', 7],
    ]);
    expect(found.every((d) => d.severity === 'info' && d.stage === 'normalize')).toBe(true);
  });
});

// a Word table (grid layout) as extractors/docx gives it
const at = (row: number, cell: number): DocxProvenance => ({ kind: 'docx', block: 1, table: 0, row, cell, paragraph: 0 });
const cell = (raw: string, col: number, row: number, k: number, span: Partial<RawCell> = {}): RawCell => ({ raw, col, rowspan: 1, colspan: 1, prov: [at(row, k)], ...span });
const gridRow = (r: number, cells: RawCell[]): RawRow => ({ cells, prov: [{ kind: 'docx', block: 1, table: 0, row: r }] });
const gridDoc = (blocks: RawDocument['blocks']): RawDocument => ({ schemaVersion: 1, format: 'docx', extractor: { name: 'docx', version: 'test' }, encoding: null, blocks, diagnostics: [] });
const title = { type: 'paragraph' as const, raw: '收入决算表', prov: [{ kind: 'docx' as const, block: 0 }] };

describe('in a grid table', () => {
  it('labels-in-total-row: 类 | 款 | 项 printed in the 合计 row under a 科目编码 spanning three columns', () => {
    const rows = [
      gridRow(0, [cell('科目编码', 0, 0, 0, { colspan: 3, isHeader: true }), cell('科目名称', 3, 0, 1, { isHeader: true }), cell('金额', 4, 0, 2, { isHeader: true })]),
      gridRow(1, [cell('类', 0, 1, 0), cell('款', 1, 1, 1), cell('项', 2, 1, 2), cell('合计', 3, 1, 3), cell('2,946.25', 4, 1, 4)]),
      gridRow(2, [cell('201', 0, 2, 0), cell('', 1, 2, 1), cell('', 2, 2, 2), cell('一般公共服务支出', 3, 2, 3), cell('946.25', 4, 2, 4)]),
    ];
    const [d, ...rest] = reshapes(gridDoc([title, { type: 'table', layout: 'grid', rows, prov: [{ kind: 'docx', block: 1, table: 0 }] }]));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'table-reshaped/labels-in-total-row', message: '"收入决算表": header labels printed in the totals row (row "类") lifted into a header row of their own', place: at(1, 0) });
  });

  it('title-in-grid: the title printed in the table\'s own first row (a spreadsheet-made PDF\'s invisible borders)', () => {
    const rows = [
      gridRow(0, [cell('', 0, 0, 0), cell('', 1, 0, 1)]),
      gridRow(1, [cell('部门预算收支总表', 0, 1, 0, { colspan: 2 })]),
      gridRow(2, [cell('项目', 0, 2, 0, { isHeader: true }), cell('预算数', 1, 2, 1, { isHeader: true })]),
      gridRow(3, [cell('一般公共服务支出', 0, 3, 0), cell('8.00', 1, 3, 1)]),
    ];
    const [d, ...rest] = reshapes(gridDoc([{ type: 'table', layout: 'grid', rows, prov: [{ kind: 'docx', block: 1, table: 0 }] }]));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'table-reshaped/title-in-grid', message: '"部门预算收支总表": title read from the table\'s own first filled row, blank rows before its header dropped', place: at(1, 0) });
  });
});
