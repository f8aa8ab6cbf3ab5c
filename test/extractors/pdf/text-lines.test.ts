import { describe, expect, it } from 'vitest';
import { dedupeGlyphs, type Glyph } from '../../../extractors/pdf/page-content.js';
import { groupLines } from '../../../extractors/pdf/text-lines.js';

/** Latin glyphs of a run, each `w` points wide, from x on baseline y. */
const run = (s: string, x: number, y: number, size: number, w = size * 0.5): Glyph[] =>
  Array.from(s).map((ch, i) => ({ ch, x0: x + i * w, x1: x + (i + 1) * w, y, size, spaceBefore: false }));

describe('groupLines', () => {
  it('keeps a superscript on the line it belongs to ("23rd"), in either order of drawing', () => {
    const base = run('23', 100, 500, 10);
    const sup = run('rd', 110, 504, 6, 3);
    const after = run('July', 120, 500, 10);
    for (const glyphs of [[...base, ...sup, ...after], [...sup, ...base, ...after]]) {
      const lines = groupLines(glyphs);
      expect(lines.map((l) => l.text)).toEqual(['23rd July']);
      expect(lines[0]!.baseline).toBe(500);
      expect(lines[0]!.size).toBe(10);
    }
  });

  it('keeps a smaller line of its own a line height away', () => {
    const lines = groupLines([...run('Total', 100, 500, 10), ...run('note', 100, 490, 6, 3)]);
    expect(lines.map((l) => l.text)).toEqual(['Total', 'note']);
  });
});

describe('dedupeGlyphs', () => {
  it('drops a fake-bold copy a fraction of a point away, and keeps a double letter ("ll")', () => {
    const once = run('部', 100, 500, 16, 16);
    const copy = run('部', 100.3, 500, 16, 16);
    expect(dedupeGlyphs([...once, ...copy]).map((g) => g.ch)).toEqual(['部']);
    // Helvetica's l is about 2.2 pt wide at 10 pt: two of them are that far apart
    expect(dedupeGlyphs(run('Guillermo', 100, 500, 10, 2.2)).map((g) => g.ch).join('')).toBe('Guillermo');
  });
});
