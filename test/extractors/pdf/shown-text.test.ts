import fs from 'node:fs';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPageContent, type Glyph } from '../../../extractors/pdf/page-content.js';
import { openPdf } from '../../../extractors/pdf/pdfjs.js';

// made by scripts/make-pdf-fixtures.ts: one text-state operator per line; every box below is
// worked out by hand from its content stream (PDF 32000-1 §9.4.4: a glyph's advance is
// ((w0 − Tj/1000) × Tfs + Tc + Tw) × Th, Tw only after code 32). F1 is STSong-Light (every glyph
// 1000 units, an em), F2 Helvetica (A and B 667, space 278), F3 a subset-like font whose codes
// 32–34 are 1000 units wide and print 出, 入 and "fi", code 35 is a zero-width space, 0 wide.
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'text-state.pdf');
const RENDERED = path.join(import.meta.dirname, '../../../corpus/rendered/000_0018174054ff74da.pdf');

/** The glyphs on baseline y, left to right. */
const onLine = (glyphs: Glyph[], y: number) => glyphs.filter((g) => Math.abs(g.y - y) < 0.01).sort((a, b) => a.x0 - b.x0);

function expectBox(g: Glyph | undefined, ch: string, x0: number, x1: number, y: number, size: number): void {
  expect(g?.ch).toBe(ch);
  expect(g!.x0).toBeCloseTo(x0, 2);
  expect(g!.x1).toBeCloseTo(x1, 2);
  expect(g!.y).toBeCloseTo(y, 2);
  expect(g!.size).toBeCloseTo(size, 2);
}

describe('glyph placement (shown-text.ts) on text-state.pdf', () => {
  let glyphs: Glyph[] = [];
  beforeAll(async () => {
    const doc = await openPdf(new Uint8Array(fs.readFileSync(FIXTURE)));
    try {
      glyphs = (await readPageContent(await doc.getPage(1), 1)).glyphs;
    } finally {
      await doc.destroy();
    }
  });

  it('places every printed character once, in content order: no glyph for the space or the zero-width space', () => {
    expect(glyphs.map((g) => g.ch).join('')).toBe('一二一二一二一二一一一二三一AB出入fi入');
  });

  it('Td and Tj: each CJK glyph one em (10 pt) wide, the next starting where it ends', () => {
    const [a, b] = onLine(glyphs, 700);
    expectBox(a, '一', 100, 110, 700, 10);
    expectBox(b, '二', 110, 120, 700, 10);
    expect(onLine(glyphs, 700)).toHaveLength(2);
  });

  it('TJ: an adjustment of −500 moves the next glyph half an em (5 pt) right', () => {
    const [a, b] = onLine(glyphs, 680);
    expectBox(a, '一', 100, 110, 680, 10);
    expectBox(b, '二', 115, 125, 680, 10);
  });

  it('Tc and Tz: 50 % scaling halves the glyph (5 pt) and the advance, (10 + 2) × 0.5 = 6 pt; Td itself is not scaled', () => {
    const [a, b] = onLine(glyphs, 660);
    expectBox(a, '一', 100, 105, 660, 10);
    expectBox(b, '二', 106, 111, 660, 10);
  });

  it('Q restores the text state: the next BT, without Tf, keeps the font set before q, Tc 0 and Tz 100 again', () => {
    const [a, b] = onLine(glyphs, 640);
    expectBox(a, '一', 100, 110, 640, 10);
    expectBox(b, '二', 110, 120, 640, 10);
  });

  it('Ts: a rise of 3 lifts the baseline from 620 to 623', () => {
    expect(onLine(glyphs, 620)).toEqual([]);
    const [a] = onLine(glyphs, 623);
    expectBox(a, '一', 100, 110, 623, 10);
  });

  it('Tm: a text matrix scaled by 2 doubles the size (20) and the width', () => {
    const [a] = onLine(glyphs, 590);
    expectBox(a, '一', 100, 120, 590, 20);
  });

  it("TL, T* and ': each moves to the start of the next line, 12 pt below the last", () => {
    expectBox(onLine(glyphs, 570)[0], '一', 100, 110, 570, 10);
    expectBox(onLine(glyphs, 558)[0], '二', 100, 110, 558, 10);
    expectBox(onLine(glyphs, 546)[0], '三', 100, 110, 546, 10);
  });

  it('cm: the transformation matrix moves the text 50 pt right', () => {
    const [a] = onLine(glyphs, 520);
    expectBox(a, '一', 150, 160, 520, 10);
  });

  it('Tw on a Latin space: the space advances 2.78 + 5 pt, and B is marked as following a space', () => {
    const [a, b] = onLine(glyphs, 500);
    expectBox(a, 'A', 100, 106.67, 500, 10);
    expectBox(b, 'B', 114.45, 121.12, 500, 10);
    expect(a!.spaceBefore).toBe(false);
    expect(b!.spaceBefore).toBe(true);
  });

  it('Tw on code 32 that prints 出: 出 is kept (not a space), and word spacing applies after it', () => {
    const [a, b] = onLine(glyphs, 480);
    expectBox(a, '出', 100, 110, 480, 10);
    expectBox(b, '入', 115, 125, 480, 10);
    expect(b!.spaceBefore).toBe(false);
  });

  it('a ToUnicode ligature ("fi"): its two characters share the glyph width', () => {
    const [f, i] = onLine(glyphs, 460);
    expectBox(f, 'f', 100, 105, 460, 10);
    expectBox(i, 'i', 105, 110, 460, 10);
  });

  it('a zero-width space (U+200B) prints nothing', () => {
    const line = onLine(glyphs, 440);
    expect(line).toHaveLength(1);
    expectBox(line[0], '入', 100, 110, 440, 10);
  });

  it('builds no glyph outlines (skipFontLoading in pdfjs.ts)', async () => {
    const doc = await openPdf(new Uint8Array(fs.readFileSync(FIXTURE)));
    try {
      const page = await doc.getPage(1);
      await readPageContent(page, 1);
      const ids = Array.from(page.commonObjs, ([id]) => String(id));
      // the fonts the glyphs were placed by are there; no outline of any of their glyphs
      expect(ids.length).toBeGreaterThanOrEqual(3);
      expect(ids.filter((id) => id.includes('_path_'))).toEqual([]);
    } finally {
      await doc.destroy();
    }
  });
});

describe('glyph placement against pdfjs getTextContent on a LibreOffice PDF', () => {
  let doc: PDFDocumentProxy;
  beforeAll(async () => {
    doc = await openPdf(new Uint8Array(fs.readFileSync(RENDERED)));
  });
  afterAll(async () => {
    await doc?.destroy();
  });

  it('starts and ends (almost) every text item where pdfjs does, pages 1–3', async () => {
    let items = 0;
    let matched = 0;
    const misses: string[] = [];
    for (const p of [1, 2, 3]) {
      const page = await doc.getPage(p);
      // not rotated: pdfjs's text space is the PDF's user space, as our glyphs' coordinates
      expect(page.rotate).toBe(0);
      const { glyphs } = await readPageContent(page, p);
      const text = await page.getTextContent();
      for (const item of text.items) {
        // marked-content items carry no text
        if (!('str' in item) || item.str.trim() === '') continue;
        items++;
        const chars = Array.from(item.str);
        const first = chars.find((c) => c.trim() !== '')!;
        const last = chars.filter((c) => c.trim() !== '').at(-1)!;
        const [x, y] = [item.transform[4] as number, item.transform[5] as number];
        const end = x + item.width;
        const starts = glyphs.some((g) => g.ch === first && Math.abs(g.x0 - x) < 0.5 && Math.abs(g.y - y) < 0.5);
        const ends = glyphs.some((g) => g.ch === last && Math.abs(g.x1 - end) < 0.5 && Math.abs(g.y - y) < 0.5);
        if (starts && ends) matched++;
        else misses.push(`p${p} ${JSON.stringify(item.str)} at (${x.toFixed(2)}, ${y.toFixed(2)})–${end.toFixed(2)}: ${starts ? '' : 'start '}${ends ? '' : 'end'}`);
      }
    }
    expect(items).toBeGreaterThan(100);
    // on failure, the items that did not match say why
    expect(matched / items, misses.join('\n')).toBeGreaterThanOrEqual(0.99);
  });
});
