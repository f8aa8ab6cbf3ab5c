import type { InputFormat } from '../model/index.js';

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

/**
 * Tells the text layouts apart by content, never by file name: Word's text export puts one
 * cell per line after a single tab; PDF-to-text converters put a whole row on a line with tabs
 * between cells, and often leave markdown or HTML behind.
 */
export function sniffTextFormat(text: string): InputFormat | null {
  let oneCell = 0;
  let manyCells = 0;
  let markup = 0;
  for (const line of text.split(/\r\n|\r|\n/).slice(0, 5000)) {
    if (line.startsWith('\t')) {
      if (line.indexOf('\t', 1) >= 0) manyCells++;
      else oneCell++;
    } else if (line.includes('\t')) manyCells++;
    if (/^(?:#{1,6} |\*\*|- )|<\/?p>|\$\\[a-z]+/u.test(line)) markup++;
  }
  if (oneCell === 0 && manyCells === 0) return null;
  return manyCells > oneCell || (markup > 0 && manyCells > 0) ? 'pdf-text' : 'word-text';
}
