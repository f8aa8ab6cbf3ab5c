import crypto from 'node:crypto';

/** Hex sha256 of a file's bytes: the identity of a document's content. */
export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
