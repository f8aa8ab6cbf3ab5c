import { classifyOle } from './docx/legacy-doc.js';
import { classifyPackage } from './docx/read-package.js';
import { readZipDirectory, ZipError } from './zip/read-zip.js';
import type { InputFormat } from '../src/model/index.js';

/** What the first bytes of a file say it is, before any decoding. */
export type ByteKind = 'empty' | 'pdf' | 'zip' | 'ole' | 'text-or-binary';

export function sniffBytes(bytes: Uint8Array): ByteKind {
  if (bytes.length === 0) return 'empty';
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('PK\x03\x04')) return 'zip';
  if (head.startsWith('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')) return 'ole';
  return 'text-or-binary';
}

/** What a password-protected .xlsx/.docx is called in errors: its package is encrypted, so which of the two it is cannot be told. */
export const ENCRYPTED_OOXML = 'encrypted Office document (a password-protected .xlsx or .docx)';

/** The format inside a zip or OLE container, or why there is none gongkai can read. */
export type ContainerFormat = { format: 'docx' | 'doc' | 'xlsx' | 'xls' } | { format: null; error: string };

/**
 * Zip: a Word package when it has a main document part (word/document.xml); one with word/
 * parts but no main part is still called a docx, so that extraction names what is missing; an
 * Excel package when it has xl/workbook.xml.
 * OLE: a legacy .doc, a BIFF .xls (a Workbook or Book stream), or a password-protected OOXML
 * file (the encrypted package inside an OLE container). Only directories are read, nothing is
 * inflated.
 */
export function sniffContainer(bytes: Uint8Array, kind: 'zip' | 'ole'): ContainerFormat {
  if (kind === 'ole') {
    const ole = classifyOle(bytes);
    if (ole === 'doc') return { format: 'doc' };
    if (ole === 'encrypted-ooxml') return { format: null, error: `${ENCRYPTED_OOXML} — it opens only with its password: give it with --password, or save an unprotected copy` };
    if (ole === 'xls') return { format: 'xls' };
    if (ole === 'ppt') return { format: null, error: 'legacy PowerPoint file — not a disclosure format gongkai reads' };
    return { format: null, error: 'OLE compound file that is neither a Word .doc nor an encrypted Office document' };
  }
  try {
    const entries = readZipDirectory(bytes);
    if (entries.has('xl/workbook.xml')) return { format: 'xlsx' };
    const pkg = classifyPackage(bytes, entries);
    if (pkg.kind === 'other') return { format: null, error: `not a Word document: ${pkg.what}` };
    return { format: 'docx' };
  } catch (e) {
    if (e instanceof ZipError) return { format: null, error: `unreadable zip archive: ${e.message}` };
    throw e;
  }
}

const NUMBER_CELL = /^\s*[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?\s*$/;
const SAMPLE_LINES = 20000;

/**
 * Tells the text layouts apart by content, never by file name. Word's text export prints one
 * cell per line after a single tab, rows separated by blank lines; PDF-to-text converters print
 * a whole row per line with tabs between cells. Either counts only with evidence of a real
 * table — rows of two or more cells, one of them a plain number — so prose indented with tabs,
 * or a few tab-separated sentences, is not taken for a table.
 */
export function sniffTextFormat(text: string): InputFormat | null {
  const lines = text.split(/\r\n|\r|\n/, SAMPLE_LINES);
  const wordScore = wordTextEvidence(lines);
  const pdfScore = pdfTextEvidence(lines);
  if (wordScore === 0 && pdfScore === 0) return null;
  return pdfScore > wordScore ? 'pdf-text' : 'word-text';
}

/** Rows (blank-line separated groups of single-cell tab lines) of two or more cells, if any holds a number. */
function wordTextEvidence(lines: string[]): number {
  let rows = 0;
  let cells = 0;
  let numbers = 0;
  const endRow = () => {
    if (cells >= 2) rows++;
    cells = 0;
  };
  for (const line of lines) {
    if (line.startsWith('\t') && line.indexOf('\t', 1) < 0) {
      cells++;
      if (NUMBER_CELL.test(line)) numbers++;
    } else if (line.trim() === '') endRow();
  }
  endRow();
  return numbers > 0 && rows >= 2 ? rows : 0;
}

/** Runs of consecutive lines with the same number (two or more) of tab-separated cells, if any holds a number. */
function pdfTextEvidence(lines: string[]): number {
  let rows = 0;
  let run = 0;
  let runCells = 0;
  let runHasNumber = false;
  const endRun = () => {
    if (run >= 2 && runHasNumber) rows += run;
    run = 0;
    runHasNumber = false;
  };
  for (const line of lines) {
    if (isTocEntry(line)) continue; // a TOC entry, not a row
    // a lone leading tab is the Word export's one-cell line, not a row of two cells
    const wordCell = line.startsWith('\t') && line.indexOf('\t', 1) < 0;
    const n = line.includes('\t') && !wordCell ? line.split('\t').length : 0;
    if (n < 2) {
      endRun();
      continue;
    }
    if (n !== runCells) endRun();
    runCells = n;
    run++;
    if (line.split('\t').some((c) => NUMBER_CELL.test(c))) runHasNumber = true;
  }
  endRun();
  return rows;
}

/**
 * A table-of-contents line: dot leaders (`...`, `……`), a tab, a page number. Read from the line's
 * end, so that a line of 200,000 dots costs one pass (the pattern it replaces, unanchored, tried
 * every dot as a start: 14 s for 80k dots).
 */
function isTocEntry(line: string): boolean {
  const t = line.trimEnd();
  const tab = t.lastIndexOf('\t');
  if (tab < 0 || !/^\s*\d+$/.test(t.slice(tab + 1))) return false;
  const leaders = t.slice(0, tab).trimEnd();
  return leaders.endsWith('...') || leaders.endsWith('……');
}
