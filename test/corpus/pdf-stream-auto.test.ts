import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../extractors/pdf/extract-pdf.js';
import { readPageContent } from '../../extractors/pdf/page-content.js';
import { tablesHold } from '../../extractors/pdf/page-tables.js';
import { openPdf } from '../../extractors/pdf/pdfjs.js';
import { findRuledTables } from '../../extractors/pdf/ruled-tables.js';
import { AUTO, findStreamTables } from '../../extractors/pdf/stream-tables.js';

const RENDERED = path.join(import.meta.dirname, '../../corpus/rendered');
const PDFS = fs.readdirSync(RENDERED).filter((f) => f.endsWith('.pdf')).sort();

// the seeds rendered by LibreOffice: every table ruled, the rest titles, org/unit lines and prose
describe('auto on the rendered corpus', () => {
  it.each(PDFS)('%s: exports exactly what lattice exports (unruled detection adds nothing)', async (name) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(RENDERED, name)));
    expect(await extractPdf(bytes, { method: 'auto' })).toEqual(await extractPdf(bytes, { method: 'lattice' }));
  });

  it.each(PDFS)('%s: the strict unruled detection finds no table in the text outside the ruled tables, on any page', async (name) => {
    const doc = await openPdf(new Uint8Array(fs.readFileSync(path.join(RENDERED, name))));
    try {
      const found: string[] = [];
      for (let p = 1; p <= doc.numPages; p++) {
        const content = await readPageContent(await doc.getPage(p), p);
        const taken = tablesHold(findRuledTables(content.segments, content.glyphs));
        const free = content.glyphs.filter((g) => !taken(g));
        for (const t of findStreamTables(free, AUTO)) found.push(`page ${p}: ${t.cells.map((c) => c.text).join('|')}`);
      }
      expect(found).toEqual([]);
    } finally {
      await doc.destroy();
    }
  });
});
