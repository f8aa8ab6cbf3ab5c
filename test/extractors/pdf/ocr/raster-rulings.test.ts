import { describe, expect, it } from 'vitest';
import { rotateImage, type GrayImage } from '../../../../extractors/pdf/ocr/gray-image.js';
import { estimateSkew, findRasterRulings } from '../../../../extractors/pdf/ocr/raster-rulings.js';
import { parseTsv } from '../../../../extractors/pdf/ocr/read-words.js';

/** A white page (read as 200 dpi) with a ruled grid of 3 × 4 cells (2 px rules) and a "word" of ink in each cell. */
function ruledPage(): GrayImage {
  const [w, h] = [600, 500];
  const data = new Uint8Array(w * h).fill(255);
  const box = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) data.fill(0, y * w + x0, y * w + x1);
  };
  const xs = [100, 200, 350, 500];
  const ys = [100, 160, 220, 280, 340];
  for (const y of ys) box(xs[0]!, y, xs[3]! + 2, y + 2);
  for (const x of xs) box(x, ys[0]!, x + 2, ys[4]! + 2);
  for (let r = 0; r < 4; r++) for (let c = 0; c < 3; c++) box(xs[c]! + 10, ys[r]! + 20, xs[c]! + 40, ys[r]! + 32);
  return { width: w, height: h, data };
}

describe('ruling lines and skew from a raster', () => {
  it('finds the rules of a grid, not the ink in its cells', () => {
    const rules = findRasterRulings(ruledPage(), 200);
    const h = rules.filter((r) => r.y0 === r.y1).map((r) => [Math.round(r.y0), r.x0, r.x1]);
    const v = rules.filter((r) => r.x0 === r.x1).map((r) => [Math.round(r.x0), r.y0, r.y1]);
    // a 2 px rule smeared over 3 rows by the two-row test: its middle at +1
    expect(h.sort((a, b) => a[0]! - b[0]!)).toEqual([100, 160, 220, 280, 340].map((y) => [y, 100, 501]));
    expect(v.sort((a, b) => a[0]! - b[0]!)).toEqual([100, 200, 350, 500].map((x) => [x, 100, 341]));
  });

  it('measures a skew of the page and levels it', () => {
    const page = ruledPage();
    expect(estimateSkew(page)).toBe(0);
    // turned so that its lines slope by -1.3° (rotateImage levels a slope of its angle: the inverse turn)
    const skewed = rotateImage(page, -1.3);
    const skew = estimateSkew(skewed);
    expect(Math.abs(skew - 1.3)).toBeLessThanOrEqual(0.05);
    // levelled again, each rule is found where it was (turned twice, it may come in pieces)
    const level = findRasterRulings(rotateImage(skewed, skew), 200).filter((r) => r.y0 === r.y1);
    for (const y of [100, 160, 220, 280, 340]) expect(level.some((r) => Math.abs(r.y0 - y - 1) <= 2 && r.x1 - r.x0 > 100), `rule at ${y}`).toBe(true);
  });
});

describe("Tesseract's TSV", () => {
  it('keeps the words with text, their boxes, confidences and lines', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t1704\t2375\t-1\t',
      '4\t1\t1\t1\t1\t0\t207\t95\t346\t39\t-1\t',
      '5\t1\t1\t1\t1\t1\t207\t97\t34\t31\t90.605957\t2、',
      '5\t1\t1\t1\t1\t2\t274\t95\t44\t35\t88.027008\t部门',
      '5\t1\t1\t1\t2\t1\t274\t195\t44\t35\t95\t ',
      '5\t1\t2\t1\t1\t1\t204\t163\t48\t24\t92.848961\t434',
      '',
    ].join('\n');
    expect(parseTsv(tsv)).toEqual([
      { text: '2、', left: 207, top: 97, width: 34, height: 31, confidence: 90.605957, line: '1.1.1' },
      { text: '部门', left: 274, top: 95, width: 44, height: 35, confidence: 88.027008, line: '1.1.1' },
      { text: '434', left: 204, top: 163, width: 48, height: 24, confidence: 92.848961, line: '2.1.1' },
    ]);
  });
});
