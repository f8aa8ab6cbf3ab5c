import { describe, expect, it } from 'vitest';
import { decodeText, NotTextError } from '../../../extractors/text/decode-text.js';

describe('decodeText', () => {
  it('reads UTF-8 and drops a BOM', () => {
    expect(decodeText(Buffer.from('\ufeff预算', 'utf8'))).toEqual({ text: '预算', encoding: 'utf-8' });
  });
  it('reads UTF-16LE with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('\t预算\n', 'utf16le')]);
    expect(decodeText(bytes)).toEqual({ text: '\t预算\n', encoding: 'utf-16le' });
  });
  it('reads UTF-16LE without a BOM', () => {
    expect(decodeText(Buffer.from('\tabc 1\n\t2\n', 'utf16le')).encoding).toBe('utf-16le');
  });
  it('reads GBK/GB18030 bytes', () => {
    // 部门预算收支总表 in GBK, as older Chinese tools save it
    const bytes = Buffer.from('b2bfc3c5d4a4cbe3cad5d6a7d7dcb1ed', 'hex');
    expect(decodeText(bytes)).toEqual({ text: '部门预算收支总表', encoding: 'gb18030' });
  });
  it('refuses binary data', () => {
    const junk = Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x13, 0x80, 0x00, 0x00, 0x07]);
    expect(() => decodeText(junk)).toThrow(NotTextError);
  });
});
