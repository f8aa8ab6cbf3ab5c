import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../src/model/index.js';
import { extractDocumentAsync } from '../../../src/pipeline/extract-document.js';
import { CORPUS } from '../../support/corpus.js';

// Two mutants of the rendered seed 001: on page 7, one operator (a Tf turned into a TD) or three
// bytes changed make pdfjs hand NaN sizes and coordinates; the whole document used to be lost.
const FIXTURES = path.resolve(__dirname, '../../fixtures/reliability');
const ORIGINAL = path.join(CORPUS, 'rendered', '001_655c0751f88457f2.pdf');

async function read(file: string): Promise<Document> {
  const r = await extractDocumentAsync(new Uint8Array(fs.readFileSync(file)));
  if (!r.ok) throw new Error(`${path.basename(file)}: ${r.error}`);
  return r.document;
}

const onPage7 = (t: Document['tables'][number]) => t.cells.some((c) => c.prov.some((p) => 'page' in p && p.page === 7));
const cellsOf = (t: Document['tables'][number]) => t.cells.map((c) => [c.text, c.raw]);

describe('numbers pdfjs hands as NaN', () => {
  for (const [name, left] of [
    ['pdf-min-one-operator-Tf-to-TD-zod-NaN.pdf', 1],
    ['pdf-min-three-operators-typeerror-y.pdf', 6],
  ] as const) {
    it(`are left out on their page with a warning, the rest read as from the intact file (${name})`, async () => {
      const [mutant, original] = await Promise.all([read(path.join(FIXTURES, name)), read(ORIGINAL)]);
      expect(mutant.diagnostics.filter((d) => d.code === 'pdf-non-finite-number').map((d) => [d.severity, d.message])).toEqual([
        ['warning', `page 7: ${left} operators, glyphs or lines with a number that is NaN or infinite were left out (damaged content stream?)`],
      ]);
      expect(mutant.tables.map((t) => t.title)).toEqual(original.tables.map((t) => t.title));
      const away = (d: Document) => d.tables.filter((t) => !onPage7(t)).map(cellsOf);
      expect(away(mutant)).toEqual(away(original));
      expect(away(mutant).length).toBe(16);
      // every coordinate that reached the document is a number
      const boxes = mutant.tables.flatMap((t) => t.cells.flatMap((c) => c.prov.flatMap((p) => ('bbox' in p && p.bbox ? p.bbox : []))));
      expect(boxes.length).toBeGreaterThan(1000);
      expect(boxes.every(Number.isFinite)).toBe(true);
    });
  }
});
