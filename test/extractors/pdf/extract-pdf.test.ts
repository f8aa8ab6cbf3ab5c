import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf, PdfError } from '../../../extractors/pdf/extract-pdf.js';
import { parseArea, parsePageRanges, PdfOptionError } from '../../../extractors/pdf/options.js';
import { PDFJS_RESOURCES } from '../../../extractors/pdf/pdfjs.js';
import { normalizeDocument } from '../../../src/normalize/normalize-document.js';
import { NORMALIZE_VOCABULARY } from '../../../src/domain/normalize-vocabulary.js';
import { fixture } from './pdf-fixtures.js';

// made by scripts/make-pdf-fixtures.ts: STSong-Light + UniGB-UCS2-H (not embedded), a ruled table over two pages
const STSONG = fixture('stsong-ruled.pdf');

const bodyRows = (t: { cells: { row: number; col: number; text: string; isHeader: boolean }[]; headerRows: number; nRows: number }) =>
  Array.from({ length: t.nRows }, (_, r) => t.cells.filter((c) => c.row === t.headerRows + r).sort((a, b) => a.col - b.col).map((c) => c.text));

describe('extractPdf', () => {
  it('reads a non-embedded STSong-Light / UniGB-UCS2-H font through the cMaps, and stitches a ruled table over two pages', async () => {
    const raw = await extractPdf(STSONG);
    expect(raw.diagnostics).toEqual([]);
    const doc = normalizeDocument(raw, NORMALIZE_VOCABULARY);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.title).toBe('部门预算收支总表');
    expect(t.unit).toBe('万元');
    expect(t.columns.map((c) => c.path)).toEqual([['项目'], ['金额', '本年'], ['金额', '上年']]);
    // the repeated header on page 2 is dropped; the two-line cell is one cell
    expect(bodyRows(t)).toEqual([
      ['工资福利支出', '100.00', '90.00'],
      ['一、基本支出\n二、项目支出', '50.00', '40.00'],
      ['合计', '150.00', '130.00'],
    ]);
    const total = t.cells.find((c) => c.text === '150.00')!;
    expect(total.prov).toEqual([{ kind: 'pdf', page: 2, bbox: [200, 700, 300, 720] }]);
    // page numbers are furniture, the note under the table is prose
    expect(doc.blocks.map((b) => b.text)).toContain('注：本表为示例。');
    expect(doc.blocks.some((b) => /^\d$/.test(b.text))).toBe(false);
  });

  it('prints a fake-bold title (each glyph drawn twice) once', async () => {
    const raw = await extractPdf(STSONG);
    const title = raw.blocks.find((b) => b.type !== 'table' && b.raw.includes('部门预算'));
    expect(title && title.type !== 'table' ? title.raw : null).toBe('部门预算收支总表');
  });

  it('fails loudly, per page, when the cMaps are missing and the CJK text cannot be decoded', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-no-cmaps-'));
    const raw = await extractPdf(STSONG, {}, { ...PDFJS_RESOURCES, cMapUrl: empty + path.sep });
    expect(raw.diagnostics.map((d) => [d.severity, d.code, d.place?.kind === 'pdf' ? d.place.page : null])).toEqual([
      ['error', 'pdf-text-undecodable', 1],
      ['error', 'pdf-text-undecodable', 2],
    ]);
    expect(raw.diagnostics[0]!.message).toMatch(/^page 1: text cannot be decoded — .*missing cMap/);
  });

  it('reads only the pages asked for', async () => {
    const raw = await extractPdf(STSONG, { pages: [2, 5] });
    expect(raw.blocks.every((b) => b.prov.every((p) => p.kind === 'pdf' && p.page === 2))).toBe(true);
    expect(raw.diagnostics.map((d) => d.message)).toEqual(['pages 5 asked for, but the PDF has 2']);
  });

  it('reads only the area asked for (top, left, bottom, right from the top left)', async () => {
    // page 1: the table lies between y = 700 and 606 from the bottom, i.e. 142–236 from the top
    const raw = await extractPdf(STSONG, { pages: [1], area: [140, 60, 240, 420] });
    expect(raw.blocks.map((b) => b.type)).toEqual(['table']);
    const doc = normalizeDocument(raw, NORMALIZE_VOCABULARY);
    expect(bodyRows(doc.tables[0]!)).toEqual([
      ['工资福利支出', '100.00', '90.00'],
      ['一、基本支出\n二、项目支出', '50.00', '40.00'],
    ]);
  });

  it('opens an encrypted PDF only with its password', async () => {
    const enc = fixture('encrypted.pdf');
    await expect(extractPdf(enc)).rejects.toThrow(new PdfError('encrypted PDF: a password is needed (--password)'));
    await expect(extractPdf(enc, { password: 'wrong' })).rejects.toThrow(new PdfError('encrypted PDF: the password given is wrong'));
    const doc = normalizeDocument(await extractPdf(enc, { password: 'secret' }), NORMALIZE_VOCABULARY);
    expect(bodyRows(doc.tables[0]!)[2]).toEqual(['合计', '150.00', '130.00']);
  });

  it('says a page without a text layer is scanned', async () => {
    await expect(extractPdf(fixture('scanned.pdf'), { ocr: 'off' })).rejects.toThrow(new PdfError('no text layer — scanned page? (page(s) 1; OCR is off)'));
  });

  it('gives a clear reason for a truncated file, and recovers from a broken xref table', async () => {
    await expect(extractPdf(STSONG.slice(0, Math.floor(STSONG.length / 2)))).rejects.toThrow(/^broken PDF: .*truncated or damaged/);
    await expect(extractPdf(new TextEncoder().encode('%PDF-1.4\nnot a pdf at all\n'))).rejects.toThrow(PdfError);
    const broken = Buffer.from(STSONG).toString('latin1').replace(/startxref\n\d+/, 'startxref\n999999').replace(/\d{10} 00000 n/g, '0000000001 00000 n');
    const doc = normalizeDocument(await extractPdf(new Uint8Array(Buffer.from(broken, 'latin1'))), NORMALIZE_VOCABULARY);
    expect(bodyRows(doc.tables[0]!)).toHaveLength(3);
  });
});

describe('options', () => {
  it('parses page ranges like tabula -p', () => {
    expect(parsePageRanges('1-3,7')).toEqual([1, 2, 3, 7]);
    expect(parsePageRanges(' 7, 2-2 ,1')).toEqual([1, 2, 7]);
    expect(() => parsePageRanges('3-1')).toThrow(PdfOptionError);
    expect(() => parsePageRanges('a')).toThrow(/bad page range "a"/);
  });
  it('parses an area like tabula -a', () => {
    expect(parseArea('269.875,12.75,790.5,561')).toEqual([269.875, 12.75, 790.5, 561]);
    expect(() => parseArea('1,2,3')).toThrow(PdfOptionError);
    expect(() => parseArea('100,0,50,10')).toThrow(/bottom must be below top/);
  });
});
