import type { DocumentPage, IndexPage, RunsPage, SearchPage } from './review-data.js';

/** Any page's data; the client script builds the whole page from it with text nodes only. */
export type PagePayload = IndexPage | DocumentPage | RunsPage | SearchPage;

/** Text for an HTML text node or a quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * JSON that is safe inside a <script type="application/json"> element: every `<` is written as
 * \u003c, so a document printing `</script>` cannot end the element; U+2028/2029 likewise.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function titleOf(p: PagePayload): string {
  if (p.page === 'document') return `${p.doc.source} — gongkai review`;
  if (p.page === 'runs') return 'Runs — gongkai review';
  if (p.page === 'search') return p.query ? `${p.query} — search — gongkai review` : 'Search — gongkai review';
  return 'Documents — gongkai review';
}

/**
 * One review page: a static shell, the page's data as JSON, and the client script. Asset links
 * are relative, so the same HTML works served over http and opened from disk (`--out`).
 */
export function renderPage(p: PagePayload): string {
  const pdf = p.page === 'document' && p.source.kind === 'pdf';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' file:; style-src 'self' file: 'unsafe-inline'; img-src 'self' data: blob: file:; font-src data: blob:; worker-src blob:; connect-src 'none'">
<title>${escapeHtml(titleOf(p))}</title>
<link rel="stylesheet" href="assets/review.css">
</head>
<body class="page-${p.page}">
<header class="top"><a href="index.html">Documents</a> <a href="runs.html">Runs</a> <a href="search.html">Search</a> <span id="keys"></span></header>
<main id="app"></main>
<script type="application/json" id="gongkai-data">${embedJson(p)}</script>
${pdf ? '<script src="assets/pdf.worker.js"></script>\n<script src="assets/pdf.js"></script>\n<script src="assets/pdf-cmaps.js"></script>\n' : ''}<script src="assets/review-app.js"></script>
</body>
</html>
`;
}
