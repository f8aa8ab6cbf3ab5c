/**
 * A small, strict-enough XML reader for OOXML parts: elements, attributes, text, CDATA; comments
 * and processing instructions are skipped. Names are rewritten to a fixed prefix per namespace
 * (`w:` for WordprocessingML whatever prefix the file declares), so readers can match `w:tc`.
 * A DOCTYPE is refused: OOXML never has one, and entity declarations are how XML bombs work.
 */

/** An element: its name with the canonical prefix, its attributes (canonical prefixes too), its children. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {}

/**
 * How deep elements may nest. Word's own documents stay far below it (body, a table in a table in
 * a table, content controls, runs: a few dozen levels); the readers walk the tree recursively, and
 * 12,000 nested content controls overflowed the call stack.
 */
export const MAX_XML_DEPTH = 500;

/** Markup nested deeper than MAX_XML_DEPTH: well-formed, but not a document any word processor writes. */
export class XmlDepthError extends XmlError {}

/** Namespaces the docx reader looks at, by the prefix it uses for them (transitional and strict OOXML). */
const CANONICAL_PREFIX: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

/** Text inside these elements keeps white space that is all there is (`<w:t xml:space="preserve"> </w:t>`). */
const KEEPS_SPACE = new Set(['w:t', 'w:instrText', 'w:delText']);

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITY[e] ?? m;
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses a whole part; throws XmlError on markup it cannot read. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: { el: XmlElement; ns: Map<string, string>; rawName: string }[] = [{ el: root, ns: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), rawName: '' }];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) addText(stack[stack.length - 1]!.el, text.slice(i, end));
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close < 0) throw new XmlError('unterminated comment');
      i = close + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      if (close < 0) throw new XmlError('unterminated CDATA section');
      stack[stack.length - 1]!.el.children.push(text.slice(lt + 9, close));
      i = close + 3;
    } else if (text.startsWith('<?', lt)) {
      const close = text.indexOf('?>', lt + 2);
      if (close < 0) throw new XmlError('unterminated processing instruction');
      i = close + 2;
    } else if (text.startsWith('<!', lt)) {
      throw new XmlError('a DOCTYPE or other declaration, which OOXML never has');
    } else if (text[lt + 1] === '/') {
      const close = text.indexOf('>', lt);
      if (close < 0) throw new XmlError('unterminated end tag');
      const rawName = text.slice(lt + 2, close).trim();
      const top = stack.pop();
      if (!top || stack.length === 0 || top.rawName !== rawName) throw new XmlError(`mismatched end tag </${rawName}>`);
      i = close + 1;
    } else {
      const close = findTagEnd(text, lt);
      if (close < 0) throw new XmlError('unterminated start tag');
      const selfClosing = text[close - 1] === '/';
      const body = text.slice(lt + 1, selfClosing ? close - 1 : close);
      const nameEnd = body.search(/[\s]/);
      const rawName = nameEnd < 0 ? body : body.slice(0, nameEnd);
      if (!rawName) throw new XmlError('empty tag name');
      const rawAttrs: [string, string][] = [];
      const parentNs = stack[stack.length - 1]!.ns;
      let ns = parentNs;
      if (nameEnd >= 0) {
        for (const m of body.slice(nameEnd).matchAll(ATTR)) {
          const name = m[1]!;
          const value = decodeEntities(m[2] ?? m[3] ?? '');
          if (name === 'xmlns' || name.startsWith('xmlns:')) {
            if (ns === parentNs) ns = new Map(parentNs);
            ns.set(name === 'xmlns' ? '' : name.slice(6), value);
          } else rawAttrs.push([name, value]);
        }
      }
      const el: XmlElement = { name: canonical(rawName, ns, true), attrs: {}, children: [] };
      for (const [k, v] of rawAttrs) el.attrs[canonical(k, ns, false)] = v;
      stack[stack.length - 1]!.el.children.push(el);
      if (!selfClosing) stack.push({ el, ns, rawName });
      if (stack.length > MAX_XML_DEPTH + 1) throw new XmlDepthError(`elements nested more than ${MAX_XML_DEPTH} deep (<${rawName}> in <${stack[stack.length - 2]!.rawName}>)`);
      i = close + 1;
    }
  }
  if (stack.length !== 1) throw new XmlError(`unclosed element <${stack[stack.length - 1]!.rawName}>`);
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new XmlError('no root element');
  return top;
}

/** The `>` that ends a tag starting at `lt`, skipping `>` inside quoted attribute values. */
function findTagEnd(text: string, lt: number): number {
  let quote = '';
  for (let k = lt + 1; k < text.length; k++) {
    const ch = text[k]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return k;
  }
  return -1;
}

function canonical(raw: string, ns: Map<string, string>, isElement: boolean): string {
  const colon = raw.indexOf(':');
  const prefix = colon < 0 ? '' : raw.slice(0, colon);
  const local = colon < 0 ? raw : raw.slice(colon + 1);
  // unprefixed attributes are in no namespace
  if (colon < 0 && !isElement) return raw;
  const uri = ns.get(prefix);
  const mapped = uri !== undefined ? CANONICAL_PREFIX[uri] : undefined;
  if (mapped) return `${mapped}:${local}`;
  return raw;
}

function addText(el: XmlElement, raw: string): void {
  if (!KEEPS_SPACE.has(el.name) && /^\s*$/.test(raw)) return;
  el.children.push(decodeEntities(raw));
}

/** The element children of an element. */
export function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

/** The first child element with this name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** The concatenated text nodes directly inside an element. */
export function textOf(el: XmlElement): string {
  return el.children.filter((c): c is string => typeof c === 'string').join('');
}
