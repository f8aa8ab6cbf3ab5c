import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extract-document.js';
import { cleanText } from '../../src/normalize/clean-text.js';
import { ALL_SEEDS, seedPath } from '../support/corpus.js';

const ARTIFACTS = [/bookmark/, /\bTC\s/, /\\f/, /page number/, /\*\*/, /<\/?p>/, /\$/, /\\(?:geq|leq|times)/, /\.{4,}/];

describe.each(ALL_SEEDS)('seed %s', (seed) => {
  const source = fs.readFileSync(seedPath(seed), 'utf8');
  const result = extractDocument(fs.readFileSync(seedPath(seed)));
  if (!result.ok) throw new Error(result.error);
  const cells = result.document.tables.flatMap((t) => t.cells.map((c) => ({ table: t.title, ...c })));

  it('every cell, header cells included, points at exactly the source text it came from', () => {
    expect(cells.length).toBeGreaterThan(100);
    for (const c of cells) {
      expect(c.prov.length, `${c.table} r${c.row}c${c.col}`).toBeGreaterThan(0);
      // a cell stitched from pieces (a page break, a split column) has one provenance piece each
      const slices = c.prov.map((p) => {
        if (p.kind !== 'text') throw new Error('text provenance expected');
        // line and column agree with the offset
        const lineStart = source.lastIndexOf('\n', p.start.offset - 1) + 1;
        expect(p.start.column).toBe(p.start.offset - lineStart + 1);
        expect(source.slice(0, p.start.offset).split('\n').length).toBe(p.start.line);
        return source.slice(p.start.offset, p.end.offset);
      });
      expect(slices.join(''), `${c.table} r${c.row}c${c.col}`).toBe(c.raw);
      expect(slices.map(cleanText).join(''), `${c.table} r${c.row}c${c.col}`).toBe(c.text);
    }
  });

  it('a sample of known cells sits on the line that prints it', () => {
    const lines = source.split('\n');
    for (const c of cells.filter((_, i) => i % 37 === 0)) {
      const p = c.prov[0]!;
      if (p.kind !== 'text' || c.text === '') continue;
      expect(cleanText(lines[p.start.line - 1]!)).toContain(c.text.split('\n')[0]);
    }
  });

  it('no artifact text survives in any cell or title', () => {
    for (const t of result.document.tables) {
      for (const re of ARTIFACTS) expect(t.title ?? '').not.toMatch(re);
      for (const c of t.cells) for (const re of ARTIFACTS) expect(c.text, `${t.title} r${c.row}c${c.col}`).not.toMatch(re);
    }
  });
});
