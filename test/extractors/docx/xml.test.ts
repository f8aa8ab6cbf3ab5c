import { describe, expect, it } from 'vitest';
import { child, elements, parseXml, textOf, XmlError } from '../../../extractors/docx/xml.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

describe('parseXml', () => {
  it('reads elements, attributes, text and entities, and maps the declared prefix to w:', () => {
    const root = parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ns0:document xmlns:ns0="${W}"><ns0:body><ns0:p><ns0:r><ns0:t xml:space="preserve"> a &amp; b &lt;c&gt; &#x4E2D;&#25991; </ns0:t></ns0:r></ns0:p><!-- a comment --><ns0:tbl ns0:x='1 &quot;q&quot;'/></ns0:body></ns0:document>`);
    expect(root.name).toBe('w:document');
    const body = child(root, 'w:body')!;
    expect(elements(body).map((e) => e.name)).toEqual(['w:p', 'w:tbl']);
    const t = child(child(child(body, 'w:p'), 'w:r'), 'w:t')!;
    expect(textOf(t)).toBe(' a & b <c> 中文 ');
    expect(t.attrs).toEqual({ 'xml:space': 'preserve' });
    expect(child(body, 'w:tbl')!.attrs).toEqual({ 'w:x': '1 "q"' });
  });

  it('keeps white space that is all there is only inside w:t', () => {
    const root = parseXml(`<w:p xmlns:w="${W}">  <w:r>\n  <w:t> </w:t></w:r></w:p>`);
    expect(root.children.length).toBe(1);
    const r = child(root, 'w:r')!;
    expect(r.children.length).toBe(1);
    expect(textOf(child(r, 'w:t')!)).toBe(' ');
  });

  it('reads CDATA and a default namespace, leaves unknown prefixes as written', () => {
    const root = parseXml(`<document xmlns="${W}" xmlns:x="urn:other"><t><![CDATA[<b>&]]></t><x:y a="1"/></document>`);
    expect(root.name).toBe('w:document');
    expect(textOf(child(root, 'w:t')!)).toBe('<b>&');
    expect(elements(root)[1]!.name).toBe('x:y');
  });

  it('refuses a DOCTYPE (entity expansion) and malformed markup', () => {
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')).toThrow(XmlError);
    expect(() => parseXml('<a><b></a>')).toThrow(/mismatched end tag/);
    expect(() => parseXml('<a><b>')).toThrow(/unclosed element/);
    expect(() => parseXml('<a')).toThrow(/unterminated start tag/);
    expect(() => parseXml('just text')).toThrow(/no root element/);
  });

  it('finds the end of a tag past a > inside a quoted attribute', () => {
    const root = parseXml('<a v="x > y"><b/></a>');
    expect(root.attrs['v']).toBe('x > y');
    expect(elements(root).map((e) => e.name)).toEqual(['b']);
  });
});
