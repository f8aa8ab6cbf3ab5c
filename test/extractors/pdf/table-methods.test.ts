import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../extractors/pdf/extract-pdf.js';
import { parseMethod, PdfOptionError } from '../../../extractors/pdf/options.js';
import { readPageContent } from '../../../extractors/pdf/page-content.js';
import { openPdf } from '../../../extractors/pdf/pdfjs.js';
import { glyphCenter, makeLine } from '../../../extractors/pdf/text-lines.js';
import type { RawDocument } from '../../../src/model/index.js';
import { normalizeDocument } from '../../../src/normalize/normalize-document.js';
import { NORMALIZE_VOCABULARY } from '../../../src/domain/normalize-vocabulary.js';
import { fixture, tableTexts as tables } from './pdf-fixtures.js';

// made by scripts/make-pdf-fixtures.ts; the expected cells below were read off the fixtures' page images by hand

const texts = (raw: RawDocument) => raw.blocks.flatMap((b) => (b.type === 'table' ? [] : [b.raw]));
const bodyRows = (t: { cells: { row: number; col: number; text: string }[]; headerRows: number; nRows: number }) =>
  Array.from({ length: t.nRows }, (_, r) => t.cells.filter((c) => c.row === t.headerRows + r).sort((a, b) => a.col - b.col).map((c) => c.text));

describe('pages turned by /Rotate 90 and 270', () => {
  const table = [['项目', '金额'], ['', '本年', '上年'], ['工资福利支出', '100.00', '90.00']];

  it('are read upright: the ruled table and its title come out as on an ordinary page', async () => {
    const raw = await extractPdf(fixture('rotated.pdf'));
    expect(raw.diagnostics).toEqual([]);
    expect(texts(raw)).toEqual(['部门预算收支总表', '部门预算收支总表']);
    expect(tables(raw)).toEqual([table, table]);
    const doc = normalizeDocument(raw, NORMALIZE_VOCABULARY);
    expect(doc.tables[0]!.columns.map((c) => c.path)).toEqual([['项目'], ['金额', '本年'], ['金额', '上年']]);
  });

  it('give bboxes in points of the upright (landscape) page, origin at its bottom left', async () => {
    const raw = await extractPdf(fixture('rotated.pdf'));
    const provs = raw.blocks.flatMap((b) => (b.type === 'table' ? [b.rows[2]!.cells[1]!.prov] : []));
    expect(provs).toEqual([1, 2].map((page) => [{ kind: 'pdf', page, bbox: [200, 440, 300, 460] }]));
  });

  it('take --area on the upright page: top 90 to bottom 160 from its top edge holds the table, not the title', async () => {
    const raw = await extractPdf(fixture('rotated.pdf'), { area: [90, 60, 160, 420] });
    expect(texts(raw)).toEqual([]);
    expect(tables(raw).map((t) => t.at(-1))).toEqual([table[2], table[2]]);
  });
});

describe('a ruled table without its outer frame', () => {
  it('keeps its first and last columns: the grid reaches as far as the row rules', async () => {
    const raw = await extractPdf(fixture('unframed.pdf'));
    expect(tables(raw)).toEqual([
      [
        ['项目', '本年', '上年'],
        ['工资福利支出', '100.00', '90.00'],
        ['合计', '150.00', '130.00'],
      ],
    ]);
    const t = raw.blocks.find((b) => b.type === 'table')!;
    expect(t.prov).toEqual([{ kind: 'pdf', page: 1, bbox: [72, 640, 400, 700] }]);
  });

  it('closes the grid where an --area cuts the table (tabula: the area\'s edge is a rule)', async () => {
    // the right column runs from x 300 to 400; the area ends at 380, inside it
    const raw = await extractPdf(fixture('unframed.pdf'), { area: [110, 60, 210, 380] });
    expect(tables(raw)[0]).toEqual([
      ['项目', '本年', '上年'],
      ['工资福利支出', '100.00', '90.00'],
      ['合计', '150.00', '130.00'],
    ]);
  });
});

describe('an unruled table (LibreOffice\'s print of a borderless table)', () => {
  const expected = [
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['201', '一般公共服务支出', '784.52', '433.22', '351.30'],
    ['20103', '政府办公厅（室）及相关机构事务', '784.52', '433.22', '351.30'],
    ['208', '社会保障和就业支出', '145.38', '145.38', ''],
    ['', '合计', '929.90', '578.60', '351.30'],
  ];

  it('auto (the default) finds it by the alignment of its columns, and leaves title, unit line and prose as text', async () => {
    const raw = await extractPdf(fixture('unruled.pdf'));
    expect(tables(raw)).toEqual([expected]);
    expect(texts(raw)).toEqual([
      '2024年部门预算支出表',
      '单位：万元',
      '本部门2024年支出预算929.90万元，其中基本支出578.60万元，项目支出351.30万元。',
      '支出主要用于保障机关正常运转和履行职能，较上年有所增加，主要原因是人员经费调整。',
    ]);
    const doc = normalizeDocument(raw, NORMALIZE_VOCABULARY);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect([t.title, t.unit]).toEqual(['2024年部门预算支出表', '万元']);
    expect(t.columns.map((c) => c.path)).toEqual([['科目编码'], ['科目名称'], ['合计'], ['基本支出'], ['项目支出']]);
    expect(bodyRows(t)).toEqual(expected.slice(1));
  });

  it('stream finds the same table; lattice, which reads only ruling lines, finds none', async () => {
    expect(tables(await extractPdf(fixture('unruled.pdf'), { method: 'stream' }))).toEqual([expected]);
    const lattice = await extractPdf(fixture('unruled.pdf'), { method: 'lattice' });
    expect(tables(lattice)).toEqual([]);
    expect(texts(lattice)).toContain('单位：万元');
  });

  it('inside a chosen --area without rules, the area is the table (tabula -t -a), in auto and stream alike', async () => {
    // the table's lines lie between 90 and 210 points from the top; the title above, the prose below stay out
    for (const method of ['auto', 'stream'] as const) {
      const raw = await extractPdf(fixture('unruled.pdf'), { area: [85, 50, 215, 520], method });
      expect([tables(raw), texts(raw)]).toEqual([[expected], []]);
    }
  });

  it('gives every stream cell a bbox (its column band × its row band) whose glyphs spell the cell text', async () => {
    const bytes = fixture('unruled.pdf');
    const raw = await extractPdf(bytes);
    const t = raw.blocks.find((b) => b.type === 'table')!;
    if (t.type !== 'table') throw new Error('no table');
    const doc = await openPdf(bytes);
    const content = await readPageContent(await doc.getPage(1), 1);
    await doc.destroy();
    for (const cell of t.rows.flatMap((r) => r.cells)) {
      const p = cell.prov[0]!;
      if (p.kind !== 'pdf') throw new Error('not a pdf provenance');
      const [x0, y0, x1, y1] = p.bbox;
      const inside = content.glyphs.filter((g) => {
        const [cx, cy] = glyphCenter(g);
        return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
      });
      expect(inside.length ? makeLine(inside).text : '').toBe(cell.raw);
    }
  });

  it('auto reads the ruled fixture exactly as lattice does (no text there lines up as a table)', async () => {
    const ruled = fixture('stsong-ruled.pdf');
    expect(await extractPdf(ruled)).toEqual(await extractPdf(ruled, { method: 'lattice' }));
  });
});

describe('method option', () => {
  it('takes lattice, stream or auto', () => {
    expect(parseMethod('stream')).toBe('stream');
    expect(() => parseMethod('guess')).toThrow(PdfOptionError);
  });
});
