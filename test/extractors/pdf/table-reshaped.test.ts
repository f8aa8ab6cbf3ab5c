import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../extractors/pdf/extract-pdf.js';
import type { Diagnostic, PdfProvenance, RawDocument, RawTableBlock } from '../../../src/model/index.js';
import { fixture } from './pdf-fixtures.js';

// the PDF table refiners (extractors/pdf/page-tables.ts, refineTable) say what they did to a
// found table: one info diagnostic `table-reshaped/<heuristic>` naming the page and the table,
// placed on the box of the rows or cells it touched (fixtures: scripts/make-pdf-fixtures.ts)

const reshapes = (raw: RawDocument): Diagnostic[] => raw.diagnostics.filter((d) => d.code.startsWith('table-reshaped/'));
const tableOf = (raw: RawDocument) => raw.blocks.find((b): b is RawTableBlock => b.type === 'table')!;
const box = (d: Diagnostic) => (d.place as PdfProvenance).bbox;
/** Whether box `inner` lies inside `outer` (to the 0.01 pt both are rounded to). */
const inside = (inner: number[], outer: number[]) => inner[0]! >= outer[0]! - 0.01 && inner[1]! >= outer[1]! - 0.01 && inner[2]! <= outer[2]! + 0.01 && inner[3]! <= outer[3]! + 0.01;

describe('an info diagnostic table-reshaped/<heuristic> for each refinement of a PDF table', () => {
  it('wrapped-rows: an unruled table whose names wrap, each row of several printed lines said once, placed on the row', async () => {
    const raw = await extractPdf(fixture('unruled-wrapped.pdf'));
    const found = reshapes(raw);
    expect(found.map((d) => [d.severity, d.code, d.stage, d.message])).toEqual([
      ['info', 'table-reshaped/wrapped-rows', 'extract', 'page 1, table 1: printed lines 3–5 joined into row 3: a cell wrapped over them (lines closer than the rows are apart)'],
      ['info', 'table-reshaped/wrapped-rows', 'extract', 'page 1, table 1: printed lines 7–9 joined into row 5: a cell wrapped over them (lines closer than the rows are apart)'],
      ['info', 'table-reshaped/wrapped-rows', 'extract', 'page 1, table 1: printed lines 10–14 joined into row 6: a cell wrapped over them (lines closer than the rows are apart)'],
    ]);
    // rows 3, 5 and 6 are those of the names that wrap: 政府办公厅（室）…, 社会保障和就业支出, 行政事业单位养老支出（…）
    const rows = tableOf(raw).rows;
    expect([3, 5, 6].map((r) => rows[r - 1]!.cells[1]!.raw.replace(/\n/gu, ''))).toEqual(['政府办公厅（室）及相关机构事务', '社会保障和就业支出', '行政事业单位养老支出（机关事业单位基本养老保险缴费支出）']);
    found.forEach((d, k) => {
      expect((d.place as PdfProvenance).page).toBe(1);
      // the row's every cell lies in the diagnostic's box, and no cell of the rows around it does
      const r = [3, 5, 6][k]! - 1;
      for (const c of rows[r]!.cells) for (const p of c.prov) expect(inside((p as PdfProvenance).bbox, box(d))).toBe(true);
      for (const c of [...rows[r - 1]!.cells, ...rows[r + 1]!.cells]) for (const p of c.prov) expect(inside((p as PdfProvenance).bbox, box(d))).toBe(false);
    });
  });

  it('open-rows: a table ruled between its columns only, its one tall ruled row read as rows of text', async () => {
    const raw = await extractPdf(fixture('column-rules.pdf'));
    const [d, ...rest] = reshapes(raw);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'info', code: 'table-reshaped/open-rows', stage: 'extract', message: 'page 1, table 1: ruled row 1 read as 5 rows of text: the rules leave its rows open (two columns stack amounts level with each other)' });
    const t = tableOf(raw);
    expect(t.rows).toHaveLength(5);
    for (const r of t.rows) for (const c of r.cells) for (const p of c.prov) expect(inside((p as PdfProvenance).bbox, box(d!))).toBe(true);
  });

  it('header-cells: 其中 centred over two columns, headings printed between the lines of a two-row header', async () => {
    const found = reshapes(await extractPdf(fixture('unruled-header.pdf'))).filter((d) => d.code === 'table-reshaped/header-cells');
    expect(found.map((d) => d.message)).toEqual([
      'page 1, table 1: header cell "科目编码" spread over 2 rows (nothing printed below it)',
      'page 1, table 1: header cell "科目名称" spread over 2 rows (nothing printed below it)',
      'page 1, table 1: header cell "合计" spread over 2 rows (nothing printed below it)',
      'page 1, table 1: header cell "其中" spread over 2 columns (centred over them)',
    ]);
    // 其中's box reaches from 科目名称 | 合计's right edge over both columns after it; the three others share its top
    const [code, name, total, among] = found.map(box);
    expect(among![0]).toBe(total![2]);
    expect([code![3], name![3], total![3]]).toEqual([among![3], among![3], among![3]]);
    expect(code![2]).toBe(name![0]);
  });

  it('none for a ruled table read as its rules draw it', async () => {
    expect(reshapes(await extractPdf(fixture('stsong-ruled.pdf')))).toEqual([]);
  });
});
