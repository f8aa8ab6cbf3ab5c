import path from 'node:path';
import { openDatabase, serveReview, writeReviewSite } from '../../index.js';
import { UsageError } from '../usage-error.js';

export const REVIEW_USAGE = 'gongkai review [--db DB] [--port 4173] [--host 127.0.0.1] [--root DIR] | --out DIR';

/**
 * `gongkai review`: serves the review pages on loopback until Ctrl-C, or with `--out` writes
 * them as static files. Relative source paths are read from `--root` (default: the current folder,
 * where `gongkai run` was started).
 */
export async function reviewCommand(opts: { db: string; port: string; host: string; out: string | undefined; root: string | undefined }): Promise<number> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number, not "${opts.port}"`);
  const store = openDatabase(opts.db);
  const where = { name: opts.db, ...(opts.root !== undefined ? { root: opts.root } : {}) };
  if (opts.out) {
    try {
      const n = await writeReviewSite(store, opts.out, where);
      console.log(`review: ${n} files → ${path.join(opts.out, 'index.html')}`);
      return 0;
    } finally {
      store.close();
    }
  }
  const server = await serveReview(store, { ...where, host: opts.host, port }).catch((e: NodeJS.ErrnoException) => {
    store.close();
    throw e.code === 'EADDRINUSE' ? new UsageError(`port ${port} is in use (try --port 0 for any free port)`) : e;
  });
  console.log(`review: ${server.url}  (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  store.close();
  return 0;
}
