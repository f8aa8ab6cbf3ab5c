import type { RawDocument } from '../../src/model/index.js';
import { readBody } from './read-body.js';
import { DocxError, readDocxPackage } from './read-package.js';
import { readStyles } from './read-styles.js';
import { child } from './xml.js';

export const DOCX_EXTRACTOR = { name: 'docx', version: '1.0.0' } as const;

/**
 * A .docx file → RawDocument: headings, paragraphs and tables in body order; tables in `grid`
 * layout, every cell with its grid column and true rowspan/colspan, header rows marked from
 * w:tblHeader; provenance is the OOXML location (body block, table, row, cell, paragraph).
 * Throws DocxError (a per-document failure) for packages that are not readable Word documents.
 */
export function extractDocx(bytes: Uint8Array, format: 'docx' | 'doc' = 'docx'): RawDocument {
  const { document, styles } = readDocxPackage(bytes);
  const body = child(document, 'w:body');
  if (document.name !== 'w:document' || !body) throw new DocxError(`not a Word document: the main part is <${document.name}>, without a w:body`);
  const { blocks, diagnostics } = readBody(body, readStyles(styles));
  return { schemaVersion: 1, format, extractor: { ...DOCX_EXTRACTOR }, encoding: null, blocks, diagnostics };
}

export { DocxError };
