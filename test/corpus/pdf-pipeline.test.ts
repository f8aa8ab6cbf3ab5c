import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocumentAsync } from '../../src/pipeline/extract-document.js';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, '../extractors/pdf/fixtures', name)));

describe('extractDocumentAsync on .pdf', () => {
  it('extracts a PDF, and passes pages and password through', async () => {
    const ok = await extractDocumentAsync(fixture('stsong-ruled.pdf'));
    expect(ok.ok && ok.document.format).toBe('pdf');
    expect(ok.ok && ok.document.tables[0]!.nRows).toBe(3);
    const page2 = await extractDocumentAsync(fixture('stsong-ruled.pdf'), { pages: [2] });
    expect(page2.ok && page2.document.tables[0]!.nRows).toBe(1);
    expect(await extractDocumentAsync(fixture('encrypted.pdf'))).toEqual({ ok: false, format: 'pdf', error: 'encrypted PDF: a password is needed (--password)' });
    const opened = await extractDocumentAsync(fixture('encrypted.pdf'), { password: 'secret' });
    expect(opened.ok).toBe(true);
  });
  it('records a scanned PDF as a failed document with the reason', async () => {
    // its image is a grey box without any text: OCR reads nothing
    expect(await extractDocumentAsync(fixture('scanned.pdf'))).toEqual({ ok: false, format: 'pdf', error: 'no text in the PDF: OCR found none on its scanned page(s) 1' });
    expect(await extractDocumentAsync(fixture('scanned.pdf'), { ocr: 'off' })).toEqual({ ok: false, format: 'pdf', error: 'no text layer — scanned page? (page(s) 1; OCR is off)' });
  });
});
