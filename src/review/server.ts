import http from 'node:http';
import type { ReviewData } from './review-data.js';
import { siteFile } from './review-site.js';

/** A running review server. */
export interface ReviewServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the review site with node:http, on loopback unless told otherwise. Pages are built
 * per request from the store, so a page reloaded after a run shows the new extraction.
 */
export function startReviewServer(data: ReviewData, options: { host?: string; port?: number } = {}): Promise<ReviewServer> {
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let file: ReturnType<typeof siteFile>;
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      file = siteFile(data, decodeURIComponent(url.pathname), url.searchParams);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`gongkai review: ${(e as Error).message}\n`);
      return;
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4173, host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : options.port;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
