import fs from 'node:fs';
import path from 'node:path';
import { readPageContent, type PageContent } from '../../../extractors/pdf/page-content.js';
import { openPdf } from '../../../extractors/pdf/pdfjs.js';

const RENDERED = path.join(import.meta.dirname, '../../../corpus/rendered');

/** Pages of a seed's LibreOffice rendering (corpus/rendered/<seed>.pdf) as pdfjs gives them: real input for unit tests. */
export async function renderedPages(seed: string, pages: number[]): Promise<PageContent[]> {
  const doc = await openPdf(new Uint8Array(fs.readFileSync(path.join(RENDERED, `${seed}.pdf`))));
  try {
    const out: PageContent[] = [];
    for (const p of pages) out.push(await readPageContent(await doc.getPage(p), p));
    return out;
  } finally {
    await doc.destroy();
  }
}
