import type { Diagnostic, RawBlock, RawCell, RawDocument, RawRow, RawTableBlock } from '../../src/model/index.js';
import { splitLines, span, type SourceLine } from '../text/lines.js';

export const WORD_TEXT_EXTRACTOR = { name: 'word-text', version: '1.1.0' } as const;

/**
 * Word's "save as text" layout: every table cell is a line starting with a tab, a blank line
 * ends a row, and a line without the tab right after a cell continues that cell (a cell with
 * several paragraphs). Two blank lines in a row leave the table: Word needs an empty paragraph
 * between two tables, which prints as the second blank line.
 */
export function extractWordText(text: string, encoding: string | null = 'utf-8'): RawDocument {
  const lines = splitLines(text);
  const blocks: RawBlock[] = [];
  const diagnostics: Diagnostic[] = [];
  let table: RawTableBlock | null = null;
  let row: RawRow | null = null;
  let blankRun = 0;

  const closeRow = () => {
    if (row && table) {
      row.prov = [rowSpan(row)];
      table.rows.push(row);
    }
    row = null;
  };
  const closeTable = () => {
    closeRow();
    if (table?.rows.length) {
      const first = table.rows[0]!.prov[0]!;
      const last = table.rows[table.rows.length - 1]!.prov[0]!;
      if (first.kind === 'text' && last.kind === 'text') table.prov = [{ kind: 'text', start: first.start, end: last.end }];
      blocks.push(table);
    }
    table = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isPageNumberArtifact(line.text)) continue;
    if (!line.text.startsWith('\t') && isBlank(line.text)) {
      closeRow();
      blankRun++;
      continue;
    }
    if (line.text.startsWith('\t')) {
      if (table && blankRun >= 2) closeTable();
      table ??= { type: 'table', layout: 'compact', rows: [], prov: [] };
      row ??= { cells: [], prov: [] };
      row.cells.push({ raw: line.text.slice(1), prov: [span(line, 1, line, line.text.length)] });
      blankRun = 0;
      continue;
    }
    const cell = row ? lastCell(row) : undefined;
    if (cell && blankRun === 0 && continuesCell(lines, i, cell)) {
      const run = continuationRun(lines, i);
      for (const next of run) appendLine(cell, next);
      i += run.length - 1;
      continue;
    }
    const closed = !row && table && blankRun === 1 ? lastCell(table.rows[table.rows.length - 1]!) : undefined;
    if (closed && continuesAfterEmptyParagraph(lines, i, closed)) {
      const run = continuationRun(lines, i);
      appendLine(closed, lines[i - 1]!);
      for (const next of run) appendLine(closed, next);
      i += run.length - 1;
      blankRun = 0;
      continue;
    }
    closeTable();
    blankRun = 0;
    blocks.push({
      type: isHeadingLine(line.text) ? 'heading' : 'paragraph',
      raw: line.text,
      prov: [span(line, 0, line, line.text.length)],
    });
  }
  closeTable();
  return {
    schemaVersion: 1,
    format: 'word-text',
    extractor: { ...WORD_TEXT_EXTRACTOR },
    encoding,
    blocks,
    diagnostics,
  };
}

/** Lines of only spaces (ASCII or ideographic) are empty paragraphs; a lone tab is an empty cell. */
function isBlank(text: string): boolean {
  return !text.startsWith('\t') && /^[\s\u3000]*$/u.test(text);
}

/** Word prints its PAGE field in headers/footers as the literal words "page number". */
function isPageNumberArtifact(text: string): boolean {
  return text.trim() === 'page number';
}

/** A TOC bookmark or a TC field marks the paragraph as a heading Word would list in a TOC. */
function isHeadingLine(text: string): boolean {
  return /^\s*\[bookmark: _Toc/.test(text) || /\sTC\s.*\\[fln]\s/.test(text);
}

function lastCell(row: RawRow): RawCell | undefined {
  return row.cells[row.cells.length - 1];
}

/** The non-tab, non-blank lines from `i` on. */
function continuationRun(lines: SourceLine[], i: number): SourceLine[] {
  const run: SourceLine[] = [];
  for (let k = i; k < lines.length; k++) {
    const t = lines[k]!.text;
    if (t.startsWith('\t') || isBlank(t)) break;
    run.push(lines[k]!);
  }
  return run;
}

/**
 * A line right after a cell continues it, except where the table has in fact ended without a
 * blank line: seed 000 L3149 prints the heading " 八、名词解释" straight after the last cell
 * "673.22", and the prose after it runs to the end of the file. A cell's paragraphs are always
 * followed by a blank line or another cell; a plain number does not wrap into more text.
 */
function continuesCell(lines: SourceLine[], i: number, cell: RawCell): boolean {
  const run = continuationRun(lines, i);
  const after = i + run.length;
  if (after >= lines.length) return false;
  if (/^[-+]?\d[\d,]*(\.\d+)?%?$/.test(cell.raw.trim())) return false;
  return true;
}

/**
 * A cell whose paragraphs are separated by an empty paragraph prints a blank line inside the
 * cell (seed 003 L1399-1401: "1.确保…", "", "2.严格会以开支标准。", then more rows of the same
 * table). Only a line after exactly one blank line, with the table going on after it, and not
 * a title of its own, is read that way.
 */
function continuesAfterEmptyParagraph(lines: SourceLine[], i: number, cell: RawCell): boolean {
  const run = continuationRun(lines, i);
  let k = i + run.length;
  while (k < lines.length && isBlank(lines[k]!.text)) k++;
  if (k >= lines.length || !lines[k]!.text.startsWith('\t')) return false;
  if (run.some((l) => /表\s*$/u.test(l.text))) return false;
  return !/^[-+]?\d[\d,]*(\.\d+)?%?$/.test(cell.raw.trim());
}

function appendLine(cell: RawCell, line: SourceLine): void {
  cell.raw += line.breakBefore + line.text;
  const first = cell.prov[0];
  if (first?.kind === 'text') cell.prov = [{ kind: 'text', start: first.start, end: span(line, 0, line, line.text.length).end }];
}

function rowSpan(row: RawRow) {
  const first = row.cells[0]!.prov[0]!;
  const last = row.cells[row.cells.length - 1]!.prov[0]!;
  if (first.kind !== 'text' || last.kind !== 'text') return first;
  // the row starts at its first cell's tab
  return {
    kind: 'text' as const,
    start: { line: first.start.line, column: 1, offset: first.start.offset - 1 },
    end: last.end,
  };
}
