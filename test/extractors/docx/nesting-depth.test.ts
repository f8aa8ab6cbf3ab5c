import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH, parseXml, XmlDepthError } from '../../../extractors/docx/xml.js';
import { extractDocument } from '../../../src/pipeline/extract-document.js';

const nested = (depth: number) => `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${'<w:sdt>'.repeat(depth - 1)}${'</w:sdt>'.repeat(depth - 1)}</w:document>`;

describe('deeply nested markup', () => {
  it('is read up to the depth limit and refused beyond it', () => {
    let el = parseXml(nested(MAX_XML_DEPTH));
    let depth = 1;
    while (el.children.length) {
      el = el.children[0] as typeof el;
      depth++;
    }
    expect(depth).toBe(MAX_XML_DEPTH);
    expect(() => parseXml(nested(MAX_XML_DEPTH + 1))).toThrow(XmlDepthError);
  });

  it('fails a .docx of 12,000 nested content controls with what is wrong with the file, not a stack overflow', () => {
    const r = extractDocument(new Uint8Array(fs.readFileSync(path.resolve(__dirname, '../../fixtures/reliability/docx-12000-nested-sdt-stack-overflow.docx'))));
    expect(r).toEqual({ ok: false, format: 'docx', error: 'unreadable .docx: word/document.xml has elements nested more than 500 deep (<w:sdt> in <w:sdtContent>)' });
  });
});
