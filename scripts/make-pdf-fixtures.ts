/**
 * Writes the small hand-made PDFs of the pdf extractor's tests (test/extractors/pdf/fixtures/):
 * text in the non-embedded CJK font STSong-Light with the UniGB-UCS2-H cMap (pdfjs reads it only
 * with its cMaps), a ruled table with merged cells and a two-line cell that runs over two pages,
 * a fake-bold title, page numbers; a scanned page (an image, no text); and the same table
 * encrypted (RC4, 40 bits, user password "secret"); the table on pages turned by /Rotate 90
 * and 270; a ruled table without its outer frame; and text-state.pdf, one line per text-state
 * operator (Td, TJ adjustments, Tc and Tz inside q…Q, Ts, Tm, TL with T* and ', cm, Tw on a
 * Latin space and on a subset font's code 32 that is 出, a ToUnicode ligature "fi" and a
 * zero-width space), each glyph's box worked out by hand in test/extractors/pdf/shown-text.test.ts;
 * clipped-text.pdf, text drawn outside a clipping path (clippedFramePage).
 * No PDF library: every byte is written here, so the tests know exactly what is in each file.
 * The exceptions, unruled*.pdf, three-line.pdf, column-rules.pdf and frame-only.pdf, are
 * LibreOffice's prints of tables without rules between their rows (a real producer's tables:
 * unruled; names wrapped over several lines, centred or top-aligned; over three pages with the
 * header repeated; a three-line table; rules between the columns only; a frame only; a two-row
 * header with merged headings).
 * LibreOffice writes new bytes on every print, so they are printed only when missing or named:
 *
 *   npx tsx scripts/make-pdf-fixtures.ts [unruled] [unruled-wrapped] [unruled-pages] [unruled-top] [three-line] [column-rules] [frame-only] [unruled-header]
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test/extractors/pdf/fixtures');

/** A CJK string as the UniGB-UCS2-H codes pdfjs maps back with its cMap: UTF-16BE, hex. */
const ucs2 = (s: string) => `<${Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
const cjk = (x: number, y: number, size: number, s: string) => `BT /F1 ${size} Tf ${x} ${y} Td ${ucs2(s)} Tj ET`;
const latin = (x: number, y: number, size: number, s: string) => `BT /F2 ${size} Tf ${x} ${y} Td (${s}) Tj ET`;
const hline = (y: number, x0: number, x1: number) => `${x0} ${y} m ${x1} ${y} l S`;
const vline = (x: number, y0: number, y1: number) => `${x} ${y0} m ${x} ${y1} l S`;

const X = [72, 200, 300, 400];
/** The header rows: 项目 spans both, 金额 spans the two amount columns. */
function header(top: number): string[] {
  const y1 = top - 20;
  const y2 = top - 40;
  return [
    hline(top, X[0]!, X[3]!),
    hline(y1, X[1]!, X[3]!),
    hline(y2, X[0]!, X[3]!),
    vline(X[2]!, y2, y1),
    cjk(X[0]! + 4, top - 28, 10, '项目'),
    cjk(X[1]! + 4, top - 14, 10, '金额'),
    cjk(X[1]! + 4, top - 34, 10, '本年'),
    cjk(X[2]! + 4, top - 34, 10, '上年'),
  ];
}

function page1(): string {
  const top = 700;
  const ops = [
    '0.8 w',
    // fake bold: the title printed twice, a third of a point apart
    cjk(72, 760, 16, '部门预算收支总表'),
    cjk(72.3, 760, 16, '部门预算收支总表'),
    cjk(72, 735, 10.5, '单位：万元'),
    ...header(top),
    // body: a one-line row, then a row whose first cell has two lines
    cjk(X[0]! + 4, top - 54, 10, '工资福利支出'),
    latin(X[1]! + 4, top - 54, 10, '100.00'),
    latin(X[2]! + 4, top - 54, 10, '90.00'),
    hline(top - 60, X[0]!, X[3]!),
    cjk(X[0]! + 4, top - 74, 10, '一、基本支出'),
    cjk(X[0]! + 4, top - 88, 10, '二、项目支出'),
    latin(X[1]! + 4, top - 80, 10, '50.00'),
    latin(X[2]! + 4, top - 80, 10, '40.00'),
    hline(top - 94, X[0]!, X[3]!),
    // 金额 spans the two amount columns: the rule between them starts below it
    ...X.map((x, i) => (i === 2 ? vline(x, top - 94, top - 20) : vline(x, top - 94, top))),
    latin(295, 40, 9, '1'),
  ];
  return ops.join('\n');
}

/** Below header(top): one body row, its bottom rule, and the column rules (金额's inner one starts under 金额). */
function oneRowBody(top: number, label: string, a: string, b: string): string[] {
  return [
    cjk(X[0]! + 4, top - 54, 10, label),
    latin(X[1]! + 4, top - 54, 10, a),
    latin(X[2]! + 4, top - 54, 10, b),
    hline(top - 60, X[0]!, X[3]!),
    ...X.map((x, i) => (i === 2 ? vline(x, top - 60, top - 20) : vline(x, top - 60, top))),
  ];
}

function page2(): string {
  const top = 760;
  const ops = [
    '0.8 w',
    cjk(72, 785, 10.5, '单位：万元'),
    ...header(top),
    ...oneRowBody(top, '合计', '150.00', '130.00'),
    cjk(72, 600, 10.5, '注：本表为示例。'),
    latin(295, 40, 9, '2'),
  ];
  return ops.join('\n');
}

const FONTS = [
  '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [FONT_CID] >>',
  '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor FONT_DESC /DW 1000 >>',
  '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
];

/**
 * text-state.pdf's F3, as LibreOffice's subset fonts are made: a simple font whose codes are
 * glyph indices, not characters, its ToUnicode saying what each prints. Code 32 (where word
 * spacing applies) is 出, not a space; 33 is 入, 34 the ligature "fi", 35 a zero-width space.
 * All but the last are 1000 units (an em) wide.
 */
const SUBSET_FONT: ExtraFont = {
  resource: 'F3',
  dict: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 35 /Widths [1000 1000 1000 0] /ToUnicode OBJ0 >>',
  objects: [
    {
      dict: '',
      stream: Buffer.from(
        [
          '/CIDInit /ProcSet findresource begin',
          '12 dict begin',
          'begincmap',
          '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
          '/CMapName /Adobe-Identity-UCS def',
          '/CMapType 2 def',
          '1 begincodespacerange',
          '<00> <FF>',
          'endcodespacerange',
          '4 beginbfchar',
          '<20> <51FA>',
          '<21> <5165>',
          '<22> <00660069>',
          '<23> <200B>',
          'endbfchar',
          'endcmap',
          'CMapName currentdict /CMap defineresource pop',
          'end',
          'end',
        ].join('\n'),
        'latin1',
      ),
    },
  ],
};

/** One line per text-state operator; what each glyph's box should be is worked out in shown-text.test.ts. */
function textStatePage(): string {
  return [
    `BT /F1 10 Tf 100 700 Td ${ucs2('一二')} Tj ET`,
    // TJ: -500 thousandths of an em move the next glyph right
    `BT /F1 10 Tf 100 680 Td [${ucs2('一')} -500 ${ucs2('二')}] TJ ET`,
    // character spacing and horizontal scaling, saved and restored by q…Q
    `q BT /F1 10 Tf 2 Tc 50 Tz 100 660 Td ${ucs2('一二')} Tj ET Q`,
    // no Tf: the font set outside q…Q above, Tc 0 and Tz 100 again
    `BT 100 640 Td ${ucs2('一二')} Tj ET`,
    `BT /F1 10 Tf 3 Ts 100 620 Td ${ucs2('一')} Tj 0 Ts ET`,
    `BT /F1 10 Tf 2 0 0 2 100 590 Tm ${ucs2('一')} Tj ET`,
    `BT /F1 10 Tf 12 TL 100 570 Td ${ucs2('一')} Tj T* ${ucs2('二')} Tj ${ucs2('三')} ' ET`,
    `q 1 0 0 1 50 0 cm BT /F1 10 Tf 100 520 Td ${ucs2('一')} Tj ET Q`,
    'BT /F2 10 Tf 5 Tw 100 500 Td (A B) Tj 0 Tw ET',
    'BT /F3 10 Tf 5 Tw 100 480 Td <2021> Tj 0 Tw ET',
    'BT /F3 10 Tf 100 460 Td <22> Tj ET',
    'BT /F3 10 Tf 100 440 Td <2123> Tj ET',
  ].join('\n');
}

interface Encryption {
  key: Buffer;
  dict: string;
  id: Buffer;
}

/** A page's content stream, and its /Rotate when it has one. */
type PageSpec = string | { content: string; rotate: number };

type PdfObject = string | { dict: string; stream: Buffer };

/**
 * A font only some fixtures have: its resource name, its dictionary, and the objects it refers
 * to (OBJ0, OBJ1… in the dictionary become their references). Written after the pages, so that
 * the fixtures without one keep their bytes.
 */
interface ExtraFont {
  resource: string;
  dict: string;
  objects: PdfObject[];
}

/** A PDF of the given page contents (uncompressed), optionally RC4-encrypted, with the standard fonts F1, F2 and any extra ones. */
function writePdf(pages: PageSpec[], encryption?: Encryption, extraFonts: ExtraFont[] = []): Buffer {
  const contents = pages.map((p) => (typeof p === 'string' ? p : p.content));
  const rotations = pages.map((p) => (typeof p === 'string' ? 0 : p.rotate));
  // objects: 1 catalog, 2 pages, 3-6 fonts, then per page: page, content; then the extra fonts
  const objs: PdfObject[] = [];
  const pageIds = contents.map((_, i) => 7 + i * 2);
  objs[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objs[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${contents.length} >>`;
  objs[3] = FONTS[0]!.replace('FONT_CID', '4 0 R');
  objs[4] = FONTS[1]!.replace('FONT_DESC', '5 0 R');
  objs[5] = FONTS[2]!;
  objs[6] = FONTS[3]!;
  let fontResources = '/F1 3 0 R /F2 6 0 R';
  let next = 7 + contents.length * 2;
  for (const f of extraFonts) {
    const fontId = next++;
    const ids = f.objects.map(() => next++);
    objs[fontId] = f.dict.replace(/OBJ(\d+)/g, (_, k: string) => `${ids[Number(k)]} 0 R`);
    f.objects.forEach((o, k) => (objs[ids[k]!] = o));
    fontResources += ` /${f.resource} ${fontId} 0 R`;
  }
  contents.forEach((c, i) => {
    const id = pageIds[i]!;
    objs[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]${rotations[i] ? ` /Rotate ${rotations[i]}` : ''} /Resources << /Font << ${fontResources} >> >> /Contents ${id + 1} 0 R >>`;
    objs[id + 1] = { dict: '', stream: Buffer.from(c, 'latin1') };
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  const push = (b: Buffer) => {
    parts.push(b);
    at += b.length;
  };
  for (let id = 1; id < objs.length; id++) {
    const o = objs[id]!;
    offsets[id] = at;
    if (typeof o === 'string') {
      // strings inside objects are encrypted too (CIDSystemInfo's Registry and Ordering)
      const body = encryption ? o.replace(/\(([^()]*)\)/g, (_, t: string) => `<${rc4(objectKey(encryption.key, id), Buffer.from(t, 'latin1')).toString('hex')}>`) : o;
      push(Buffer.from(`${id} 0 obj\n${body}\nendobj\n`, 'latin1'));
    }
    else {
      const data = encryption ? rc4(objectKey(encryption.key, id), o.stream) : o.stream;
      push(Buffer.from(`${id} 0 obj\n<< /Length ${data.length} >>\nstream\n`, 'latin1'));
      push(data);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  }
  let encId = 0;
  if (encryption) {
    encId = objs.length;
    offsets[encId] = at;
    push(Buffer.from(`${encId} 0 obj\n${encryption.dict}\nendobj\n`, 'latin1'));
  }
  const count = (encryption ? encId : objs.length - 1) + 1;
  const xref = at;
  let table = `xref\n0 ${count}\n0000000000 65535 f \n`;
  for (let id = 1; id < count; id++) table += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  const idHex = encryption ? encryption.id.toString('hex') : '';
  const trailer = `trailer\n<< /Size ${count} /Root 1 0 R${encryption ? ` /Encrypt ${encId} 0 R /ID [<${idHex}> <${idHex}>]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  push(Buffer.from(table + trailer, 'latin1'));
  return Buffer.concat(parts);
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...b: Buffer[]) => crypto.createHash('md5').update(Buffer.concat(b)).digest();
const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const pad = (pw: string) => Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32);
const objectKey = (key: Buffer, id: number) => md5(key, Buffer.from([id & 255, (id >> 8) & 255, (id >> 16) & 255, 0, 0])).subarray(0, key.length + 5);

/** The standard security handler, revision 2 (RC4, 40-bit key), PDF 1.7 §7.6.3.4 algorithms 2, 3, 4. */
function standardEncryption(user: string, owner: string): Encryption {
  const id = md5(Buffer.from('gongkai pdf fixture'));
  const p = -4;
  const o = rc4(md5(pad(owner)).subarray(0, 5), pad(user));
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(p);
  const key = md5(pad(user), o, pBytes, id).subarray(0, 5);
  const u = rc4(key, PAD);
  return { key, id, dict: `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${p} >>` };
}

function scannedPage(): string {
  // a 2×2 grey image over the page, no text operators at all
  return 'q 400 0 0 500 100 200 cm\nBI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q';
}

/**
 * Page 1's table on a page turned by /Rotate 90 (or 270): the content is drawn sideways (the
 * matrix maps the upright landscape page, 842 × 595, onto the portrait MediaBox) so that a
 * viewer shows it upright, as landscape reports and tabula's schools.pdf are made.
 */
function rotatedPage(rotate: 90 | 270): string {
  const top = 500;
  const ops = [
    rotate === 90 ? '0 1 -1 0 595 0 cm' : '0 -1 1 0 0 842 cm',
    '0.8 w',
    cjk(72, 540, 14, '部门预算收支总表'),
    ...header(top),
    ...oneRowBody(top, '工资福利支出', '100.00', '90.00'),
  ];
  return ops.join('\n');
}

/**
 * A ruled table without its outer frame (tabula's spreadsheet_no_bounding_frame.pdf): rules
 * between the rows run across the whole table, lines between the columns only inside it, no
 * line on the left of the first column or the right of the last.
 */
function unframedPage(): string {
  const top = 700;
  const ys = [top, top - 20, top - 40, top - 60];
  const ops = [
    '0.8 w',
    cjk(72, 740, 14, '一般公共预算支出表'),
    ...ys.map((y) => hline(y, X[0]!, X[3]!)),
    vline(X[1]!, ys[3]!, ys[0]!),
    vline(X[2]!, ys[3]!, ys[0]!),
    cjk(X[0]! + 4, top - 14, 10, '项目'),
    cjk(X[1]! + 4, top - 14, 10, '本年'),
    cjk(X[2]! + 4, top - 14, 10, '上年'),
    cjk(X[0]! + 4, top - 34, 10, '工资福利支出'),
    latin(X[1]! + 4, top - 34, 10, '100.00'),
    latin(X[2]! + 4, top - 34, 10, '90.00'),
    cjk(X[0]! + 4, top - 54, 10, '合计'),
    latin(X[1]! + 4, top - 54, 10, '150.00'),
    latin(X[2]! + 4, top - 54, 10, '130.00'),
  ];
  return ops.join('\n');
}

/**
 * Pages as a spreadsheet prints them (the Shanghai disclosures' producer): every cell of the
 * sheet, the title and org rows too, filled white, then black rules around the table's cells
 * only. The 合计 label spans the three code and name columns, the table goes on to page 2
 * without its header, and page 2 starts a second table of the same five columns under a title
 * of its own.
 */
const SX = [60, 110, 160, 330, 430, 530];
const ROW = 20;
const whiteCells = (top: number, rows: number) => ['1 g', ...Array.from({ length: rows }, (_, r) => SX.slice(0, -1).map((x, k) => `${x} ${top - (r + 1) * ROW} ${SX[k + 1]! - x} ${ROW} re f`).join('\n')), '0 g'];
/** A sheet row's rules and texts: `cells` as [first column, span, text]. */
function sheetRow(top: number, cells: [number, number, string][]): string[] {
  const ops = [hline(top - ROW, SX[0]!, SX[5]!), ...[...new Set(cells.flatMap(([c, n]) => [c, c + n]))].map((k) => vline(SX[k]!, top - ROW, top))];
  for (const [c, , t] of cells) if (t) ops.push(/^[\d.,]+$/.test(t) ? latin(SX[c]! + 4, top - 14, 10, t) : cjk(SX[c]! + 4, top - 14, 10, t));
  return ops;
}
function sheetTitle(top: number, title: string): string[] {
  return [...whiteCells(top + 3 * ROW, 3), cjk(200, top + 2 * ROW + 6, 14, title), cjk(SX[0]!, top + ROW + 6, 10, '编制部门：测试部门'), cjk(SX[4]! + 40, top + ROW + 6, 10, '单位：元')];
}
function sheetPage1(): string {
  const top = 700;
  return [
    '0.8 w',
    ...sheetTitle(top, '部门收入预算总表'),
    ...whiteCells(top, 5),
    hline(top, SX[0]!, SX[5]!),
    // header: 科目编码 over 类 and 款; 科目名称, 合计, 财政拨款 each down both header rows
    hline(top - ROW, SX[0]!, SX[2]!),
    vline(SX[1]!, top - 2 * ROW, top - ROW),
    ...[0, 2, 3, 4, 5].map((k) => vline(SX[k]!, top - 2 * ROW, top)),
    hline(top - 2 * ROW, SX[0]!, SX[5]!),
    cjk(SX[0]! + 4, top - 14, 10, '科目编码'),
    cjk(SX[0]! + 4, top - 34, 10, '类'),
    cjk(SX[1]! + 4, top - 34, 10, '款'),
    cjk(SX[2]! + 4, top - 24, 10, '科目名称'),
    cjk(SX[3]! + 4, top - 24, 10, '合计'),
    cjk(SX[4]! + 4, top - 24, 10, '财政拨款'),
    ...sheetRow(top - 2 * ROW, [[0, 1, '201'], [1, 1, ''], [2, 1, '一般公共服务支出'], [3, 1, '100.00'], [4, 1, '100.00']]),
    ...sheetRow(top - 3 * ROW, [[0, 1, '201'], [1, 1, '03'], [2, 1, '政府办公厅'], [3, 1, '100.00'], [4, 1, '100.00']]),
    latin(295, 40, 9, '1'),
  ].join('\n');
}
function sheetPage2(): string {
  const top = 780;
  const next = 640;
  return [
    '0.8 w',
    ...whiteCells(top, 2),
    hline(top, SX[0]!, SX[5]!),
    ...sheetRow(top, [[0, 1, '208'], [1, 1, ''], [2, 1, '社会保障和就业支出'], [3, 1, '50.00'], [4, 1, '50.00']]),
    ...sheetRow(top - ROW, [[0, 3, '合计'], [3, 1, '150.00'], [4, 1, '150.00']]),
    ...sheetTitle(next, '财政拨款收支总表'),
    ...whiteCells(next, 3),
    hline(next, SX[0]!, SX[5]!),
    ...sheetRow(next, [[0, 1, '收入'], [1, 1, '金额'], [2, 1, '支出'], [3, 1, '合计'], [4, 1, '财政拨款']]),
    ...sheetRow(next - ROW, [[0, 1, '拨款'], [1, 1, '150.00'], [2, 1, '一般公共服务支出'], [3, 1, '100.00'], [4, 1, '100.00']]),
    ...sheetRow(next - 2 * ROW, [[0, 2, '收入总计'], [2, 1, '支出总计'], [3, 1, '150.00'], [4, 1, '150.00']]),
    latin(295, 40, 9, '2'),
  ].join('\n');
}

/**
 * A page of two tables as the Shanghai 决算 template prints them (template-header.pdf). The
 * header's bottom labels share a grid row with the body's 合计 row: 类 | 款 | 项 under a
 * 科目编码 spanning three columns, beside 合计 and its amounts; and 合计 | 基本支出 | 项目支出
 * under 本年支出, in the row whose 合计 spans the code and name columns. A narrow header cell
 * breaks its label as that producer does, one character on a line of its own, every line
 * centred (一般公共预算 / 财 / 政拨款).
 */
interface TemplateCell {
  row: number;
  col: number;
  rowspan?: number;
  colspan?: number;
  /** The printed lines, top to bottom; CJK lines centred in the cell, amounts from its left. */
  lines: string[];
}
const TEMPLATE_ROW = 24;
function templateTable(top: number, xs: number[], cells: TemplateCell[]): string[] {
  const ops: string[] = [];
  for (const c of cells) {
    const x0 = xs[c.col]!;
    const x1 = xs[c.col + (c.colspan ?? 1)]!;
    const y1 = top - c.row * TEMPLATE_ROW;
    const y0 = y1 - (c.rowspan ?? 1) * TEMPLATE_ROW;
    ops.push(`${x0} ${y0} ${x1 - x0} ${y1 - y0} re S`);
    const lead = 11;
    const first = (y0 + y1) / 2 + ((c.lines.length - 1) * lead) / 2 - 3.5;
    c.lines.forEach((line, i) => {
      const y = first - i * lead;
      if (/^[\d.,-]+$/.test(line)) ops.push(latin(x0 + 3, y, 9, line));
      else ops.push(cjk((x0 + x1) / 2 - (line.length * 9) / 2, y, 9, line));
    });
  }
  return ops;
}
function templatePage(): string {
  const a = [40, 70, 100, 130, 250, 330, 390, 470];
  const b = [40, 120, 230, 300, 360, 420, 480, 520, 570];
  return [
    '0.6 w',
    cjk(240, 800, 14, '收入决算表'),
    cjk(470, 780, 9, '单位：万元'),
    ...templateTable(770, a, [
      { row: 0, col: 0, colspan: 4, lines: ['项目'] },
      { row: 0, col: 4, rowspan: 2, lines: ['本年收入合计'] },
      { row: 0, col: 5, rowspan: 2, lines: ['一般公共预算', '财', '政拨款'] },
      { row: 0, col: 6, rowspan: 2, lines: ['其他收入'] },
      { row: 1, col: 0, colspan: 3, lines: ['科目编码'] },
      { row: 1, col: 3, lines: ['科目名称'] },
      { row: 2, col: 0, lines: ['类'] },
      { row: 2, col: 1, lines: ['款'] },
      { row: 2, col: 2, lines: ['项'] },
      { row: 2, col: 3, lines: ['合计'] },
      { row: 2, col: 4, lines: ['150.00'] },
      { row: 2, col: 5, lines: ['140.00'] },
      { row: 2, col: 6, lines: ['10.00'] },
      ...[['201', '', '', '一般公共服务支出'], ['201', '03', '01', '行政运行']].flatMap((codes, k) => [
        ...codes.map((t, col) => ({ row: 3 + k, col, lines: t ? [t] : [] })),
        { row: 3 + k, col: 4, lines: ['150.00'] },
        { row: 3 + k, col: 5, lines: ['140.00'] },
        { row: 3 + k, col: 6, lines: ['10.00'] },
      ]),
    ]),
    cjk(180, 580, 14, '政府性基金预算财政拨款收入支出决算表'),
    cjk(470, 560, 9, '单位：万元'),
    ...templateTable(550, b, [
      { row: 0, col: 0, colspan: 2, lines: ['项目'] },
      { row: 0, col: 2, rowspan: 2, lines: ['年初结转和结余'] },
      { row: 0, col: 3, rowspan: 2, lines: ['本年收入'] },
      { row: 0, col: 4, colspan: 3, rowspan: 2, lines: ['本年支出'] },
      { row: 0, col: 7, rowspan: 2, lines: ['年末结', '转和结余'] },
      { row: 1, col: 0, lines: ['功能分类科目编码'] },
      { row: 1, col: 1, lines: ['科目名称'] },
      { row: 2, col: 0, colspan: 2, lines: ['合计'] },
      { row: 2, col: 2, lines: [] },
      { row: 2, col: 3, lines: [] },
      { row: 2, col: 4, lines: ['合计'] },
      { row: 2, col: 5, lines: ['基本支出'] },
      { row: 2, col: 6, lines: ['项目支出'] },
      { row: 2, col: 7, lines: [] },
      ...['2120801', '征地补偿', '0.00', '5.00', '5.00', '0.00', '5.00', '0.00'].map((t, col) => ({ row: 3, col, lines: [t] })),
    ]),
    latin(295, 40, 9, '1'),
  ].join('\n');
}

/**
 * A table whose last row is split over two pages and left open at the cut, as Chromium prints
 * one (open-cut.pdf): no rule below the row's first piece on page 1, none above its second on
 * page 2, where the piece is a one-row grid closed only by its bottom rule. The row's second
 * cell is a numbered list, item 1 on page 1 and item 2 on page 2.
 */
const OX = [60, 200, 480];
function openCutPage1(): string {
  return [
    '0.8 w',
    cjk(60, 330, 14, '项目支出绩效目标表'),
    ...[300, 280, 260].map((y) => hline(y, OX[0]!, OX[2]!)),
    ...OX.map((x) => vline(x, 40, 300)),
    cjk(OX[0]! + 4, 286, 10, '项目'),
    cjk(OX[1]! + 4, 286, 10, '说明'),
    cjk(OX[0]! + 4, 266, 10, '基本工资'),
    cjk(OX[1]! + 4, 266, 10, '按标准发放'),
    cjk(OX[0]! + 4, 246, 10, '工作目标'),
    cjk(OX[1]! + 4, 246, 10, '1.完成年度工作任务'),
    latin(295, 20, 9, '1'),
  ].join('\n');
}
function openCutPage2(): string {
  return ['0.8 w', hline(760, OX[0]!, OX[2]!), ...OX.map((x) => vline(x, 760, 800)), cjk(OX[1]! + 4, 786, 10, '2.提高服务质量'), cjk(60, 700, 10.5, '注：本表为示例。'), latin(295, 20, 9, '2')].join('\n');
}

/**
 * clipped-text.pdf: one text frame flowed over two pages as some producers print it (Shanghai
 * Putuo's 主要职能 pages): each page draws the whole frame and clips it to the page's part with
 * `re W n`. Page 1 shows the title and items 1–2 and clips away 3–4 below its part; page 2
 * draws the frame moved up, clipped lower down: 1–2 lie on the page above the clip, 3–4 show. After `Q` the clip is gone: the page
 * number below it is printed on both pages.
 */
const FRAME = ['1、第一项职能', '2、第二项职能', '3、第三项职能', '4、第四项职能'];
const FRAME_Y = [700, 560, 300, 160];
function clippedFramePage(shift: number, clip: string, page: string): string {
  return [
    'q',
    `${clip} re W n`,
    cjk(60, 740 + shift, 16, '主要职能'),
    ...FRAME.map((line, i) => cjk(60, FRAME_Y[i]! + shift, 10.5, line)),
    'Q',
    latin(295, 20, 9, page),
  ].join('\n');
}

/**
 * An unruled table as Word processors print one: an HTML table without borders, opened by
 * LibreOffice as a Word document and printed to PDF (embedded fonts, the producer's own glyph
 * placement), with a title and unit line above and prose below. Needs `soffice`; without it the
 * committed file is kept.
 */
const UNRULED_HTML = tablePage(240, [
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  ['201', '一般公共服务支出', '784.52', '433.22', '351.30'],
  ['20103', '政府办公厅（室）及相关机构事务', '784.52', '433.22', '351.30'],
  ['208', '社会保障和就业支出', '145.38', '145.38', ''],
  ['', '合计', '929.90', '578.60', '351.30'],
], '本部门2024年支出预算929.90万元，其中基本支出578.60万元，项目支出351.30万元。支出主要用于保障机关正常运转和履行职能，较上年有所增加，主要原因是人员经费调整。');

/**
 * A borderless table whose name column is too narrow for its longest names: LibreOffice wraps
 * them over two to four lines and centres the row's code and amounts between them, with the
 * cell padding setting the rows apart.
 */
const UNRULED_WRAPPED_HTML = tablePage(130, [
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  ['201', '一般公共服务支出', '784.52', '433.22', '351.30'],
  ['20103', '政府办公厅（室）及相关机构事务', '784.52', '433.22', '351.30'],
  ['2010301', '行政运行', '433.22', '433.22', ''],
  ['208', '社会保障和就业支出', '145.38', '145.38', ''],
  ['20805', '行政事业单位养老支出（机关事业单位基本养老保险缴费支出）', '145.38', '145.38', ''],
  ['', '合计', '929.90', '578.60', '351.30'],
], '本部门2024年支出预算929.90万元，其中基本支出578.60万元，项目支出351.30万元。');

/**
 * Seventy rows over three pages, the header row repeated on each (a <thead>), every tenth name
 * (其他政府办公厅（室）及相关机构事务支出) wrapped over two lines around its centred amounts.
 * test/extractors/pdf/stream-rows.test.ts spells out the same rows.
 */
const NAMES = ['行政运行', '一般行政管理事务', '机关服务', '专项业务活动', '政务公开审批', '信访事务', '参事事务', '事业运行', '其他政府办公厅（室）及相关机构事务支出', '社会保障和就业支出'];
const UNRULED_PAGES_HTML = tablePage(
  160,
  [
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ...Array.from({ length: 70 }, (_, i) => [`2010${String(i).padStart(3, '0')}`, NAMES[i % 10]!, `${100 + i}.${String(i).padStart(2, '0')}`, `${50 + i}.00`, `50.${String(i).padStart(2, '0')}`]),
  ],
  '以上为本部门支出明细。',
  { title: '2024年部门预算支出明细表', padding: 4, repeatHeader: true },
);

/** The wrapped-names table again, its cells aligned to the top (amounts beside a name's first line) and less padding. */
const UNRULED_TOP_HTML = tablePage(
  130,
  [
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['201', '一般公共服务支出', '784.52', '433.22', '351.30'],
    ['20103', '政府办公厅（室）及相关机构事务', '784.52', '433.22', '351.30'],
    ['2010301', '行政运行', '433.22', '433.22', ''],
    ['20805', '行政事业单位养老支出（机关事业单位基本养老保险缴费支出）', '145.38', '145.38', ''],
    ['', '合计', '929.90', '578.60', '351.30'],
  ],
  '本部门2024年支出预算929.90万元。',
  { padding: 4, cell: () => ' valign="top"' },
);

/** Four rows under a header, the second name long enough to wrap in a narrow column. */
const FOUR_ROWS = [
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  ['201', '一般公共服务支出', '784.52', '433.22', '351.30'],
  ['20103', '政府办公厅（室）及相关机构事务', '784.52', '433.22', '351.30'],
  ['2010301', '行政运行', '433.22', '433.22', ''],
  ['', '合计', '929.90', '578.60', '351.30'],
];

/** A three-line table (三线表): rules above and below the header and below the last row only, no vertical rules. */
const THREE_LINE_HTML = tablePage(
  200,
  FOUR_ROWS,
  '本部门2024年支出预算929.90万元。',
  {
    padding: 4,
    table: ' style="border-collapse:collapse"',
    cell: (row, rows) =>
      row === 0 ? ' style="border-top:1.5pt solid black;border-bottom:0.75pt solid black"' : row === rows - 1 ? ' style="border-bottom:1.5pt solid black"' : '',
  },
);

/** Rules between the columns and a frame, none between the rows (竖线表): one ruled row holds every line. */
const COLUMN_RULES_HTML = tablePage(160, FOUR_ROWS, '本部门2024年支出预算929.90万元。', { padding: 4, table: ' border="1" frame="box" rules="cols"' });

/** A frame around the table and no rules inside it. */
const FRAME_ONLY_HTML = tablePage(160, FOUR_ROWS, '本部门2024年支出预算929.90万元。', { padding: 4, table: ' border="1" frame="box" rules="none"' });

/** A two-row header: three headings over both rows, 其中 over the last two columns. */
const UNRULED_HEADER_HTML = tablePage(
  160,
  [
    [{ text: '科目编码', attrs: 'rowspan="2"' }, { text: '科目名称', attrs: 'rowspan="2"' }, { text: '合计', attrs: 'rowspan="2"' }, { text: '其中', attrs: 'colspan="2" align="center"' }],
    ['基本支出', '项目支出'],
    ['201', '一般公共服务支出', '784.52', '433.22', '351.30'],
    ['2010301', '行政运行', '433.22', '433.22', ''],
    ['', '合计', '929.90', '578.60', '351.30'],
  ],
  '本部门2024年支出预算929.90万元。',
  { padding: 4 },
);

interface TableStyle {
  title?: string;
  padding?: number;
  repeatHeader?: boolean;
  /** Attributes of the <table> element beyond the default ones. */
  table?: string;
  /** Attributes of each <td> of row `row` (of `rows`). */
  cell?: (row: number, rows: number) => string;
}

/** A cell's text, or its text with attributes of its own (rowspan, colspan, align). */
type CellSpec = string | { text: string; attrs: string };

/** A page with a title, a unit line, a five-column table without borders unless styled (the name column `nameWidth` px wide) and a paragraph. */
function tablePage(nameWidth: number, rows: CellSpec[][], prose: string, options: TableStyle = {}): string {
  const td = (c: CellSpec, i: number) => (typeof c === 'string' ? `<td${options.cell?.(i, rows.length) ?? ''}>${c}</td>` : `<td ${c.attrs}>${c.text}</td>`);
  const tr = (r: CellSpec[], i: number) => `<tr>${r.map((c) => td(c, i)).join('')}</tr>\n`;
  const body = options.repeatHeader ? `<thead>${tr(rows[0]!, 0)}</thead>\n<tbody>\n${rows.slice(1).map((r, i) => tr(r, i + 1)).join('')}</tbody>` : rows.map(tr).join('');
  const border = options.table ? options.table : ' border="0"';
  return `<html><head><meta charset="utf-8"></head><body>
<p>${options.title ?? '2024年部门预算支出表'}</p>
<p>单位：万元</p>
<table${border} cellspacing="0" cellpadding="${options.padding ?? 6}"><col width="70"><col width="${nameWidth}"><col width="80"><col width="80"><col width="80">
${body}</table>
<p>${prose}</p>
</body></html>
`;
}

/** An HTML page printed by LibreOffice (HTML → .docx → .pdf), as a real producer prints it. */
function writeWithLibreOffice(name: string, html: string): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-unruled-'));
  const profile = `-env:UserInstallation=file://${path.join(work, 'profile')}`;
  try {
    fs.writeFileSync(path.join(work, `${name}.html`), html);
    const soffice = (...args: string[]) => execFileSync('soffice', [profile, '--headless', ...args, '--outdir', work], { cwd: work, stdio: 'ignore', timeout: 120_000 });
    soffice('--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', path.join(work, `${name}.html`));
    soffice('--convert-to', 'pdf', path.join(work, `${name}.docx`));
    fs.copyFileSync(path.join(work, `${name}.pdf`), path.join(OUT, `${name}.pdf`));
  } catch (e) {
    console.warn(`${name}.pdf not rewritten (LibreOffice soffice needed): ${(e as Error).message.split('\n')[0]}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'stsong-ruled.pdf'), writePdf([page1(), page2()]));
fs.writeFileSync(path.join(OUT, 'scanned.pdf'), writePdf([scannedPage()]));
fs.writeFileSync(path.join(OUT, 'encrypted.pdf'), writePdf([page1(), page2()], standardEncryption('secret', 'owner-secret')));
fs.writeFileSync(path.join(OUT, 'rotated.pdf'), writePdf([
    { content: rotatedPage(90), rotate: 90 },
    { content: rotatedPage(270), rotate: 270 },
  ]));
fs.writeFileSync(path.join(OUT, 'unframed.pdf'), writePdf([unframedPage()]));
fs.writeFileSync(path.join(OUT, 'sheet-print.pdf'), writePdf([sheetPage1(), sheetPage2()]));
fs.writeFileSync(path.join(OUT, 'template-header.pdf'), writePdf([templatePage()]));
fs.writeFileSync(path.join(OUT, 'open-cut.pdf'), writePdf([openCutPage1(), openCutPage2()]));
fs.writeFileSync(path.join(OUT, 'clipped-text.pdf'), writePdf([clippedFramePage(0, '50 400 500 360', '1'), clippedFramePage(60, '50 100 500 400', '2')]));
fs.writeFileSync(path.join(OUT, 'text-state.pdf'), writePdf([textStatePage()], undefined, [SUBSET_FONT]));
// LibreOffice writes new bytes each time (dates, ids): pass the name of the one to rewrite
const PRINTS = [
  ['unruled', UNRULED_HTML],
  ['unruled-wrapped', UNRULED_WRAPPED_HTML],
  ['unruled-pages', UNRULED_PAGES_HTML],
  ['unruled-top', UNRULED_TOP_HTML],
  ['three-line', THREE_LINE_HTML],
  ['column-rules', COLUMN_RULES_HTML],
  ['frame-only', FRAME_ONLY_HTML],
  ['unruled-header', UNRULED_HEADER_HTML],
] as const;
for (const [name, html] of PRINTS) {
  if (process.argv.includes(name) || !fs.existsSync(path.join(OUT, `${name}.pdf`))) writeWithLibreOffice(name, html);
}
console.log(`wrote ${fs.readdirSync(OUT).join(', ')} to ${path.relative(ROOT, OUT)}`);
