import { createRequire } from 'node:module';
import type * as OfficeCryptoTypes from 'officecrypto-tool';

let officeCrypto: typeof OfficeCryptoTypes | null = null;
/** officecrypto-tool, loaded only when a password is given for an encrypted file (CommonJS, required). */
function crypto(): typeof OfficeCryptoTypes {
  return (officeCrypto ??= createRequire(import.meta.url)('officecrypto-tool') as typeof OfficeCryptoTypes);
}

/** Why an encrypted Office file could not be opened with the password given; the message is the per-document error's reason. */
export class OfficeDecryptError extends Error {
  constructor(
    message: string,
    /** The password was checked against the file's verifier and is not its password. */
    readonly wrongPassword: boolean,
  ) {
    super(message);
  }
}

/**
 * An OLE compound file that is encrypted: an OOXML package inside (EncryptionInfo), or an .xls
 * whose workbook stream opens with FilePass (RC4, RC4 CryptoAPI or XOR obfuscation).
 */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  try {
    return crypto().isEncrypted(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return false; // a damaged compound file: the reader names what is wrong with it
  }
}

/**
 * The plain file inside an encrypted one: a password-protected .xlsx/.docx (ECMA-376 agile or
 * standard encryption, the package in an OLE container) becomes its zip package; an encrypted
 * .xls the same workbook without encryption. The plain file is no larger than the encrypted one.
 */
export async function decryptOffice(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  if (password === '') throw new OfficeDecryptError('the password given is empty', true);
  try {
    return await crypto().decrypt(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { password });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/password is incorrect/i.test(message)) throw new OfficeDecryptError('the password given does not open it', true);
    throw new OfficeDecryptError(`it cannot be decrypted: ${message.split('\n')[0]}`, false);
  }
}
