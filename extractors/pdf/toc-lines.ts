import type { RawTextBlock } from '../../src/model/index.js';
import type { Box, PageTable } from './ruled-tables.js';
import type { TextLine } from './text-lines.js';

/**
 * A table-of-contents entry: a title, a leader of dots or ellipses, then its page number or
 * nothing (the Putuo 2025 budgets print the leaders without numbers). Two ellipses alone end
 * Chinese prose (`……`), so a leader without a number needs three, or five dots.
 */
const TOC_LINE = /\S.*?(?:(?:…|⋯|\.|．|·){2,}\s*\d{1,4}|(?:…|⋯){3,}|(?:\.|．|·){5,})\s*$/u;
/** A table of contents printed as a table has at least this many entries … */
const MIN_ENTRIES = 3;
/** … and they are most of its filled rows (the rest: its 目录 title, a part heading). */
const ENTRY_SHARE = 0.6;

/** Whether a printed line is a table-of-contents entry. */
export function isTocLine(text: string): boolean {
  return TOC_LINE.test(text);
}

/**
 * A "table" that is a table of contents: Word lays a TOC out in a table with invisible borders
 * (corpus/real/putuo-2025-dept-budget-office.pdf p.2 draws a box around every entry), and the
 * text alignment of leaders and page numbers can look like columns. Read row by row.
 */
export function isTocTable(t: PageTable): boolean {
  const rows = new Map<number, string[]>();
  for (const c of [...t.cells].sort((a, b) => a.col - b.col)) if (c.text.trim() !== '') (rows.get(c.row) ?? rows.set(c.row, []).get(c.row)!).push(c.text);
  const texts = [...rows.values()].map((cells) => cells.join(' '));
  const entries = texts.filter(isTocLine).length;
  return entries >= MIN_ENTRIES && entries >= texts.length * ENTRY_SHARE;
}

/** A table-of-contents line as its own `toc` block (never joined with the lines around it). */
export function tocBlock(line: TextLine, prov: (box: Box) => RawTextBlock['prov'][number]): RawTextBlock {
  return { type: 'toc', raw: line.text, prov: [prov([line.x0, line.y0, line.x1, line.y1])] };
}
