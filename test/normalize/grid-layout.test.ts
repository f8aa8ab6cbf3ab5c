import { describe, expect, it } from 'vitest';
import type { DocxProvenance, RawCell, RawDocument, RawRow } from '../../src/model/index.js';
import { resolveGridHeaderLayout } from '../../src/normalize/header-paths.js';
import { normalizeDocument } from '../../src/normalize/normalize-document.js';
import { NORMALIZE_VOCABULARY } from '../../src/domain/normalize-vocabulary.js';
import { bodyRows } from '../../src/export/export-json.js';

const at = (row: number, cell: number): DocxProvenance => ({ kind: 'docx', block: 3, table: 0, row, cell, paragraph: 0 });
const cell = (raw: string, col: number, row: number, k: number, span: Partial<RawCell> = {}): RawCell => ({ raw, col, rowspan: 1, colspan: 1, prov: [at(row, k)], ...span });
const row = (r: number, cells: RawCell[], covered: { col: number; colspan?: number; cell: number }[] = []): RawRow => ({
  cells,
  prov: [{ kind: 'docx', block: 3, table: 0, row: r }],
  ...(covered.length ? { covered: covered.map((v) => ({ col: v.col, colspan: v.colspan ?? 1, prov: [at(r, v.cell)] })) } : {}),
});
const para = (raw: string, block: number) => ({ type: 'paragraph' as const, raw, prov: [{ kind: 'docx' as const, block }] });

function doc(rows: RawRow[]): RawDocument {
  return {
    schemaVersion: 1,
    format: 'docx',
    extractor: { name: 'docx', version: 'test' },
    encoding: null,
    blocks: [para('1、部门预算收支总表', 0), para('434政府办', 1), para('单位：万元', 2), { type: 'table', layout: 'grid', rows, prov: [{ kind: 'docx', block: 3, table: 0 }] }],
    diagnostics: [],
  };
}

describe('resolveGridHeaderLayout', () => {
  it('takes columns from the bottom-most header cells, so extra grid columns of an irregular Word grid do not become columns', () => {
    // grid of 7: 序号 [0,1) | 收入 [1,5) over 项目 [1,3) 金额 [3,5) | 合计 [5,7)
    const layout = resolveGridHeaderLayout([
      [
        { text: '序号', col: 0, colspan: 1, rowspan: 2, covered: false },
        { text: '收入', col: 1, colspan: 4, rowspan: 1, covered: false },
        { text: '合计', col: 5, colspan: 2, rowspan: 2, covered: false },
      ],
      [
        { text: '', col: 0, colspan: 1, rowspan: 1, covered: true },
        { text: '项目', col: 1, colspan: 2, rowspan: 1, covered: false },
        { text: '金额', col: 3, colspan: 2, rowspan: 1, covered: false },
        { text: '', col: 5, colspan: 2, rowspan: 1, covered: true },
      ],
    ]);
    expect(layout.paths).toEqual([['序号'], ['收入', '项目'], ['收入', '金额'], ['合计']]);
    expect(layout.diagnostics).toEqual([]);
  });

  it('splits a leaf over the body columns printed under it on the same grid', () => {
    const layout = resolveGridHeaderLayout(
      [[{ text: '科目编码', col: 0, colspan: 3, rowspan: 1, covered: false }, { text: '金额', col: 3, colspan: 1, rowspan: 1, covered: false }]],
      [[0, 1, 2, 3].map((col) => ({ text: 'x', col, colspan: 1, rowspan: 1, covered: false }))],
    );
    expect(layout.paths).toEqual([['科目编码'], ['科目编码'], ['科目编码'], ['金额']]);
  });
});

describe('normalizeDocument on a grid table', () => {
  it('reads title and metadata paragraphs, the header from true spans, and prints merge continuations as ""', () => {
    const d = normalizeDocument(
      doc([
        row(0, [cell('序号', 0, 0, 0, { rowspan: 2 }), cell('收入', 1, 0, 1, { colspan: 2 }), cell('支出', 3, 0, 2, { colspan: 2 })]),
        row(1, [cell('项目', 1, 1, 1), cell('预算数', 2, 1, 2), cell('项目', 3, 1, 3), cell('预算数', 4, 1, 4)], [{ col: 0, cell: 0 }]),
        row(2, [cell('1', 0, 2, 0, { rowspan: 2 }), cell('一、一般公共\n预算拨款收入', 1, 2, 1), cell('929.90', 2, 2, 2), cell('一、一般公共服务支出', 3, 2, 3), cell('784.52', 4, 2, 4)]),
        row(3, [cell('', 1, 3, 1), cell('', 2, 3, 2), cell('二、外交支出', 3, 3, 3), cell('', 4, 3, 4)], [{ col: 0, cell: 0 }]),
      ]),
      NORMALIZE_VOCABULARY,
    );
    const t = d.tables[0]!;
    expect({ title: t.title, unit: t.unit, org: t.meta.org, headerRows: t.headerRows, nCols: t.nCols }).toEqual({ title: '部门预算收支总表', unit: '万元', org: '434政府办', headerRows: 2, nCols: 5 });
    expect(t.columns.map((c) => c.path)).toEqual([['序号'], ['收入', '项目'], ['收入', '预算数'], ['支出', '项目'], ['支出', '预算数']]);
    expect(t.cells.filter((c) => c.isHeader).map((c) => `${c.text}@${c.row},${c.col}/${c.rowspan}x${c.colspan}`)).toEqual([
      '序号@0,0/2x1', '收入@0,1/1x2', '支出@0,3/1x2', '项目@1,1/1x1', '预算数@1,2/1x1', '项目@1,3/1x1', '预算数@1,4/1x1',
    ]);
    expect(bodyRows(t)).toEqual([
      ['1', '一、一般公共\n预算拨款收入', '929.90', '一、一般公共服务支出', '784.52'],
      ['', '', '', '二、外交支出', ''],
    ]);
    // the "" of the merge continuation keeps the place of its w:tc
    expect(t.cells.find((c) => c.row === 3 && c.col === 0)!.prov).toEqual([at(3, 0)]);
    expect(d.diagnostics).toEqual([]);
  });

  it('never joins grid rows the way split Word-text rows are joined', () => {
    const d = normalizeDocument(
      doc([
        row(0, [cell('项目', 0, 0, 0), cell('金额', 1, 0, 1), cell('备注', 2, 0, 2)]),
        row(1, [cell('甲', 0, 1, 0, { colspan: 2 })]),
        row(2, [cell('说明', 0, 2, 0, { colspan: 3 })]),
        row(3, [cell('乙', 0, 3, 0), cell('1.00', 1, 3, 1), cell('', 2, 3, 2)]),
      ]),
      NORMALIZE_VOCABULARY,
    );
    // each merged cell is one cell, its text in its first column and "" in the columns it covers
    expect(bodyRows(d.tables[0]!)).toEqual([['甲', ''], ['说明', '', ''], ['乙', '1.00', '']]);
  });

  it('takes a body cell\'s value from the number its format stores, and from its text when it stores none', () => {
    const d = normalizeDocument(
      doc([
        row(0, [cell('项目', 0, 0, 0), cell('金额', 1, 0, 1), cell('占比', 2, 0, 2, { number: 7 })]),
        row(1, [cell('甲', 0, 1, 0), cell('1,234.50', 1, 1, 1, { number: 1234.5 }), cell('12.5%', 2, 1, 2, { number: 0.125 })]),
        row(2, [cell('乙', 0, 2, 0), cell('1,000.00', 1, 2, 1), cell('12.5%', 2, 2, 2)]),
      ]),
      NORMALIZE_VOCABULARY,
    );
    const values = d.tables[0]!.cells.map((c) => [c.text, c.value]);
    // header cells have no value, whatever is stored; a percent is the stored fraction, never read from its text
    expect(values).toEqual([['项目', null], ['金额', null], ['占比', null], ['甲', null], ['1,234.50', 1234.5], ['12.5%', 0.125], ['乙', null], ['1,000.00', 1000], ['12.5%', null]]);
  });
});
