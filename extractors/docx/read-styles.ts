import { child, elements, type XmlElement } from './xml.js';

/** What the body reader needs to know about a paragraph style. */
export interface ParagraphStyle {
  heading: boolean;
  toc: boolean;
}

export interface StyleSheet {
  paragraph(styleId: string | undefined): ParagraphStyle;
}

const PLAIN: ParagraphStyle = { heading: false, toc: false };

/**
 * Paragraph styles from word/styles.xml (§17.7): a style is a heading when its name is a
 * built-in heading or title name (`heading 1`, `Title`, `标题 1`) or it sets an outline level,
 * directly or through the styles it is based on; a TOC style (`toc 1`, `TOC Heading`) marks
 * table-of-contents entries. Style ids are not used for this: Chinese Word writes ids like "1".
 */
export function readStyles(root: XmlElement | null): StyleSheet {
  const byId = new Map<string, { name: string; basedOn?: string; outline: boolean }>();
  if (root) {
    for (const s of elements(root)) {
      if (s.name !== 'w:style' || s.attrs['w:type'] !== 'paragraph') continue;
      const id = s.attrs['w:styleId'];
      if (!id) continue;
      const lvl = child(child(s, 'w:pPr'), 'w:outlineLvl')?.attrs['w:val'];
      const basedOn = child(s, 'w:basedOn')?.attrs['w:val'];
      byId.set(id, { name: (child(s, 'w:name')?.attrs['w:val'] ?? '').toLowerCase(), ...(basedOn ? { basedOn } : {}), outline: lvl !== undefined && Number(lvl) < 9 });
    }
  }
  const cache = new Map<string, ParagraphStyle>();
  const resolve = (id: string, depth: number): ParagraphStyle => {
    const s = byId.get(id);
    if (!s || depth > 10) return PLAIN;
    const toc = /^(?:toc \d|toc heading|目录 ?\d?)$/u.test(s.name);
    const heading = !toc && (/^(?:heading \d|title|标题(?: ?\d)?)$/u.test(s.name) || s.outline);
    if (heading || toc) return { heading, toc };
    return s.basedOn ? resolve(s.basedOn, depth + 1) : PLAIN;
  };
  return {
    paragraph(id) {
      if (!id) return PLAIN;
      let v = cache.get(id);
      if (!v) cache.set(id, (v = byId.has(id) ? resolve(id, 0) : fromId(id)));
      return v;
    },
  };
}

/** Without styles.xml, the built-in ids (Heading1, TOC1) still say what a paragraph is. */
function fromId(id: string): ParagraphStyle {
  return { heading: /^(?:Heading\d|Title)$/i.test(id), toc: /^TOC\d$/i.test(id) };
}
