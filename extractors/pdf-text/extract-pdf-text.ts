import type { RawBlock, RawDocument, RawRow, RawTableBlock } from '../../src/model/index.js';
import { splitLines, span, type SourceLine } from '../text/lines.js';

export const PDF_TEXT_EXTRACTOR = { name: 'pdf-text', version: '1.1.0' } as const;

/**
 * What PDF-to-text/markdown converters make of a disclosure PDF: one table row per line with
 * tabs between cells (empty cells keep their place), prose as paragraphs between blank lines,
 * a table of contents with dotted leaders. A blank line ends a table block: the converters put
 * one at every page break, so a table that runs over pages arrives as several blocks, each
 * after its repeated page header, and normalisation stitches them.
 */
export function extractPdfText(text: string, encoding: string | null = 'utf-8'): RawDocument {
  const lines = splitLines(text);
  const blocks: RawBlock[] = [];
  let table: RawTableBlock | null = null;
  const closeTable = () => {
    if (table) {
      const first = table.rows[0]!.prov[0]!;
      const last = table.rows[table.rows.length - 1]!.prov[0]!;
      if (first.kind === 'text' && last.kind === 'text') table.prov = [{ kind: 'text', start: first.start, end: last.end }];
      blocks.push(table);
    }
    table = null;
  };
  for (const line of lines) {
    if (line.text.trim() === '') {
      closeTable();
      continue;
    }
    if (isTocLine(line.text)) {
      closeTable();
      blocks.push({ type: 'toc', raw: line.text, prov: [span(line, 0, line, line.text.length)] });
      continue;
    }
    if (line.text.includes('\t')) {
      table ??= { type: 'table', layout: 'positional', rows: [], prov: [] };
      table.rows.push(readRow(line));
      continue;
    }
    closeTable();
    blocks.push({ type: /^\s*(?:-\s+)?#{1,6}\s/.test(line.text) ? 'heading' : 'paragraph', raw: line.text, prov: [span(line, 0, line, line.text.length)] });
  }
  closeTable();
  return { schemaVersion: 1, format: 'pdf-text', extractor: { ...PDF_TEXT_EXTRACTOR }, encoding, blocks, diagnostics: [] };
}

/**
 * A TOC entry: a title, a dotted (or …) leader, then the page number, with or without a tab. Read
 * from the line's end, so that a line of a million dots or digits costs one pass (the pattern it
 * replaces, `(?:\.{3,}|…{2,}|·{3,})\s*\t?\s*\d+\s*$`, tried every dot as a start: a fuzzed line
 * of 1M dots ran past its 121 s limit).
 */
export function isTocLine(text: string): boolean {
  const t = text.trimEnd();
  let digits = t.length;
  while (digits > 0 && t.charCodeAt(digits - 1) >= 48 && t.charCodeAt(digits - 1) <= 57) digits--;
  if (digits === t.length) return false;
  const leaders = t.slice(0, digits).trimEnd();
  return leaders.endsWith('...') || leaders.endsWith('……') || leaders.endsWith('···');
}

function readRow(line: SourceLine): RawRow {
  const cells: RawRow['cells'] = [];
  let from = 0;
  for (;;) {
    const tab = line.text.indexOf('\t', from);
    const to = tab < 0 ? line.text.length : tab;
    cells.push({ raw: line.text.slice(from, to), prov: [span(line, from, line, to)] });
    if (tab < 0) break;
    from = tab + 1;
  }
  return { cells, prov: [span(line, 0, line, line.text.length)] };
}
