/** Bytes decoded to text, with the encoding that was used. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /** Offsets in `text` of the U+FFFD put where bytes were not valid UTF-8 (a flipped byte, a character cut off at the end). */
  replaced?: number[];
}

/**
 * How many invalid UTF-8 sequences, per character, a UTF-8 text may have and still be read as
 * UTF-8 with them replaced. GBK text read as UTF-8 is invalid at nearly every CJK character;
 * a damaged UTF-8 export, at a handful of places.
 */
const MAX_INVALID_UTF8 = 0.001;

/** Why bytes could not be read as text. */
export class NotTextError extends Error {
  override name = 'NotTextError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes scraped text files, which come as UTF-8 (with or without BOM), UTF-16 (Windows
 * "Unicode" exports) or GBK/GB18030 (older Chinese tools). GB18030 is a superset of GBK, so
 * one decoder covers both.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const sample = bytes.subarray(0, 4096);
  if (hasNul(sample)) {
    const bom16 = guessBomlessUtf16(sample);
    if (bom16) return { text: new TextDecoder(bom16).decode(bytes), encoding: bom16 };
    throw new NotTextError('binary data (NUL bytes), not text');
  }
  try {
    const text = utf8.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' };
  } catch {
    // not valid UTF-8: a few bad bytes in UTF-8 text, or another encoding
  }
  // GB18030 strictly: GBK text is invalid UTF-8 at nearly every CJK character, and UTF-8 CJK text
  // is almost never valid GB18030 (its three-byte characters leave a lead byte before some ASCII)
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return { text, encoding: 'gb18030' };
  } catch {
    // neither: UTF-8 with a few bad bytes (replaced), or not text, so that random bytes are refused rather than turned into mojibake
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const replaced = replacementsIn(text);
  if (replaced.length <= Math.max(1, text.length * MAX_INVALID_UTF8)) return { text, encoding: 'utf-8', replaced };
  throw new NotTextError('bytes are neither UTF-8, UTF-16 nor GB18030 text');
}

function replacementsIn(text: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) at.push(i);
  return at;
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.includes(0);
}

/**
 * UTF-16 without a BOM: ASCII (tabs, digits, line breaks) leaves a NUL in every other byte, on
 * the side that tells the byte order. Not all on that side: a CJK character whose low byte is 00
 * (一 U+4E00, 刀 U+5200) puts one on the other, so the side with most of
 * them wins when it has at least four times as many.
 */
function guessBomlessUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const half = sample.length / 2;
  const order = odd > half * 0.1 && odd >= even * 4 ? 'utf-16le' : even > half * 0.1 && even >= odd * 4 ? 'utf-16be' : null;
  // binary data with NULs mostly on one side decodes to control characters: no text
  return order && controlShare(new TextDecoder(order).decode(sample)) < 0.01 ? order : null;
}

function controlShare(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) n++;
  }
  return text.length ? n / text.length : 1;
}
