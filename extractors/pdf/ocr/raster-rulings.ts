import type { GrayImage } from './gray-image.js';

/**
 * A pixel darker than this is ink. A hairline rule (0.5 pt) scanned at 200 dpi and resampled is
 * a few grey rows, none darker than ~170 in places; paper and noise stay above 240.
 */
const INK = 210;
/** How far (degrees) a scan may be skewed; the issue asks for ±5°. */
const MAX_SKEW = 5;

/** The share of the image's pixels that are ink (0–1). */
export function inkShare(img: GrayImage): number {
  let n = 0;
  for (const v of img.data) if (v < INK) n++;
  return n / img.data.length;
}

/**
 * The slope of the page's printed lines in degrees (y down: positive goes down to the right), by
 * the projection profile: ink projected along the right slope piles up in few rows (text lines
 * and rules), so the sum of squared row counts is largest there. Searched in steps of 0.1°, then
 * 0.01° around the best.
 */
export function estimateSkew(img: GrayImage): number {
  // every fourth pixel along each row: plenty of ink for the profile, a quarter of the work. Every
  // row is taken: with every other row, a level profile fills only the even bins and scores twice
  // what the same ink spread over all of them does, so a page of text alone (no rules) came out level
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x += 4) if (img.data[y * img.width + x]! < INK) {
    xs.push(x);
    ys.push(y);
  }
  if (xs.length < 100) return 0;
  const bins = new Float64Array(img.height + img.width * 2);
  const score = (deg: number) => {
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < xs.length; i++) bins[Math.round(ys[i]! - xs[i]! * t) + img.width]! += 1;
    let s = 0;
    for (const b of bins) s += b * b;
    return s;
  };
  // angles tried nearest the middle first: of equal profiles (a slope too small to move ink a pixel) the smaller turn wins
  const best = (mid: number, reach: number, step: number) => {
    let at = mid;
    let top = -1;
    for (let k = 0; k <= Math.round(reach / step); k++)
      for (const d of k === 0 ? [mid] : [mid - k * step, mid + k * step]) {
        const s = score(d);
        if (s > top) [top, at] = [s, d];
      }
    return at;
  };
  return Math.round(best(best(0, MAX_SKEW, 0.1), 0.1, 0.01) * 100) / 100 || 0;
}

/** A ruling line in pixels (y down): a horizontal one has y0 = y1, a vertical one x0 = x1; `thick` is its width across. */
export interface PixelRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  thick: number;
}

/**
 * Ruling lines of a level (deskewed) raster: runs of ink at least `minLength` pixels long along
 * a row (or column), a line smeared over two rows by resampling counted on both, runs on
 * neighbouring rows joined into one line of some thickness. A stroke of a character is as thin
 * as a rule, so a short line counts only where it touches a line across it (a table's rules
 * meet); a line as long as an inch stands on its own.
 */
export function findRasterRulings(img: GrayImage, dpi: number): PixelRule[] {
  const minLength = Math.round(dpi * 0.2);
  const long = dpi;
  const maxThick = Math.max(3, Math.round(dpi * 0.04));
  const ink = (x: number, y: number) => img.data[y * img.width + x]! < INK;
  const hs = joinRuns(runs(img.width, img.height, (along, across) => ink(along, across) || (across + 1 < img.height && ink(along, across + 1)), minLength), maxThick).map((l) => ({ x0: l.from, x1: l.to, y0: l.at, y1: l.at, thick: l.thick }));
  const vs = joinRuns(runs(img.height, img.width, (along, across) => ink(across, along) || (across + 1 < img.width && ink(across + 1, along)), minLength), maxThick).map((l) => ({ x0: l.at, x1: l.at, y0: l.from, y1: l.to, thick: l.thick }));
  const near = Math.max(4, dpi * 0.03);
  const meets = (h: PixelRule, v: PixelRule) => v.x0 >= h.x0 - near && v.x0 <= h.x1 + near && h.y0 >= v.y0 - near && h.y0 <= v.y1 + near;
  return [...hs.filter((h) => h.x1 - h.x0 >= long || vs.some((v) => meets(h, v))), ...vs.filter((v) => v.y1 - v.y0 >= long || hs.some((h) => meets(h, v)))];
}

interface Run {
  across: number;
  from: number;
  to: number;
}

/** Runs of ink along each line `across`, a one-pixel gap bridged (noise, JPEG). */
function runs(alongSize: number, acrossSize: number, ink: (along: number, across: number) => boolean, minLength: number): Run[] {
  const out: Run[] = [];
  for (let a = 0; a < acrossSize; a++) {
    let start = -1;
    let last = -1;
    for (let p = 0; p <= alongSize; p++) {
      if (p < alongSize && ink(p, a)) {
        if (start < 0 || p - last > 2) {
          if (start >= 0 && last - start + 1 >= minLength) out.push({ across: a, from: start, to: last });
          start = p;
        }
        last = p;
      }
    }
    if (start >= 0 && last - start + 1 >= minLength) out.push({ across: a, from: start, to: last });
  }
  return out;
}

/** Runs on neighbouring lines that overlap along most of the shorter: one line, at their middle, thickness their count. */
function joinRuns(all: Run[], maxThick: number): { at: number; from: number; to: number; thick: number }[] {
  const open: { first: number; last: number; from: number; to: number }[] = [];
  const done: typeof open = [];
  for (const r of all) {
    const line = open.find((l) => r.across - l.last <= 1 && Math.min(l.to, r.to) - Math.max(l.from, r.from) >= 0.5 * Math.min(l.to - l.from, r.to - r.from));
    if (line) {
      line.last = r.across;
      line.from = Math.min(line.from, r.from);
      line.to = Math.max(line.to, r.to);
    } else open.push({ first: r.across, last: r.across, from: r.from, to: r.to });
    // lines left behind are finished
    for (let i = open.length - 1; i >= 0; i--) if (r.across - open[i]!.last > 1) done.push(...open.splice(i, 1));
  }
  done.push(...open);
  // a solid area (a filled box, a stamp) is no rule
  return done.filter((l) => l.last - l.first + 1 <= maxThick).map((l) => ({ at: (l.first + l.last) / 2, from: l.from, to: l.to, thick: l.last - l.first + 1 }));
}

/** The image with the rules painted white (a little wider than found): Tesseract reads rules as | and _ and loses the characters they touch. */
export function eraseRulings(img: GrayImage, rules: PixelRule[]): GrayImage {
  const data = img.data.slice();
  for (const r of rules) {
    const pad = Math.ceil(r.thick / 2) + 2;
    const horizontal = r.y0 === r.y1;
    const [x0, x1, y0, y1] = horizontal ? [r.x0, r.x1, r.y0 - pad, r.y0 + pad] : [r.x0 - pad, r.x0 + pad, r.y0, r.y1];
    for (let y = Math.max(0, Math.floor(y0)); y <= Math.min(img.height - 1, Math.ceil(y1)); y++) data.fill(255, y * img.width + Math.max(0, Math.floor(x0)), y * img.width + Math.min(img.width - 1, Math.ceil(x1)) + 1);
  }
  return { width: img.width, height: img.height, data };
}
