import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocxError } from './read-package.js';

/** What an OLE compound file (the pre-2007 Office container) holds, by its stream names. */
export type OleKind = 'encrypted-ooxml' | 'doc' | 'xls' | 'ppt' | 'other';

/**
 * Directory entries of a compound file store their names in UTF-16LE (MS-CFB §2.6.1), so the
 * names can be found without walking the sector chains. A password-protected .docx/.xlsx is such
 * a file with EncryptionInfo and EncryptedPackage streams (MS-OFFCRYPTO §2.3.4).
 */
export function classifyOle(bytes: Uint8Array): OleKind {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const has = (name: string) => buf.includes(Buffer.from(name, 'utf16le'));
  if (has('EncryptedPackage') && has('EncryptionInfo')) return 'encrypted-ooxml';
  if (has('WordDocument')) return 'doc';
  if (has('Workbook') || has('Book')) return 'xls';
  if (has('PowerPoint Document')) return 'ppt';
  return 'other';
}

/** How long one LibreOffice conversion may take before the document is failed. */
export const SOFFICE_TIMEOUT_MS = 120_000;

/** The soffice executable on the PATH of `env`, or null. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const name of process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice']) {
      const file = path.join(dir, name);
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/**
 * A legacy Word .doc converted to .docx by LibreOffice, in a temporary folder with its own
 * LibreOffice profile (parallel workers must not share one). Throws DocxError when soffice is
 * not installed or the conversion fails.
 */
export function convertDocToDocx(bytes: Uint8Array, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const soffice = findSoffice(env);
  if (!soffice) {
    throw new DocxError('legacy Word .doc file: converting it needs LibreOffice — install it (e.g. apt-get install libreoffice-writer-nogui) so that `soffice` is on the PATH, or save the file as .docx');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-doc-'));
  try {
    const input = path.join(dir, 'input.doc');
    fs.writeFileSync(input, bytes);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    try {
      execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, input], {
        env,
        timeout: SOFFICE_TIMEOUT_MS,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch (e) {
      throw new DocxError(`legacy Word .doc file: LibreOffice could not convert it (${(e as Error).message.split('\n')[0]})`);
    }
    const output = path.join(dir, 'input.docx');
    if (!fs.existsSync(output)) throw new DocxError('legacy Word .doc file: LibreOffice produced no .docx (a damaged or password-protected .doc?)');
    return fs.readFileSync(output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
