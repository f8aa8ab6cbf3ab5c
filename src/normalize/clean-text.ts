/**
 * Clean-up of printed text that every format needs: artifacts of the tools that made the file
 * (Word bookmarks and field codes, markdown and HTML from PDF converters) and white space that
 * layout put between CJK characters. Never changes what the text says.
 */

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
const SPACE_BEFORE_CJK = new RegExp(`[ \\t\\u00a0\\u3000]+(?=[${CJK}])`, 'gu');
const SPACE_AFTER_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0\\u3000]+`, 'gu');

/** `[bookmark: _Toc…]` markers that Word's text export prints where a bookmark starts. */
export function removeBookmarks(s: string): string {
  return s.replace(/\[bookmark: [^\]]*\]/g, '');
}

/** A Word TC (table of contents entry) field printed after a title: ` TC 14、…表 \f C \l 1`. */
export function removeFieldCodes(s: string): string {
  return s.replace(/\s+TC\s+[\s\S]*?\\[fl]\s+\S+(?:\s+\\[fl]\s+\S+)*\s*$/u, '').replace(/\s+TC\s+.*$/u, '');
}

/** White space next to a CJK character is layout, not text (`项  目` → `项目`, `12882 平方米` → `12882平方米`). */
export function collapseSpaces(line: string): string {
  return line
    .replace(SPACE_BEFORE_CJK, '')
    .replace(SPACE_AFTER_CJK, '')
    .replace(/[ \t\u00a0]{2,}/g, ' ')
    .trim();
}

/** The clean text of a cell or a line of prose: artifacts removed, each line's spacing normalised, empty lines dropped. */
export function cleanText(raw: string): string {
  const text = removeFieldCodes(removeBookmarks(raw));
  return text
    .split('\n')
    .map(collapseSpaces)
    .filter((l) => l !== '')
    .join('\n');
}

const NUMBERING = /^(?:\d+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．])\s*/u;

/** A title without numbering prefixes (repeatedly: `1、（一）…`) and without trailing field codes. */
export function cleanTitle(raw: string): string {
  let t = cleanText(raw).replace(/\n/g, '');
  let prev: string;
  do {
    prev = t;
    t = t.replace(NUMBERING, '');
  } while (t !== prev);
  return t;
}
