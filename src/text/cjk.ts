/** CJK symbols and punctuation (U+3000–303F) and full-width forms (U+FF00–FFEF), as the body of a regex character class. */
export const CJK_PUNCTUATION_CLASS = '\\u3000-\\u303f\\uff00-\\uffef';

/**
 * The one CJK character class of the tree, as the body of a regex character class: Han
 * ideographs, CJK symbols and punctuation (U+3000–303F) and full-width forms (U+FF00–FFEF) —
 * text set without spaces between its characters, so white space beside it is layout and a
 * line wrapped after it joins without a space.
 */
export const CJK_CLASS = `\\p{Script=Han}${CJK_PUNCTUATION_CLASS}`;

/**
 * The class a PDF glyph is checked against before a space is put beside it: CJK_CLASS and the
 * Japanese and Korean scripts, whose glyphs a producer also sets without word spaces (a space
 * Korean prints is a glyph or a gap of its own, read as such).
 */
export const CJK_GLYPH_CLASS = `${CJK_CLASS}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}`;
