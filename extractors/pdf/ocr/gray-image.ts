/** An 8-bit grey raster, row by row from the top left: 0 black, 255 white. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Reads a binary PGM (P5, 8 bit), what `pdftoppm -gray` writes. */
export function parsePgm(bytes: Uint8Array): GrayImage {
  let at = 0;
  const token = (): string => {
    // whitespace and # comments separate the header's fields
    for (;;) {
      while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at]!))) at++;
      if (bytes[at] !== 0x23) break;
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
    }
    const start = at;
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at]!))) at++;
    return String.fromCharCode(...bytes.subarray(start, at));
  };
  if (token() !== 'P5') throw new Error('not a binary PGM image');
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  at++;
  if (!(width > 0 && height > 0) || max !== 255 || bytes.length - at < width * height) throw new Error('unsupported or truncated PGM image');
  return { width, height, data: bytes.slice(at, at + width * height) };
}

/** The image as a binary PGM, which Tesseract (Leptonica) reads from its standard input. */
export function toPgm(img: GrayImage): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(head.length + img.data.length);
  out.set(head);
  out.set(img.data, head.length);
  return out;
}

/**
 * The image turned about its centre so that a line sloping by `degrees` (y down: positive goes
 * down to the right) comes out level; same size, white where nothing was. Bilinear, so thin
 * rules stay straight and unbroken.
 */
export function rotateImage(img: GrayImage, degrees: number): GrayImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h).fill(255);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    for (let x = 0; x < w; x++) {
      const dx = x - cx;
      // the source pixel that lands here: the inverse rotation
      const sx = cos * dx - sin * dy + cx;
      const sy = sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + w]! + (data[i + w + 1]! - data[i + w]!) * fx;
      out[y * w + x] = Math.round(top + (bottom - top) * fy);
    }
  }
  return { width: w, height: h, data: out };
}

/** The image upside down (a page scanned the wrong way round). */
export function turnHalf(img: GrayImage): GrayImage {
  return { width: img.width, height: img.height, data: img.data.slice().reverse() };
}

/** The image scaled by `factor` (area-averaged when shrinking, nearest pixel when growing). */
export function scaleImage(img: GrayImage, factor: number): GrayImage {
  const w = Math.max(1, Math.round(img.width * factor));
  const h = Math.max(1, Math.round(img.height * factor));
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const sy0 = Math.floor(y / factor);
    const sy1 = Math.min(img.height, Math.max(sy0 + 1, Math.floor((y + 1) / factor)));
    for (let x = 0; x < w; x++) {
      const sx0 = Math.floor(x / factor);
      const sx1 = Math.min(img.width, Math.max(sx0 + 1, Math.floor((x + 1) / factor)));
      let sum = 0;
      for (let sy = sy0; sy < sy1; sy++) for (let sx = sx0; sx < sx1; sx++) sum += img.data[sy * img.width + sx]!;
      data[y * w + x] = Math.round(sum / ((sy1 - sy0) * (sx1 - sx0)));
    }
  }
  return { width: w, height: h, data };
}
