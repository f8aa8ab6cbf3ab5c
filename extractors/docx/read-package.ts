import { readZipDirectory, readZipEntry, ZipError, type ZipEntry } from '../zip/read-zip.js';
import { elements, parseXml, XmlDepthError, XmlError, type XmlElement } from './xml.js';

/** The largest XML part gongkai inflates (document.xml of a 300-page table-heavy disclosure is ~20 MB). */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

/** Why a file that looks like a package cannot be read as a Word document; the message is the per-document error. */
export class DocxError extends Error {}

/** What a zip archive is, from its directory alone (cheap: nothing is inflated). */
export type PackageKind =
  | { kind: 'docx'; main: string }
  | { kind: 'docx-without-main' }
  | { kind: 'other'; what: string };

const OFFICE_DOCUMENT = /\/officeDocument$/;

/**
 * Tells a Word package from other zips by its parts: a main document part (word/document.xml,
 * or wherever _rels/.rels points) makes it a docx; a package with word/ parts but no main part
 * is a broken docx; spreadsheets, presentations, OpenDocument and plain archives are named.
 * `entries`: the archive's directory, when the caller has read it already.
 */
export function classifyPackage(bytes: Uint8Array, entries: Map<string, ZipEntry> = readZipDirectory(bytes)): PackageKind {
  const main = mainPartName(bytes, entries);
  if (main && entries.has(main)) return { kind: 'docx', main };
  const names = [...entries.keys()];
  if (names.some((n) => n.startsWith('word/'))) return { kind: 'docx-without-main' };
  if (names.some((n) => n.startsWith('xl/'))) return { kind: 'other', what: 'an Excel workbook (.xlsx)' };
  if (names.some((n) => n.startsWith('ppt/'))) return { kind: 'other', what: 'a PowerPoint presentation (.pptx)' };
  if (entries.has('mimetype') || entries.has('content.xml')) return { kind: 'other', what: 'an OpenDocument file (.odt/.ods)' };
  if (entries.has('[Content_Types].xml')) return { kind: 'other', what: 'an Office package without a Word document part' };
  return { kind: 'other', what: `a zip archive that is not a Word document (${names.length} entries${names.length ? `, e.g. ${names.slice(0, 3).join(', ')}` : ''})` };
}

/** The main part named by the package relationships, else the usual word/document.xml. */
function mainPartName(bytes: Uint8Array, entries: Map<string, ZipEntry>): string | null {
  const rels = entries.get('_rels/.rels');
  if (rels) {
    try {
      const root = parseXml(readZipEntry(bytes, rels, MAX_PART_BYTES).toString('utf8'));
      for (const r of elements(root)) {
        if (r.name.endsWith('Relationship') && OFFICE_DOCUMENT.test(r.attrs['Type'] ?? '')) {
          return (r.attrs['Target'] ?? '').replace(/^\//, '');
        }
      }
    } catch {
      // a broken relationships part: fall back to the usual name
    }
  }
  return entries.has('word/document.xml') ? 'word/document.xml' : null;
}

/** The parts the docx reader needs, parsed. Throws DocxError with a reason a person can act on. */
export function readDocxPackage(bytes: Uint8Array): { document: XmlElement; styles: XmlElement | null } {
  try {
    const kind = classifyPackage(bytes);
    if (kind.kind === 'docx-without-main') throw new DocxError('broken .docx: the package has word/ parts but no main document part (word/document.xml)');
    if (kind.kind === 'other') throw new DocxError(`not a Word document: ${kind.what}`);
    const entries = readZipDirectory(bytes);
    const document = parsePart(bytes, entries.get(kind.main)!);
    const dir = kind.main.includes('/') ? kind.main.slice(0, kind.main.lastIndexOf('/') + 1) : '';
    const stylesEntry = entries.get(`${dir}styles.xml`);
    let styles: XmlElement | null = null;
    if (stylesEntry) {
      try {
        styles = parsePart(bytes, stylesEntry);
      } catch {
        styles = null; // styles only refine heading detection; the document reads without them
      }
    }
    return { document, styles };
  } catch (e) {
    if (e instanceof DocxError) throw e;
    if (e instanceof ZipError) throw new DocxError(`unreadable .docx: ${e.message}`);
    throw e;
  }
}

function parsePart(bytes: Uint8Array, entry: ZipEntry): XmlElement {
  const buf = readZipEntry(bytes, entry, MAX_PART_BYTES);
  try {
    return parseXml(decodeXml(buf));
  } catch (e) {
    if (e instanceof XmlDepthError) throw new DocxError(`unreadable .docx: ${entry.name} has ${e.message}`);
    if (e instanceof XmlError) throw new DocxError(`unreadable .docx: ${entry.name} is not well-formed XML (${e.message})`);
    throw e;
  }
}

/** OOXML parts are UTF-8 or UTF-16 (§ Part 2, 8.1.4), with or without a BOM. */
function decodeXml(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.toString('utf16le', 2);
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  return buf.toString('utf8');
}
