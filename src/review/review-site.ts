import { reviewAssets } from './assets.js';
import { renderPage } from './page-html.js';
import type { ReviewData } from './review-data.js';

/** One file of the review site. */
export interface SiteFile {
  contentType: string;
  body: string;
}

const HTML = 'text/html; charset=utf-8';

/**
 * The site's file at a path (`index.html`, `runs.html`, `search.html`, `doc-<id>.html`,
 * `assets/<name>`); undefined when there is none. `query` is the request's query string when
 * served; a site written to disk has none, and its search page says that searching needs the server.
 */
export function siteFile(data: ReviewData, urlPath: string, query?: URLSearchParams): SiteFile | undefined {
  const p = urlPath.replace(/^\/+/, '') || 'index.html';
  if (p === 'index.html') return { contentType: HTML, body: renderPage(data.indexPage()) };
  if (p === 'runs.html') return { contentType: HTML, body: renderPage(data.runsPage()) };
  if (p === 'search.html') return { contentType: HTML, body: renderPage(data.searchPage(query?.get('q') ?? '', query !== undefined)) };
  const doc = /^doc-(\d+)\.html$/.exec(p);
  if (doc) {
    const page = data.documentPage(Number(doc[1]));
    return page && { contentType: HTML, body: renderPage(page) };
  }
  const asset = /^assets\/([\w.-]+)$/.exec(p);
  return asset ? reviewAssets().get(asset[1]!) : undefined;
}

/** Every path of the site, for writing it out as static files. */
export function sitePaths(data: ReviewData): string[] {
  return ['index.html', 'runs.html', 'search.html', ...data.documents().map((d) => `doc-${d.id}.html`), ...[...reviewAssets().keys()].map((a) => `assets/${a}`)];
}
