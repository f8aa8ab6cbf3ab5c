import zlib from 'node:zlib';

/**
 * Reads entries of a zip archive (an OOXML package: .docx, .xlsx) synchronously, with hard limits so that a
 * hostile archive costs bounded time and memory: the central directory is read first, an entry
 * whose declared size is over the limit is refused before anything is inflated, and inflation
 * itself stops at the limit (an archive that lies about its sizes is caught there).
 */

export class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** At most this many entries in a package (a docx has a few dozen). */
export const MAX_ENTRIES = 20_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The archive's entries by name, from its central directory. */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new ZipError('not a readable zip archive (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipError('zip64 archives are not supported');
  if (count > MAX_ENTRIES) throw new ZipError(`zip archive with ${count} entries (limit ${MAX_ENTRIES})`);
  if (offset + size > buf.length) throw new ZipError('truncated zip archive (central directory past the end of the file)');
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError('corrupt zip central directory');
    const flags = buf.readUInt16LE(p + 8);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    entries.set(name.replace(/\\/g, '/'), {
      name,
      method: buf.readUInt16LE(p + 10),
      flags,
      crc32: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes, inflated, refusing to produce more than `limit` bytes. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.flags & 1) throw new ZipError(`${entry.name} is encrypted (zip password)`);
  if (entry.uncompressedSize > limit) {
    throw new ZipError(`${entry.name} declares ${entry.uncompressedSize} bytes uncompressed, over the limit of ${limit} — refused as a possible zip bomb`);
  }
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw new ZipError(`corrupt zip entry ${entry.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipError(`truncated zip entry ${entry.name}`);
  const data = buf.subarray(start, end);
  let out: Buffer;
  if (entry.method === 0) out = Buffer.from(data);
  else if (entry.method === 8) {
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: limit });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
        throw new ZipError(`${entry.name} inflates to more than ${limit} bytes (it declares ${entry.uncompressedSize}) — refused as a possible zip bomb`);
      }
      throw new ZipError(`corrupt compressed data in ${entry.name}: ${(e as Error).message}`);
    }
  } else throw new ZipError(`${entry.name} uses zip compression method ${entry.method}, which is not supported`);
  if (out.length !== entry.uncompressedSize || zlib.crc32(out) !== entry.crc32) throw new ZipError(`corrupt zip entry ${entry.name} (size or CRC mismatch)`);
  return out;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let p = buf.length - 22; p >= min; p--) if (buf.readUInt32LE(p) === EOCD) return p;
  return -1;
}
