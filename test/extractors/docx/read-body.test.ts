import { describe, expect, it } from 'vitest';
import { readBody } from '../../../extractors/docx/read-body.js';
import { readStyles } from '../../../extractors/docx/read-styles.js';
import { child, parseXml } from '../../../extractors/docx/xml.js';
import type { RawBlock, RawTableBlock, RawTextBlock } from '../../../src/model/index.js';

const texts = (blocks: RawBlock[]) => blocks.map((b) => [b.type, (b as RawTextBlock).raw]);

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function read(body: string, styles?: string) {
  const root = parseXml(`<w:document ${NS}><w:body>${body}</w:body></w:document>`);
  const sheet = readStyles(styles ? parseXml(`<w:styles ${NS}>${styles}</w:styles>`) : null);
  return readBody(child(root, 'w:body')!, sheet);
}

const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const tc = (text: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${p(run(text))}</w:tc>`;
const tr = (cells: string, pr = '') => `<w:tr>${pr ? `<w:trPr>${pr}</w:trPr>` : ''}${cells}</w:tr>`;
const tbl = (rows: string, cols = 5) => `<w:tbl><w:tblGrid>${'<w:gridCol w:w="100"/>'.repeat(cols)}</w:tblGrid>${rows}</w:tbl>`;
const field = (instr: string, result = '') =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instr}</w:instrText></w:r>` +
  (result ? `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(result)}` : '') +
  `<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

/** A table as a compact picture: text@col, rN/cN spans, H for header rows, ^col for covered places. */
function grid(b: RawBlock | undefined): string[][] {
  const t = b as RawTableBlock;
  expect(t.type).toBe('table');
  expect(t.layout).toBe('grid');
  return t.rows.map((r) => [
    ...r.cells.map((c) => `${c.raw}@${c.col}${c.rowspan! > 1 ? `r${c.rowspan}` : ''}${c.colspan! > 1 ? `c${c.colspan}` : ''}${c.isHeader ? 'H' : ''}`),
    ...(r.covered ?? []).map((v) => `^${v.col}${v.colspan > 1 ? `c${v.colspan}` : ''}`),
  ]);
}

describe('readBody: tables', () => {
  it('gives every cell its grid column and true spans from w:gridSpan and w:vMerge, and marks w:tblHeader rows', () => {
    const { blocks, diagnostics } = read(
      tbl(
        tr(tc('序号', '<w:vMerge w:val="restart"/>') + tc('收入', '<w:gridSpan w:val="2"/>') + tc('支出', '<w:gridSpan w:val="2"/>'), '<w:tblHeader/>') +
          tr(tc('', '<w:vMerge/>') + tc('项目') + tc('预算数') + tc('项目') + tc('预算数'), '<w:tblHeader w:val="true"/>') +
          tr(tc('1') + tc('一、一般公共预算拨款收入') + tc('929.90') + tc('一、一般公共服务支出') + tc('784.52'), '<w:tblHeader w:val="0"/>'),
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(grid(blocks[0])).toEqual([
      ['序号@0r2H', '收入@1c2H', '支出@3c2H'],
      ['项目@1H', '预算数@2H', '项目@3H', '预算数@4H', '^0'],
      ['1@0', '一、一般公共预算拨款收入@1', '929.90@2', '一、一般公共服务支出@3', '784.52@4'],
    ]);
  });

  it('starts a row after w:gridBefore, merges a region of several columns down, reads legacy w:hMerge', () => {
    const { blocks } = read(
      tbl(
        tr(tc('A', '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>') + tc('B') + tc('C', '<w:hMerge w:val="restart"/>') + tc('', '<w:hMerge/>')) +
          tr(tc('', '<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>') + tc('b') + tc('c', '<w:gridSpan w:val="2"/>')) +
          tr(tc('x') + tc('y'), '<w:gridBefore w:val="2"/><w:gridAfter w:val="1"/>'),
      ),
    );
    expect(grid(blocks[0])).toEqual([['A@0r2c2', 'B@2', 'C@3c2'], ['b@2', 'c@3c2', '^0c2'], ['x@2', 'y@3']]);
  });

  it('keeps merges when bookmarks, content controls and custom XML sit between the rows (mammoth drops them there)', () => {
    const { blocks } = read(
      `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:bookmarkStart w:id="1" w:name="_Hlk1"/>` +
        tr(tc('一级指标', '<w:vMerge w:val="restart"/>') + tc('a'), '<w:tblHeader/>') +
        `<w:bookmarkEnd w:id="1"/><w:proofErr w:type="spellStart"/><w:customXml w:element="row">${tr(tc('', '<w:vMerge/>') + tc('b'))}</w:customXml>` +
        `<w:sdt><w:sdtContent>${tr(tc('', '<w:vMerge/>') + tc('c'))}</w:sdtContent></w:sdt></w:tbl>`,
    );
    expect(grid(blocks[0])).toEqual([['一级指标@0r3H', 'a@1H'], ['b@1', '^0'], ['c@1', '^0']]);
  });

  it('reads a continue without a merged cell above as a cell of its own, and says so', () => {
    const { blocks, diagnostics } = read(tbl(tr(tc('a') + tc('b')) + tr(tc('x', '<w:vMerge/>') + tc('y'))));
    expect(grid(blocks[0])).toEqual([['a@0', 'b@1'], ['x@0', 'y@1']]);
    expect(diagnostics.map((d) => d.code)).toEqual(['docx-vmerge-without-origin']);
    expect(diagnostics[0]!.place).toEqual({ kind: 'docx', block: 0, table: 0, row: 1, cell: 0 });
  });

  it('joins a cell\'s paragraphs and w:br line breaks with "\\n", one provenance piece per paragraph', () => {
    const { blocks } = read(tbl(tr(`<w:tc>${p(run('1.放大党史教育功能'), '<w:r><w:br/></w:r>', run('完成收集'))}<w:p/>${p(run('2.提高了解'))}</w:tc>`)));
    const cell = (blocks[0] as RawTableBlock).rows[0]!.cells[0]!;
    expect(cell.raw).toBe('1.放大党史教育功能\n完成收集\n\n2.提高了解');
    expect(cell.prov).toEqual([0, 1, 2].map((paragraph) => ({ kind: 'docx', block: 0, table: 0, row: 0, cell: 0, paragraph })));
  });

  it('reads a nested table into its cell, one line per nested cell, and reports it', () => {
    const { blocks, diagnostics } = read(tbl(tr(`<w:tc>${p(run('外'))}${tbl(tr(tc('内1') + tc('内2')), 2)}</w:tc>` + tc('b'))));
    expect((blocks[0] as RawTableBlock).rows[0]!.cells[0]!.raw).toBe('外\n内1\n内2');
    expect(diagnostics.map((d) => d.code)).toEqual(['docx-nested-table']);
  });

  it('counts body blocks and tables for provenance, empty paragraphs included', () => {
    const { blocks } = read(p(run('标题')) + '<w:p/>' + tbl(tr(tc('a'))) + p(run('说明')) + tbl(tr(tc('b'))));
    expect(blocks.map((b) => b.prov[0])).toEqual([
      { kind: 'docx', block: 0 },
      { kind: 'docx', block: 2, table: 0 },
      { kind: 'docx', block: 3 },
      { kind: 'docx', block: 4, table: 1 },
    ]);
    expect((blocks[3] as RawTableBlock).rows[0]!.prov).toEqual([{ kind: 'docx', block: 4, table: 1, row: 0 }]);
  });
});

describe('readBody: text', () => {
  it('never puts bookmarks, field codes, deleted or hidden text into text; keeps field results', () => {
    const { blocks } = read(
      p('<w:bookmarkStart w:id="0" w:name="_Toc123"/>', run('1、部门预算收支总表'), '<w:bookmarkEnd w:id="0"/>', field(' TC "1、部门预算收支总表" \\f C \\l 1 ')) +
        p(run('合计'), '<w:del><w:r><w:delText>旧</w:delText></w:r></w:del>', '<w:ins>' + run('新') + '</w:ins>', '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>', '<w:fldSimple w:instr=" PAGE ">' + run('3') + '</w:fldSimple>') +
        p(run('见第'), field(' PAGEREF _Toc123 \\h ', '5'), run('页')),
    );
    expect(texts(blocks)).toEqual([
      ['heading', '1、部门预算收支总表'],
      ['paragraph', '合计新3'],
      ['toc', '见第5页'],
    ]);
  });

  it('reads a table of contents in a content control as toc blocks, tabs and all', () => {
    const { blocks } = read(
      `<w:sdt><w:sdtContent>${p(field(' TOC \\o "1-3" \\h ').replace('<w:r><w:fldChar w:fldCharType="end"/></w:r>', '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'), '<w:hyperlink w:anchor="_Toc1">' + run('1、收支总表') + '<w:r><w:tab/></w:r>' + run('3') + '</w:hyperlink>')}` +
        `${p('<w:hyperlink w:anchor="_Toc2">' + run('2、收入总表') + '<w:r><w:tab/></w:r>' + run('5') + '</w:hyperlink>', '<w:r><w:fldChar w:fldCharType="end"/></w:r>')}</w:sdtContent></w:sdt>` +
        p(run('正文')),
    );
    expect(texts(blocks)).toEqual([
      ['toc', '1、收支总表\t3'],
      ['toc', '2、收入总表\t5'],
      ['paragraph', '正文'],
    ]);
  });

  it('tells headings by style name or outline level (Chinese Word ids are numbers), TOC entries by style', () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="正文标题"/><w:basedOn w:val="x"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="x"><w:name w:val="base"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="11"><w:name w:val="toc 1"/></w:style>';
    const para = (style: string, t: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${run(t)}</w:p>`;
    const { blocks } = read(para('2', '甲') + para('a5', '乙') + para('11', '丙') + para('unknown', '丁') + `<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr>${run('戊')}</w:p>`, styles);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'heading', 'toc', 'paragraph', 'heading']);
  });
});
