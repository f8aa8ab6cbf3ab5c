import { describe, expect, it } from 'vitest';
import { rotateImage, turnHalf, type GrayImage } from '../../../../extractors/pdf/ocr/gray-image.js';
import { toPageBox, type PageFrame } from '../../../../extractors/pdf/ocr/page-frame.js';

/** A white raster with one black block, its box in pixels (x0, y0, x1, y1; y down). */
function page(w: number, h: number, block: [number, number, number, number]): GrayImage {
  const data = new Uint8Array(w * h).fill(255);
  for (let y = block[1]; y < block[3]; y++) data.fill(0, y * w + block[0], y * w + block[2]);
  return { width: w, height: h, data };
}

/** The box of the pixels darker than 128, in pixels. */
function inkBox(img: GrayImage): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++)
      if (img.data[y * img.width + x]! < 128) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + 1), Math.max(y1, y + 1)];
  return [x0, y0, x1, y1];
}

describe('OCR boxes back on the page as shown (page-frame.ts)', () => {
  // a 200 × 300 pt page rasterised at 2 px per point
  const view: [number, number, number, number] = [0, 0, 200, 300];
  const [w, h] = [400, 600];
  const toPoints = (b: [number, number, number, number]): [number, number, number, number] => [b[0] / 2, 300 - b[3] / 2, b[2] / 2, 300 - b[1] / 2];

  it('takes a box read on the levelled, turned raster back to where the ink is on the page', () => {
    // ink near a corner, where a turn moves it most
    const scan = page(w, h, [40, 60, 120, 80]);
    for (const [skew, upsideDown] of [[3, false], [-3, false], [3, true], [-1.5, true], [0, true]] as const) {
      const read = rotateImage(upsideDown ? turnHalf(scan) : scan, skew);
      const frame: PageFrame = { view, width: w, height: h, levelledBy: skew, upsideDown };
      const box = toPageBox(frame, toPoints(inkBox(read)));
      const ink = toPoints([40, 60, 120, 80]);
      // holds the ink (to the half pixel the bilinear turn may blur), and not much more
      expect(box[0]).toBeLessThanOrEqual(ink[0] + 0.25);
      expect(box[1]).toBeLessThanOrEqual(ink[1] + 0.25);
      expect(box[2]).toBeGreaterThanOrEqual(ink[2] - 0.25);
      expect(box[3]).toBeGreaterThanOrEqual(ink[3] - 0.25);
      expect(box[2] - box[0]).toBeLessThan(ink[2] - ink[0] + 6);
      expect(box[3] - box[1]).toBeLessThan(ink[3] - ink[1] + 6);
    }
  });

  it('leaves a page read as scanned alone, and keeps boxes within the page', () => {
    const frame: PageFrame = { view, width: w, height: h, levelledBy: 0, upsideDown: false };
    expect(toPageBox(frame, [10, 20, 30, 40])).toEqual([10, 20, 30, 40]);
    expect(toPageBox({ ...frame, levelledBy: 2 }, view)).toEqual(view);
  });
});
