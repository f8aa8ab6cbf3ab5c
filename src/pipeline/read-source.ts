import fs from 'node:fs/promises';
import path from 'node:path';
import { outsideRootsReason, type DiscoveryRoots } from './discover.js';
import { sniffBytes } from '../../extractors/sniff.js';

/**
 * Files larger than this are refused with a clear reason instead of being read into memory: the
 * bytes are held by the main thread, the worker and pdfjs at once, beside the worker's heap
 * (WORKER_HEAP_MB).
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/**
 * Text exports of disclosures are a few hundred KB; a text file beyond this is refused unread. A
 * text's tables take about 100 times its size in memory: 16 MB (40 seeds in one file) fit the
 * worker's heap, a 60 MB text reached 4.4 GB.
 */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

/**
 * What reading one discovered path gave: its bytes, or why it has none. `unreadable` is what the
 * file system said (a dangling link, a permission, a vanished file); `refused` is what gongkai
 * decided without reading it (a link out of the paths given, a FIFO, a folder, a file too large).
 */
export type SourceRead =
  | { kind: 'read'; source: string; bytes: Buffer }
  | { kind: 'failed'; source: string; bytes: number; error: string; cause: 'unreadable' | 'refused' };

/**
 * Reads one path the walk yielded (src/pipeline/discover.ts), as every run does — local or
 * through the queue, so that both record the same documents with the same reasons. `roots` are
 * the paths given; without them (a worker, which reads the path a run already checked) no link is
 * refused for pointing out of them.
 */
export async function readSource(file: string, roots?: DiscoveryRoots): Promise<SourceRead> {
  const source = toSourcePath(file);
  const failed = (error: string, cause: 'unreadable' | 'refused', bytes = 0): SourceRead => ({ kind: 'failed', source, bytes, error, cause });
  try {
    const stat = await fs.stat(file);
    if (roots && !roots.contains(file)) return failed(outsideRootsReason(stat.isDirectory()), 'refused');
    if (stat.isDirectory()) return failed(`cannot read folder: ${await folderError(file)} — its files are not in this run`, 'unreadable');
    // opening a FIFO blocks until something writes to it; a device may never end
    if (!stat.isFile()) return failed(`not a regular file (${kindOf(stat)}): skipped unread`, 'refused');
    const size = stat.size;
    if (size > MAX_FILE_BYTES) return failed(`file too large (${size} bytes; limit ${MAX_FILE_BYTES})`, 'refused', size);
    if (size > MAX_TEXT_BYTES && !isContainer(await readHead(file))) return failed(`file too large (${size} bytes) for a text export (limit ${MAX_TEXT_BYTES})`, 'refused', size);
    return { kind: 'read', source, bytes: await fs.readFile(file) };
  } catch (e) {
    return failed(`cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'unreadable');
  }
}

/** Sources are stored relative to the working directory with forward slashes, as users typed them. */
export function toSourcePath(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return (rel.startsWith('..') ? path.resolve(file) : rel).split(path.sep).join('/');
}

export async function readHead(file: string): Promise<Uint8Array> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** PDF and zip (docx) files may be large; they are read. */
export function isContainer(head: Uint8Array): boolean {
  const kind = sniffBytes(head);
  return kind === 'pdf' || kind === 'zip' || kind === 'ole';
}

/** Why a folder cannot be listed (the walk found it so). */
async function folderError(dir: string): Promise<string> {
  try {
    await fs.readdir(dir);
    return 'unreadable';
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
}

function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a file';
}
