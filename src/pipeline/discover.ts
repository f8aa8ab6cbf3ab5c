import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_COMPANIONS, isGongkaiDatabase } from '../store/index.js';

/** Name of the file that lists, one glob per line, what a folder walk skips (like .gitignore). */
export const IGNORE_FILE = '.gongkaiignore';

export interface DiscoverOptions {
  /** The run's own database: it and its companions (-wal, -shm, -journal, .lock) are never documents, even before it exists. */
  database?: string;
}

/**
 * Yields the files under the given paths in a stable (sorted) order, one at a time so that a
 * corpus of any size is never listed in memory at once. Hidden files and folders are skipped
 * unless named directly; symlinks are followed once (a link cycle is not walked twice), and only
 * to a place inside the paths given: a link pointing out of them is yielded itself, unfollowed,
 * so that the run records it as skipped (DiscoveryRoots). gongkai's own files are skipped always:
 * the run's database and any other gongkai database found on the way, each with its companions —
 * `gongkai run .` must not read its output as input.
 */
export function* discoverFiles(paths: string[], options: DiscoverOptions = {}): Generator<string> {
  const seen = new Set<string>();
  const own = new OwnFiles(options.database);
  const roots = new DiscoveryRoots(paths);
  for (const p of paths) {
    for (const file of walk(p, [], seen, roots)) if (!own.has(file)) yield file;
  }
}

/**
 * The folders and files named on the command line, by their real paths. A symlink in a corpus is
 * followed only when it resolves inside one of them: a link to a private file or to `/` must not
 * bring what the user did not give into the database (and from there into `review --out`). A path
 * named directly is a root itself, so it is read wherever it points.
 */
export class DiscoveryRoots {
  private readonly reals: string[];

  constructor(paths: string[]) {
    this.reals = paths.map((p) => {
      const real = safeRealpath(p);
      return real.endsWith(path.sep) ? real : real + path.sep;
    });
  }

  /** Whether `p` (any path; its links are resolved) lies inside the roots. */
  contains(p: string): boolean {
    const real = safeRealpath(p) + path.sep;
    return this.reals.some((root) => real.startsWith(root));
  }
}

/** The reason a file or folder reached through a link out of the roots is recorded with. */
export function outsideRootsReason(isFolder: boolean): string {
  return `symbolic link to a ${isFolder ? 'folder' : 'file'} outside the folders given: skipped unread`;
}

/**
 * How many files `discoverFiles` will yield, walked in slices between other work so that a run
 * can show a bar and an ETA once the count is known, without ever holding the list.
 */
export async function countFiles(paths: string[], signal?: AbortSignal, options: DiscoverOptions = {}): Promise<number> {
  let n = 0;
  const files = discoverFiles(paths, options);
  for (;;) {
    for (let i = 0; i < 256; i++) {
      if (files.next().done) return n;
      n++;
    }
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) return n;
  }
}

function* walk(p: string, ignores: RegExp[], seen: Set<string>, roots: DiscoveryRoots, named = true): Generator<string> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    // a dangling link or an entry we may not stat: the reader records why it cannot be read
    if (named || isLink(p)) yield p;
    return;
  }
  // a link out of the roots: yielded unfollowed (a folder's files are not listed), each link on
  // its own even when two point to the same place, so that every one is recorded
  if (!roots.contains(p)) {
    yield p;
    return;
  }
  const real = safeRealpath(p);
  if (seen.has(real)) return;
  seen.add(real);
  // a FIFO, socket or device is yielded too: the run records it as skipped with its kind, never
  // opens it (reading a FIFO blocks until someone writes)
  if (!stat.isDirectory()) {
    yield p;
    return;
  }
  const here = [...ignores, ...readIgnoreFile(p)];
  let names: string[];
  try {
    names = fs.readdirSync(p).sort();
  } catch {
    // a folder it may not read is yielded, so that the run records why its files are missing
    // (it used to vanish: "0 files", exit 0)
    yield p;
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    if (here.some((re) => re.test(name))) continue;
    yield* walk(path.join(p, name), here, seen, roots, false);
  }
}

function safeRealpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function readIgnoreFile(dir: string): RegExp[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, IGNORE_FILE), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map(globToRegExp);
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Tells gongkai's own files (databases and their companions) from documents. Only the databases
 * found are remembered, so a walk of any size holds a handful of paths; a file is looked at as a
 * database by its first 16 bytes, and opened only when they are SQLite's.
 */
class OwnFiles {
  private readonly databases = new Set<string>();

  constructor(database?: string) {
    if (database) this.databases.add(path.resolve(database));
  }

  has(file: string): boolean {
    const full = path.resolve(file);
    if (this.isDatabase(full)) return true;
    const suffix = DATABASE_COMPANIONS.find((s) => full.endsWith(s));
    return suffix !== undefined && this.isDatabase(full.slice(0, -suffix.length));
  }

  private isDatabase(full: string): boolean {
    if (this.databases.has(full)) return true;
    if (!isGongkaiDatabase(full)) return false;
    this.databases.add(full);
    return true;
  }
}
