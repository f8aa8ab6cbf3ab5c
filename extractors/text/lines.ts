import type { TextPoint, TextProvenance } from '../../src/model/index.js';

/** One line of decoded text, without its line break, and where it starts. */
export interface SourceLine {
  /** 1-based line number. */
  line: number;
  /** UTF-16 offset of the line's first character in the decoded text. */
  offset: number;
  text: string;
  /** The line break that ends the line before (`\n`, `\r\n` or `\r`; '' for the first line): a cell over several lines keeps the source's own. */
  breakBefore: string;
}

/** Splits decoded text into lines; CRLF and lone CR count as one break, as editors do. */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let n = 1;
  let breakBefore = '';
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ line: n++, offset: start, text: text.slice(start, m.index), breakBefore });
    start = m.index + m[0].length;
    breakBefore = m[0];
  }
  if (start < text.length) lines.push({ line: n, offset: start, text: text.slice(start), breakBefore });
  return lines;
}

/** The point at `column` (0-based index into the line's text) of a line. */
export function pointAt(line: SourceLine, index: number): TextPoint {
  return { line: line.line, column: index + 1, offset: line.offset + index };
}

/** A span from a character of one line to a character of another (end exclusive). */
export function span(from: SourceLine, fromIndex: number, to: SourceLine, toIndex: number): TextProvenance {
  return { kind: 'text', start: pointAt(from, fromIndex), end: pointAt(to, toIndex) };
}
