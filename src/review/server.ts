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
    // DNS rebinding: a page of another site whose name was made to resolve to 127.0.0.1 sends its
    // own name as Host; only the names this server was bound as are answered
    if (!allowedHost(req.headers.host, host)) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('misdirected request: this server answers only to its loopback name\n');
      return;
    }
    let url: URL;
    let pathname: string;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      // a malformed escape (`%E0%A4%A`) is the request's fault, not the server's
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request: malformed %-escape in the path\n');
      return;
    }
    let file: ReturnType<typeof siteFile>;
    try {
      file = siteFile(data, pathname, url.searchParams);
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

/**
 * Whether a request's Host header names this server: a loopback name or address (with any port),
 * or the host it was bound to. A missing Host (HTTP/1.0) is answered: no browser sends one.
 */
export function allowedHost(header: string | undefined, boundHost: string): boolean {
  if (header === undefined) return true;
  const name = header.toLowerCase().replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  const bound = boundHost.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) || name === '::1' || name === bound;
}
