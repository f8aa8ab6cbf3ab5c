import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyRows } from '../../../../src/export/index.js';
import { extractDocumentAsync } from '../../../../src/pipeline/extract-document.js';
import { extractPdf, PdfError } from '../../../../extractors/pdf/extract-pdf.js';
import type { PdfProvenance } from '../../../../src/model/index.js';

const CORPUS = path.join(import.meta.dirname, '../../../../corpus');
const scan = (name: string) => new Uint8Array(fs.readFileSync(path.join(CORPUS, 'scans', `${name}.pdf`)));
const gold = (seed: string) => JSON.parse(fs.readFileSync(path.join(CORPUS, `${seed}.gold.json`), 'utf8')) as { tables: { title: string; columns: string[][]; rows: string[][] }[] };

/** A two-decimal amount as the goldens print them. */
const AMOUNT = /^-?\d+\.\d{2}$/;

/**
 * The scans scripts/make-scans.ts made of our LibreOffice renderings (200 dpi, skewed by the
 * angle listed there, noise, JPEG), each with the golden tables printed whole on its page (`gold`
 * index → index among the scan's tables). Every body cell of the golden is compared with the
 * cell in the same place of the scan's table; `cells` and `amounts` are the equal ones measured
 * when this was written (see README "Scanned PDFs"), a floor the test recomputes.
 */
const SCANS = [
  { scan: '000-p1', seed: '000_0018174054ff74da', skew: 1.2, tables: [[0, 0]], cells: 159, amounts: 7 },
  { scan: '000-p2', seed: '000_0018174054ff74da', skew: -0.9, tables: [[1, 0]], cells: 222, amounts: 42 },
  { scan: '001-p1', seed: '001_655c0751f88457f2', skew: -1.5, tables: [[0, 0]], cells: 164, amounts: 7 },
  { scan: '001-p1-upside-down', seed: '001_655c0751f88457f2', skew: 0.8, tables: [[0, 0]], cells: 165, amounts: 7 },
];

/** Equal body cells and equal amounts of the golden tables in a scan's tables, by place. */
async function compare(name: string, seed: string, pairs: number[][]) {
  const result = await extractDocumentAsync(scan(name));
  if (!result.ok) throw new Error(result.error);
  const tally = { cells: 0, allCells: 0, amounts: 0, allAmounts: 0, titles: 0 };
  for (const [g, s] of pairs) {
    const want = gold(seed).tables[g!]!;
    const got = result.document.tables[s!];
    if (got?.title === want.title) tally.titles++;
    const rows = got ? bodyRows(got) : [];
    want.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const same = rows[r]?.[c] === cell;
        tally.allCells++;
        if (same) tally.cells++;
        if (AMOUNT.test(cell)) {
          tally.allAmounts++;
          if (same) tally.amounts++;
        }
      }),
    );
  }
  return { tally, document: result.document };
}

describe('scanned pages are read by OCR into the same tables as their text versions', () => {
  it.each(SCANS)('$scan: equal cells and amounts at least as measured', async ({ scan: name, seed, skew, tables, cells, amounts }) => {
    const { tally, document } = await compare(name, seed, tables);
    console.log(`${name}: cells ${tally.cells}/${tally.allCells} (${((100 * tally.cells) / tally.allCells).toFixed(1)} %), amounts ${tally.amounts}/${tally.allAmounts} (${((100 * tally.amounts) / tally.allAmounts).toFixed(1)} %), titles ${tally.titles}/${tables.length}`);
    expect(tally.titles).toBe(tables.length);
    expect(tally.cells).toBeGreaterThanOrEqual(cells);
    expect(tally.amounts).toBeGreaterThanOrEqual(amounts);
    // every cell read has page + bbox provenance with its OCR confidence; the doubtful ones are flagged with that place
    const read = document.tables.flatMap((t) => t.cells).filter((c) => c.raw !== '');
    expect(read.length).toBeGreaterThan(0);
    for (const c of read) expect((c.prov[0] as PdfProvenance).ocr?.confidence).toBeGreaterThanOrEqual(0);
    const flagged = document.diagnostics.filter((d) => d.code === 'ocr-low-confidence');
    expect(flagged.length).toBeGreaterThan(0);
    for (const d of flagged) expect((d.place as PdfProvenance).ocr!.confidence).toBeLessThan(0.8);
    // the skew the script gave the page is found (to 0.1°) and corrected; the page upside down is turned
    const how = document.diagnostics.find((d) => d.code === 'pdf-ocr-page')!.message;
    expect(Math.abs(Number(/skew (-?[\d.]+)°/.exec(how)?.[1]) - skew)).toBeLessThanOrEqual(0.1);
    expect(how.includes('upside down')).toBe(name.includes('upside-down'));
  });

  it('a blank scanned page: a clear error, no text invented', async () => {
    await expect(extractPdf(scan('blank'))).rejects.toThrow(new PdfError('no text in the PDF: OCR found none on its scanned page(s) 1'));
  });

  it('a scanned page of prose: paragraphs as on the text page, no table', async () => {
    const text = await extractPdf(new Uint8Array(fs.readFileSync(path.join(CORPUS, 'rendered', '004_3c83e1ac369f3f17.pdf'))), { pages: [1] });
    const ocr = await extractPdf(scan('004-p1-prose'));
    expect(ocr.blocks.filter((b) => b.type === 'table')).toEqual([]);
    // OCR reads full-width colons and semicolons as ASCII ones: compared in NFKC
    const paragraphs = (blocks: typeof ocr.blocks) => blocks.flatMap((b) => (b.type === 'table' ? [] : [b.raw.normalize('NFKC')]));
    const want = paragraphs(text.blocks);
    const got = new Set(paragraphs(ocr.blocks));
    const equal = want.filter((p) => got.has(p)).length;
    console.log(`004-p1-prose: paragraphs equal ${equal}/${want.length}`);
    expect(paragraphs(ocr.blocks)).toHaveLength(want.length);
    expect(equal).toBeGreaterThanOrEqual(PROSE_EQUAL);
  });

  it('without OCR the old error stays, saying why', async () => {
    await expect(extractPdf(scan('blank'), { ocr: 'off' })).rejects.toThrow('no text layer — scanned page? (page(s) 1; OCR is off)');
    const path0 = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(extractPdf(scan('blank'))).rejects.toThrow('no text layer — scanned page? (page(s) 1; pdftoppm is not installed: OCR needs the Debian packages tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils)');
    } finally {
      process.env.PATH = path0;
    }
  });
});

/** Paragraphs of seed 004's page 1 read by OCR exactly as the text layer has them (NFKC), measured. */
const PROSE_EQUAL = 28;
