import zlib from 'node:zlib';

/** One file to put in a zip archive; `declaredSize` lets a fixture lie about its uncompressed size. */
export interface ZipInput {
  name: string;
  data: Buffer;
  /** Store instead of deflate. */
  stored?: boolean;
  /** Already deflated data (raw deflate) and its true uncompressed size and CRC. */
  deflated?: { size: number; crc32: number };
  declaredSize?: number;
}

/**
 * A part of `size` spaces, deflated ahead (a zip bomb's part: about 1 MB holds 1 GiB), with its
 * true size and CRC; tests patch the declared size to make it lie.
 */
export function spacesEntry(name: string, size: number): ZipInput {
  const data = Buffer.alloc(size, 0x20);
  return { name, data: zlib.deflateRawSync(data, { level: 9 }), deflated: { size, crc32: zlib.crc32(data) } };
}

/**
 * A minimal zip writer (no zip64, no encryption) for the corpus script and test fixtures:
 * local headers, data, central directory, end record. Entries keep the given order.
 */
export function writeZip(files: ZipInput[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const method = f.stored ? 0 : 8;
    const body = f.deflated ? f.data : f.stored ? f.data : zlib.deflateRawSync(f.data, { level: 9 });
    const crc = f.deflated ? f.deflated.crc32 : zlib.crc32(f.data);
    const size = f.declaredSize ?? (f.deflated ? f.deflated.size : f.data.length);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00, so archives are byte-for-byte reproducible
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(0x00210000, 12);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(entry, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}
