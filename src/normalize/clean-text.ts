/**
 * Clean-up of printed text that every format needs: artifacts of the tools that made the file
 * (Word bookmarks and field codes, markdown and HTML from PDF converters) and white space that
 * layout put between CJK characters, and code points that other producers map CJK glyphs to
 * (radicals for ideographs, one long dash for two). Never changes what the text says.
 */
import { CJK_CLASS } from '../text/cjk.js';
import { RADICAL_IDEOGRAPHS } from './radical-ideographs.js';

// a match starts only where a run of spaces starts: tried from inside a run, each start would
// scan the rest of it again (40k tabs took 12 s); no start inside a run can match when its first cannot
const SPACE_BEFORE_CJK = new RegExp(`(?<![ \\t\\u00a0\\u3000])[ \\t\\u00a0\\u3000]+(?=[${CJK_CLASS}])`, 'gu');
const SPACE_AFTER_CJK = new RegExp(`(?<=[${CJK_CLASS}])[ \\t\\u00a0\\u3000]+`, 'gu');

/** `[bookmark: _Toc…]` markers that Word's text export prints where a bookmark starts. */
export function removeBookmarks(s: string): string {
  return s.replace(/\[bookmark: [^\]]*\]/g, '');
}

/** A Word TC (table of contents entry) field printed after a title: ` TC 14、…表 \f C \l 1`. */
export function removeFieldCodes(s: string): string {
  // `(?<!\s)`: from the start of a run of white space only (see SPACE_BEFORE_CJK)
  return s.replace(/(?<!\s)\s+TC\s+[\s\S]*?\\[fl]\s+\S+(?:\s+\\[fl]\s+\S+)*\s*$/u, '').replace(/(?<!\s)\s+TC\s+.*$/u, '');
}

/** White space next to a CJK character is layout, not text (`项  目` → `项目`, `12882 平方米` → `12882平方米`). */
export function collapseSpaces(line: string): string {
  return line
    .replace(SPACE_BEFORE_CJK, '')
    .replace(SPACE_AFTER_CJK, '')
    .replace(/(?<=[≥≤<>=≠])[ \t\u00a0]+(?=\d)/gu, '')
    .replace(/[ \t\u00a0]{2,}/g, ' ')
    .trim();
}

const IDEOGRAPH_OF = new Map(RADICAL_IDEOGRAPHS.map(([from, to]) => [String.fromCodePoint(from), String.fromCodePoint(to)]));
const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf\u31c0-\u31ef]/gu;

/**
 * Radicals and strokes as the unified ideographs they look like (`部⻔预算收⽀总表` →
 * `部门预算收支总表`): a PDF producer that finds one glyph under several code points in a CJK font
 * (Skia in Chromium, with 门 and ⻔ sharing a glyph) may map it to the radical, which reads the
 * same and matches nothing. Unicode's EquivalentUnifiedIdeograph data, because NFKC covers the
 * Kangxi Radicals but not the CJK Radicals Supplement (⻔ U+2ED4) nor the strokes.
 */
export function unifyRadicals(s: string): string {
  return s.replace(RADICAL, (r) => IDEOGRAPH_OF.get(r) ?? r);
}

/**
 * A two- or three-em dash as the em dashes it stands for (`⸺` → `——`): the 破折号 is two em
 * dashes, and a producer may shape them into one glyph that it maps to U+2E3A (Chromium, seed
 * 004's 部门固定资产占用情况表); NFKC leaves it as it is. A horizontal bar (U+2015) is an em dash
 * too (`受理―立案` → `受理—立案`): a producer that maps a glyph back to a code point of its own
 * choosing may give ― where the source has — (Chromium, seed 004's 部门职责-工作活动绩效目标,
 * row 92); in Chinese text both are the one dash, and `raw` keeps what the file maps.
 */
export function splitLongDashes(s: string): string {
  return s.replace(/\u2e3a/gu, '——').replace(/\u2e3b/gu, '———').replace(/\u2015/gu, '—');
}

/** HTML that converters leave in cells: paragraphs and breaks become line breaks, other tags go. */
export function removeHtml(s: string): string {
  if (!s.includes('<')) return s;
  return s
    .replace(/<\/p>\s*<p(?:\s[^<>]*)?>/giu, '\n')
    .replace(/<br\s*\/?>/giu, '\n')
    .replace(/<\/?[a-zA-Z][^<>]*>/gu, '');
}

const LATEX_SYMBOLS: [RegExp, string][] = [
  [/\\geq?(?![a-zA-Z])/g, '≥'],
  [/\\leq?(?![a-zA-Z])/g, '≤'],
  [/\\neq?(?![a-zA-Z])/g, '≠'],
  [/\\times(?![a-zA-Z])/g, '×'],
  [/\\div(?![a-zA-Z])/g, '÷'],
  [/\\pm(?![a-zA-Z])/g, '±'],
  [/\\cdot(?![a-zA-Z])/g, '·'],
  [/\\approx(?![a-zA-Z])/g, '≈'],
  [/\\sim(?![a-zA-Z])/g, '~'],
  [/\\lt(?![a-zA-Z])/g, '<'],
  [/\\gt(?![a-zA-Z])/g, '>'],
  [/\\%/g, '%'],
];

/** LaTeX that converters write for symbols: `$\geq 90\%$` → `≥90%`; also bare `\leq` outside math. */
export function removeLatex(s: string): string {
  if (!s.includes('\\')) return s;
  const symbols = (t: string) => LATEX_SYMBOLS.reduce((acc, [re, sym]) => acc.replace(re, sym), t);
  return symbols(s.replace(/\$([^$\n]*\\[^$\n]*)\$/g, (_, math: string) => symbols(math).replace(/\s+/g, '')));
}

/** Markdown marks: headings, list bullets, bold/italic emphasis. */
export function removeMarkdown(line: string): string {
  return line
    .replace(/^\s*(?:[-*+]\s+)?#{1,6}\s+/u, '')
    .replace(/^\s*[-*+]\s+(?=\S)/u, '')
    .replace(/\*\*([^*]+)\*\*/gu, '$1')
    .replace(/__([^_]+)__/gu, '$1');
}

/** The clean text of a cell or a line of prose: artifacts removed, each line's spacing normalised, empty lines dropped. */
export function cleanText(raw: string): string {
  const text = splitLongDashes(unifyRadicals(removeLatex(removeHtml(removeFieldCodes(removeBookmarks(raw))))));
  // a cell over several lines keeps the source's line breaks in `raw`: CRLF and CR too
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => collapseSpaces(removeMarkdown(l)))
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
