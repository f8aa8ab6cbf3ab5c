import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZipDirectory, readZipEntry, ZipError } from '../../../extractors/zip/read-zip.js';
import { writeZip } from '../../../scripts/lib/write-zip.js';

describe('readZipDirectory / readZipEntry', () => {
  it('reads stored and deflated entries back byte for byte', () => {
    const text = Buffer.from('部门预算收支总表\n'.repeat(100), 'utf8');
    const zip = writeZip([
      { name: 'a.txt', data: text },
      { name: 'dir/b.bin', data: Buffer.from([0, 1, 2, 3]), stored: true },
    ]);
    const entries = readZipDirectory(zip);
    expect([...entries.keys()]).toEqual(['a.txt', 'dir/b.bin']);
    expect(readZipEntry(zip, entries.get('a.txt')!, 1 << 20).equals(text)).toBe(true);
    expect([...readZipEntry(zip, entries.get('dir/b.bin')!, 16)]).toEqual([0, 1, 2, 3]);
    expect(entries.get('a.txt')!.compressedSize).toBeLessThan(text.length);
  });

  it('refuses an entry whose declared size is over the limit before inflating anything', () => {
    const zip = writeZip([{ name: 'x', data: Buffer.alloc(5000, 0x20) }]);
    const e = readZipDirectory(zip).get('x')!;
    expect(() => readZipEntry(zip, e, 4999)).toThrow(/declares 5000 bytes uncompressed, over the limit of 4999/);
  });

  it('stops inflating at the limit when the archive lies about the size', () => {
    const data = Buffer.alloc(10 * 1024 * 1024, 0x20);
    const zip = writeZip([{ name: 'x', data: zlib.deflateRawSync(data), deflated: { size: data.length, crc32: zlib.crc32(data) }, declaredSize: 100 }]);
    const e = readZipDirectory(zip).get('x')!;
    expect(e.uncompressedSize).toBe(100);
    expect(() => readZipEntry(zip, e, 1024 * 1024)).toThrow(/inflates to more than 1048576 bytes \(it declares 100\)/);
  });

  it('reports corrupt data, a wrong CRC, zip encryption and what is not a zip at all', () => {
    const zip = writeZip([{ name: 'x', data: Buffer.from('hello hello hello') }]);
    const e = readZipDirectory(zip).get('x')!;
    expect(() => readZipEntry(zip, { ...e, crc32: e.crc32 ^ 1 }, 100)).toThrow(/CRC mismatch/);
    expect(() => readZipEntry(zip, { ...e, flags: e.flags | 1 }, 100)).toThrow(/encrypted \(zip password\)/);
    expect(() => readZipEntry(zip, { ...e, method: 12 }, 100)).toThrow(/compression method 12/);
    expect(() => readZipDirectory(Buffer.from('PK\x03\x04 not really a zip', 'latin1'))).toThrow(ZipError);
    expect(() => readZipDirectory(zip.subarray(0, zip.length - 30))).toThrow(ZipError);
  });
});
