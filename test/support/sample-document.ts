import type { Document, TextProvenance } from '../../src/model/index.js';

const at = (line: number, column: number, offset: number, length: number): TextProvenance => ({
  kind: 'text',
  start: { line, column, offset },
  end: { line, column: column + length, offset: offset + length },
});

/** A small but realistic Document built by hand: two tables, a merged header, a multi-line cell, a stitched cell. */
export function sampleDocument(): Document {
  return {
    schemaVersion: 1,
    format: 'word-text',
    encoding: 'utf-8',
    extractor: { name: 'word-text', version: '1.0.0' },
    org: { code: '434', name: '政府办' },
    year: 2022,
    docKind: '预算',
    blocks: [
      { order: 0, type: 'heading', text: '部门预算收入总表', tableOrder: null, prov: [at(1, 1, 0, 8)] },
      { order: 1, type: 'table', text: '部门预算收入总表', tableOrder: 0, prov: [at(2, 1, 9, 40)] },
      { order: 2, type: 'paragraph', text: '说明。', tableOrder: null, prov: [at(20, 1, 200, 3)] },
      { order: 3, type: 'table', text: '专项业务活动费绩效目标表', tableOrder: 1, prov: [at(21, 1, 210, 30)] },
    ],
    tables: [
      {
        order: 0,
        title: '部门预算收入总表',
        titleRaw: '[bookmark: _Toc_1]部门预算收入总表',
        kind: 'budget_revenue_summary',
        unit: '万元',
        meta: { org: '434政府办', year: '2022', unit: '万元', asOf: null },
        columns: [
          { index: 0, path: ['序号'] },
          { index: 1, path: ['功能分类科目', '科目编码'] },
          { index: 2, path: ['功能分类科目', '科目名称'] },
          { index: 3, path: ['合计'] },
        ],
        headerRows: 2,
        nRows: 2,
        nCols: 4,
        cells: [
          { row: 0, col: 0, rowspan: 2, colspan: 1, isHeader: true, text: '序号', raw: '序号', value: null, prov: [at(3, 2, 20, 2)] },
          { row: 0, col: 1, rowspan: 1, colspan: 2, isHeader: true, text: '功能分类科目', raw: '功能分类科目', value: null, prov: [at(4, 2, 24, 6)] },
          { row: 0, col: 3, rowspan: 2, colspan: 1, isHeader: true, text: '合计', raw: '合计', value: null, prov: [at(5, 2, 32, 2)] },
          { row: 1, col: 1, rowspan: 1, colspan: 1, isHeader: true, text: '科目编码', raw: '科目    编码', value: null, prov: [at(7, 2, 38, 8)] },
          { row: 1, col: 2, rowspan: 1, colspan: 1, isHeader: true, text: '科目名称', raw: '科目名称', value: null, prov: [at(8, 2, 48, 4)] },
          { row: 2, col: 0, rowspan: 1, colspan: 1, isHeader: false, text: '1', raw: '1', value: 1, prov: [at(10, 2, 60, 1)] },
          { row: 2, col: 1, rowspan: 1, colspan: 1, isHeader: false, text: '', raw: '', value: null, prov: [at(11, 2, 63, 0)] },
          { row: 2, col: 2, rowspan: 1, colspan: 1, isHeader: false, text: '合计', raw: '合计', value: null, prov: [at(12, 2, 65, 2)] },
          { row: 2, col: 3, rowspan: 1, colspan: 1, isHeader: false, text: '929.90', raw: '929.90', value: 929.9, prov: [at(13, 2, 69, 6)] },
          { row: 3, col: 0, rowspan: 1, colspan: 1, isHeader: false, text: '2', raw: '2', value: 2, prov: [at(15, 2, 80, 1)] },
          { row: 3, col: 1, rowspan: 1, colspan: 1, isHeader: false, text: '201', raw: '201', value: 201, prov: [at(16, 2, 83, 3)] },
          { row: 3, col: 2, rowspan: 1, colspan: 1, isHeader: false, text: '一般公共服务支出', raw: '一般公共服务支出', value: null, prov: [at(17, 2, 88, 8)] },
          { row: 3, col: 3, rowspan: 1, colspan: 1, isHeader: false, text: '784.52', raw: '784.52', value: 784.52, prov: [at(18, 2, 98, 6)] },
        ],
        prov: [at(1, 1, 0, 8), at(2, 1, 9, 40)],
      },
      {
        order: 1,
        title: '专项业务活动费绩效目标表',
        titleRaw: '16、专项业务活动费绩效目标表',
        kind: 'performance_targets',
        unit: null,
        meta: { org: null, year: null, unit: null, asOf: null },
        columns: [{ index: 0, path: ['一级指标'] }, { index: 1, path: ['二级指标'] }],
        headerRows: 1,
        nRows: 2,
        nCols: 2,
        cells: [
          { row: 0, col: 0, rowspan: 1, colspan: 1, isHeader: true, text: '一级指标', raw: '一级指标', value: null, prov: [at(25, 2, 250, 4)] },
          { row: 0, col: 1, rowspan: 1, colspan: 1, isHeader: true, text: '二级指标', raw: '二级指标', value: null, prov: [at(26, 2, 256, 4)] },
          { row: 1, col: 0, rowspan: 1, colspan: 1, isHeader: false, text: '绩效目标', raw: '绩效目标', value: null, prov: [at(22, 2, 220, 4)] },
          {
            row: 1, col: 1, rowspan: 1, colspan: 1, isHeader: false,
            text: '1.负责, "组织"\n2.保证', raw: '1.负责, "组织"\n2.保证', value: null,
            prov: [{ kind: 'text', start: { line: 23, column: 2, offset: 226 }, end: { line: 24, column: 5, offset: 240 } }],
          },
          { row: 2, col: 0, rowspan: 1, colspan: 1, isHeader: false, text: '产出指标', raw: '产出指标', value: null, prov: [at(28, 2, 270, 4)] },
          { row: 2, col: 1, rowspan: 1, colspan: 1, isHeader: false, text: '区域的破损', raw: '区域的破损', value: null, prov: [at(29, 2, 276, 2), at(33, 4, 300, 3)] },
        ],
        prov: [at(21, 1, 210, 14)],
      },
    ],
    diagnostics: [{ severity: 'warning', code: 'header-span-ambiguous', stage: 'normalize', message: 'example', place: at(1, 1, 0, 8) }],
  };
}
