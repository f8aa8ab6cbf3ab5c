/** Bytes decoded to text, with the encoding that was used. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

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
    // not UTF-8: try GB18030 strictly, so that random bytes are refused rather than turned into mojibake
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return { text, encoding: 'gb18030' };
  } catch {
    throw new NotTextError('bytes are neither UTF-8, UTF-16 nor GB18030 text');
  }
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.includes(0);
}

/** UTF-16 without a BOM: ASCII and CJK text leaves NULs in every other byte, all on one side. */
function guessBomlessUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const half = sample.length / 2;
  if (odd > half * 0.3 && even === 0) return 'utf-16le';
  if (even > half * 0.3 && odd === 0) return 'utf-16be';
  return null;
}
