/**
 * Writes the small hand-made PDFs of the pdf extractor's tests (test/extractors/pdf/fixtures/):
 * text in the non-embedded CJK font STSong-Light with the UniGB-UCS2-H cMap (pdfjs reads it only
 * with its cMaps), a ruled table with merged cells and a two-line cell that runs over two pages,
 * a fake-bold title, page numbers; a scanned page (an image, no text); and the same table
 * encrypted (RC4, 40 bits, user password "secret"). No PDF library: every byte is written here,
 * so the tests know exactly what is in each file.
 *
 *   npx tsx scripts/make-pdf-fixtures.ts
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
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

function page2(): string {
  const top = 760;
  const ops = [
    '0.8 w',
    cjk(72, 785, 10.5, '单位：万元'),
    ...header(top),
    cjk(X[0]! + 4, top - 54, 10, '合计'),
    latin(X[1]! + 4, top - 54, 10, '150.00'),
    latin(X[2]! + 4, top - 54, 10, '130.00'),
    hline(top - 60, X[0]!, X[3]!),
    ...X.map((x, i) => (i === 2 ? vline(x, top - 60, top - 20) : vline(x, top - 60, top))),
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

interface Encryption {
  key: Buffer;
  dict: string;
  id: Buffer;
}

/** A PDF of the given page contents (uncompressed), optionally RC4-encrypted. */
function writePdf(contents: string[], encryption?: Encryption): Buffer {
  // objects: 1 catalog, 2 pages, 3-6 fonts, then per page: page, content
  const objs: (string | { dict: string; stream: Buffer })[] = [];
  const pageIds = contents.map((_, i) => 7 + i * 2);
  objs[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objs[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${contents.length} >>`;
  objs[3] = FONTS[0]!.replace('FONT_CID', '4 0 R');
  objs[4] = FONTS[1]!.replace('FONT_DESC', '5 0 R');
  objs[5] = FONTS[2]!;
  objs[6] = FONTS[3]!;
  contents.forEach((c, i) => {
    const id = pageIds[i]!;
    objs[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> /Contents ${id + 1} 0 R >>`;
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

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'stsong-ruled.pdf'), writePdf([page1(), page2()]));
fs.writeFileSync(path.join(OUT, 'scanned.pdf'), writePdf([scannedPage()]));
fs.writeFileSync(path.join(OUT, 'encrypted.pdf'), writePdf([page1(), page2()], standardEncryption('secret', 'owner-secret')));
console.log(`wrote ${fs.readdirSync(OUT).join(', ')} to ${path.relative(ROOT, OUT)}`);
