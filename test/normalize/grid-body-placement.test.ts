import { describe, expect, it } from 'vitest';
import { readBody } from '../../extractors/docx/read-body.js';
import { readStyles } from '../../extractors/docx/read-styles.js';
import { child, parseXml } from '../../extractors/docx/xml.js';
import { bodyRows } from '../../src/export/index.js';
import type { RawDocument } from '../../src/model/index.js';
import { normalizeDocument } from '../../src/normalize/normalize-document.js';
import { NORMALIZE_VOCABULARY } from '../../src/domain/normalize-vocabulary.js';

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const tc = (text: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${p(text)}</w:tc>`;
const tr = (cells: string) => `<w:tr>${cells}</w:tr>`;
const span = (n: number) => `<w:gridSpan w:val="${n}"/>`;

/** A .docx body (document.xml) through the docx reader and normalisation. */
function normalizeDocx(body: string) {
  const root = parseXml(`<w:document ${NS}><w:body>${body}</w:body></w:document>`);
  const { blocks, diagnostics } = readBody(child(root, 'w:body')!, readStyles(null));
  const raw: RawDocument = { schemaVersion: 1, format: 'docx', extractor: { name: 'docx', version: 'test' }, encoding: null, blocks, diagnostics };
  return normalizeDocument(raw, NORMALIZE_VOCABULARY);
}

describe('body cells of a format that records its merges (.docx grid)', () => {
  const doc = normalizeDocx(
    p('部门收入预算总表') +
      `<w:tbl><w:tblGrid>${'<w:gridCol w:w="100"/>'.repeat(6)}</w:tblGrid>` +
      tr(tc('科目编码', span(3)) + tc('科目名称', '<w:vMerge w:val="restart"/>') + tc('合计', '<w:vMerge w:val="restart"/>') + tc('财政拨款', '<w:vMerge w:val="restart"/>')) +
      tr(tc('类') + tc('款') + tc('项') + tc('', '<w:vMerge/>') + tc('', '<w:vMerge/>') + tc('', '<w:vMerge/>')) +
      tr(tc('201') + tc('03') + tc('01') + tc('行政运行') + tc('12.50') + tc('12.50')) +
      tr(tc('合计', span(4)) + tc('12.50') + tc('12.50')) +
      tr(tc('注：本表金额单位为万元。', span(6))) +
      '</w:tbl>',
  );
  const table = doc.tables[0]!;

  it('sit in the columns their grid place says: a 合计 across four columns keeps the amounts under 合计 and 财政拨款', () => {
    expect(table.columns.map((c) => c.path)).toEqual([['科目编码', '类'], ['科目编码', '款'], ['科目编码', '项'], ['科目名称'], ['合计'], ['财政拨款']]);
    expect(bodyRows(table)).toEqual([
      ['201', '03', '01', '行政运行', '12.50', '12.50'],
      ['合计', '', '', '', '12.50', '12.50'],
      ['注：本表金额单位为万元。', '', '', '', '', ''],
    ]);
  });

  it('store the merged cell once, in its first column, with its colspan', () => {
    const total = table.cells.filter((c) => !c.isHeader && c.row === table.headerRows + 1).map((c) => ({ text: c.text, col: c.col, colspan: c.colspan }));
    expect(total).toEqual([
      { text: '合计', col: 0, colspan: 4 },
      { text: '12.50', col: 4, colspan: 1 },
      { text: '12.50', col: 5, colspan: 1 },
    ]);
  });

  it('are not Word-text repairs: a full-width note row is not glued onto the 合计 row above it', () => {
    expect(table.nRows).toBe(3);
  });
});

describe('a header finished in the totals row (.docx grid)', () => {
  const vm = '<w:vMerge w:val="restart"/>';
  const cont = tc('', '<w:vMerge/>');
  const table = (rows: string) => normalizeDocx(p('收入决算表') + `<w:tbl><w:tblGrid>${'<w:gridCol w:w="100"/>'.repeat(6)}</w:tblGrid>${rows}</w:tbl>`).tables[0]!;

  it('takes the labels under a spanning header cell, printed in the 合计 row, as that cell’s children', () => {
    const t = table(
      tr(tc('科目编码', span(3)) + tc('科目名称', vm) + tc('合计', vm) + tc('财政拨款', vm)) +
        tr(tc('类') + tc('款') + tc('项') + tc('合计') + tc('12.50') + tc('12.50')) +
        tr(tc('201') + tc('03') + tc('01') + tc('行政运行') + tc('12.50') + tc('12.50')),
    );
    expect(t.columns.map((c) => c.path)).toEqual([['科目编码', '类'], ['科目编码', '款'], ['科目编码', '项'], ['科目名称'], ['合计'], ['财政拨款']]);
    expect(bodyRows(t)).toEqual([
      ['', '', '', '合计', '12.50', '12.50'],
      ['201', '03', '01', '行政运行', '12.50', '12.50'],
    ]);
  });

  it('leaves a first body row of labels under a spanning 项目 alone when it is no totals row', () => {
    const t = table(
      tr(tc('项目', span(2)) + tc('合计') + tc('财政拨款') + tc('其他') + tc('备注')) +
        tr(tc('工资福利支出') + tc('基本工资') + tc('12.50') + tc('12.50') + tc('') + tc('')) +
        tr(tc('工资福利支出') + tc('津贴补贴') + tc('1.00') + tc('1.00') + tc('') + tc('')),
    );
    expect(t.columns.map((c) => c.path)).toEqual([['项目'], ['项目'], ['合计'], ['财政拨款'], ['其他'], ['备注']]);
    expect(bodyRows(t)[0]).toEqual(['工资福利支出', '基本工资', '12.50', '12.50', '', '']);
  });

  it('ends the header at a row whose cell spans two header columns: 合计 across 编码 and 名称 is body', () => {
    const t = table(
      tr(tc('项目', span(2)) + tc('本年收入', vm) + tc('本年支出', span(3) + vm)) +
        tr(tc('科目编码') + tc('科目名称') + cont + tc('', span(3) + '<w:vMerge/>')) +
        tr(tc('合计', span(2)) + tc('') + tc('合计') + tc('基本支出') + tc('项目支出')) +
        tr(tc('2120801') + tc('征地补偿') + tc('5.00') + tc('5.00') + tc('0.00') + tc('5.00')),
    );
    expect(t.columns.map((c) => c.path)).toEqual([['项目', '科目编码'], ['项目', '科目名称'], ['本年收入'], ['本年支出', '合计'], ['本年支出', '基本支出'], ['本年支出', '项目支出']]);
    expect(bodyRows(t)).toEqual([
      ['合计', '', '', '', '', ''],
      ['2120801', '征地补偿', '5.00', '5.00', '0.00', '5.00'],
    ]);
  });
});
