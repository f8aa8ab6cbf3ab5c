// @ts-check
// The review page's browser script (a classic script, so that pages opened from disk run it).
// It builds every page from the JSON in #gongkai-data with DOM calls and text nodes only:
// no text from a document ever reaches innerHTML, so a cell printing <script> shows as text.
// Checked by `tsc --noEmit` (// @ts-check, the JSDoc types below): the page data's types are the
// server's own (review-data.ts), so a field renamed there fails the check here.
/**
 * @typedef {import('./page-html.js').PagePayload} PagePayload
 * @typedef {import('./review-data.js').IndexPage} IndexPage
 * @typedef {import('./review-data.js').RunsPage} RunsPage
 * @typedef {import('./review-data.js').SearchPage} SearchPage
 * @typedef {import('./review-data.js').DocumentPage} DocumentPage
 * @typedef {import('./review-data.js').IndexEntry} IndexEntry
 * @typedef {import('./review-data.js').ReviewTable} ReviewTable
 * @typedef {import('./review-data.js').ReviewCell} ReviewCell
 * @typedef {import('./review-data.js').ReviewCheck} ReviewCheck
 * @typedef {import('./source-view.js').SourceView} SourceView
 * @typedef {import('../model/index.js').Provenance} Provenance
 * @typedef {string | number | Node | null | undefined | false} Leaf
 * @typedef {Leaf | Leaf[] | Leaf[][]} Child  what h() takes as children: text, nodes, and lists of them
 */
(function () {
  // biome-ignore lint/suspicious/noRedundantUseStrict: a classic script (not a module): strict mode is not implied
  'use strict';

  /**
   * @param {string} id
   * @returns {HTMLElement}
   */
  function byId(id) {
    var el = document.getElementById(id);
    if (!el) throw new Error('the page has no #' + id);
    return el;
  }

  var data = /** @type {PagePayload} */ (JSON.parse(byId('gongkai-data').textContent || ''));
  var app = byId('app');

  /**
   * Creates an element; string children become text nodes, attributes are set one by one
   * (`on…` ones as event listeners).
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {Record<string, unknown> | null} [attrs]
   * @param {...Child} children
   * @returns {HTMLElementTagNameMap[K]}
   */
  function h(tag, attrs, ...children) {
    var el = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') el.className = String(v);
        else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), /** @type {EventListener} */ (v));
        else el.setAttribute(k, String(v));
      }
    }
    for (var i = 0; i < children.length; i++) append(el, children[i]);
    return el;
  }
  /**
   * @param {Node} el
   * @param {Child} child
   */
  function append(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(el, c); });
    else if (typeof child === 'string' || typeof child === 'number') el.appendChild(document.createTextNode(String(child)));
    else el.appendChild(child);
  }

  /**
   * @param {string} s
   * @param {string | null} error
   */
  function status(s, error) {
    return h('span', { class: 'status status-' + s, title: error || null }, s, error ? ' — ' + error : null);
  }
  /** @param {IndexEntry['org']} org */
  function orgText(org) {
    return [org.code, org.name].filter(Boolean).join(' ');
  }
  /** @param {string} text */
  function keysHelp(text) {
    byId('keys').textContent = text;
  }
  /**
   * A header row of plain column names.
   * @param {string[]} names
   */
  function headRow(names) {
    return h('thead', null, h('tr', null, names.map(function (t) { return h('th', null, t); })));
  }

  // ───────────────────────── index ─────────────────────────

  /** @param {IndexPage} page */
  function renderIndex(page) {
    keysHelp('/ search');
    var docs = page.documents;
    var q = h('input', { type: 'search', id: 'filter', placeholder: 'search source, org, year, reason…', 'aria-label': 'search' });
    var statusSel = h('select', { id: 'status-filter', 'aria-label': 'status' }, h('option', { value: '' }, 'any status'), ['ok', 'partial', 'failed'].map(function (s) { return h('option', { value: s }, s); }));
    var formats = Array.from(new Set(docs.map(function (d) { return d.format || '?'; }))).sort();
    var formatSel = h('select', { id: 'format-filter', 'aria-label': 'format' }, h('option', { value: '' }, 'any format'), formats.map(function (f) { return h('option', { value: f }, f); }));
    var failedOnly = h('input', { type: 'checkbox', id: 'failed-checks-only' });
    var count = h('span', { class: 'count' });
    var rows = docs.map(function (d) {
      var tr = h('tr', { 'data-id': d.id },
        h('td', null, h('a', { href: 'doc-' + d.id + '.html' }, d.source)),
        h('td', null, d.format || '?'),
        h('td', null, status(d.status, d.error)),
        h('td', null, orgText(d.org)),
        h('td', { class: 'num' }, d.year === null ? '' : String(d.year)),
        h('td', { class: 'num' }, String(d.tables)),
        h('td', { class: 'num' + (d.failedChecks ? ' bad' : '') }, d.failedChecks === null ? '—' : String(d.failedChecks)),
        h('td', { class: 'num' }, d.changedCells ? String(d.changedCells) : ''));
      return { tr: tr, doc: d, search: [d.source, d.format, d.status, d.error, orgText(d.org), d.year, d.docKind].join(' ').toLowerCase() };
    });
    function apply() {
      var text = q.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var d = row.doc;
        var ok = (!text || text.split(/\s+/).every(function (w) { return row.search.indexOf(w) >= 0; })) &&
          (!statusSel.value || d.status === statusSel.value) &&
          (!formatSel.value || (d.format || '?') === formatSel.value) &&
          (!failedOnly.checked || (d.failedChecks || 0) > 0);
        row.tr.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = shown + ' of ' + rows.length + ' documents';
    }
    [q, statusSel, formatSel, failedOnly].forEach(function (el) { el.addEventListener('input', apply); el.addEventListener('change', apply); });
    document.addEventListener('keydown', function (e) {
      if (e.key === '/' && document.activeElement !== q) { e.preventDefault(); q.focus(); }
    });
    app.appendChild(h('section', { class: 'index' },
      h('h1', null, 'Documents in ', page.db),
      h('div', { class: 'filters' }, q, statusSel, formatSel, h('label', null, failedOnly, ' with failed checks'), count),
      searchForm(''),
      page.hasChecks ? null : h('p', { class: 'note' }, 'This database has no checks table: failed-check counts are not available.'),
      h('table', { class: 'docs' },
        headRow(['source', 'format', 'status', 'org', 'year', 'tables', 'failed checks', 'changed cells']),
        h('tbody', null, rows.map(function (row) { return row.tr; })))));
    apply();
  }

  // ───────────────────────── runs ─────────────────────────

  /** @param {RunsPage} page */
  function renderRuns(page) {
    app.appendChild(h('section', { class: 'runs' },
      h('h1', null, 'Last runs'),
      h('table', { class: 'docs' },
        headRow(['run', 'started', 'finished', 'tool', 'counts']),
        h('tbody', null, page.runs.map(function (r) {
          return h('tr', null, h('td', null, String(r.id)), h('td', null, r.startedAt), h('td', null, r.finishedAt || '—'), h('td', null, r.toolVersion), h('td', null, countsText(r.counts)));
        }))),
      h('h1', null, 'Re-extracted documents'),
      page.changes.length === 0 ? h('p', { class: 'note' }, 'No document has been re-extracted yet.') : null,
      page.changes.map(function (c) {
        return h('section', { class: 'change', 'data-id': c.id },
          h('h2', null, h('a', { href: 'doc-' + c.id + '.html' }, c.source), ' — run ' + c.beforeRun + ' (' + c.beforeExtractor + ') → run ' + c.afterRun + ' (' + c.afterExtractor + ')'),
          c.fields.map(function (f) { return h('p', { class: 'field-change' }, f); }),
          c.cells.length === 0 ? h('p', { class: 'note' }, 'No cell changed.') : h('table', { class: 'changes' },
            headRow(['table', 'row', 'column', 'old', '', 'new']),
            h('tbody', null, c.cells.map(function (x) {
              var where = x.tableOrder === null ? null : 'doc-' + c.id + '.html#c=' + x.tableOrder + '.' + x.row + '.' + x.col;
              return h('tr', { class: 'cell-' + x.kind },
                h('td', null, where ? h('a', { href: where }, x.table) : x.table),
                h('td', null, x.bodyRow === null ? 'header ' + (x.row + 1) : String(x.bodyRow)),
                h('td', null, x.column),
                h('td', { class: 'old' }, x.before === null ? '∅' : x.before),
                h('td', null, '→'),
                h('td', { class: 'new' }, x.after === null ? '∅' : x.after));
            }))));
      })));
  }

  /** @param {Record<string, number> | null} counts */
  function countsText(counts) {
    return counts ? Object.keys(counts).map(function (k) { return k + ' ' + counts[k]; }).join(' · ') : 'unfinished';
  }

  // ───────────────────────── search ─────────────────────────

  /**
   * A form that asks the served review's full-text index (titles, row labels, prose).
   * @param {string} value
   */
  function searchForm(value) {
    return h('form', { class: 'text-search', action: 'search.html', method: 'get', role: 'search' },
      h('input', { type: 'search', name: 'q', id: 'text-search', value: value || null, placeholder: 'text in tables and prose, e.g. 机关运行经费', 'aria-label': 'search tables and prose' }),
      h('button', { type: 'submit' }, 'search'));
  }

  /** @param {SearchPage} page */
  function renderSearch(page) {
    keysHelp('/ search');
    var form = searchForm(page.query);
    var input = form.querySelector('input');
    document.addEventListener('keydown', function (e) {
      if (e.key === '/' && input && document.activeElement !== input) { e.preventDefault(); input.focus(); }
    });
    /** @type {Child} */
    var body;
    if (!page.served) {
      body = h('p', { class: 'note' }, 'Searching needs the database: run gongkai review (served) to search this site.');
    } else if (!page.query) {
      body = h('p', { class: 'note' }, 'Table titles, row labels and prose of every document; any Chinese substring, three characters or more through the index.');
    } else {
      body = [
        h('p', { class: 'count' }, page.hits.length + (page.more ? '+' : '') + ' hit(s) for “' + page.query + '”' + (page.more ? ' (the first ' + page.hits.length + ')' : '')),
        page.hits.length === 0 ? null : h('table', { class: 'docs search-hits' },
          headRow(['source', 'where', 'found in', 'text']),
          h('tbody', null, page.hits.map(function (x) {
            var where = x.line !== null ? 'L' + x.line : x.page !== null ? 'p.' + x.page : '';
            return h('tr', { class: 'hit hit-' + x.kind },
              h('td', null, h('a', { href: x.href }, x.source)),
              h('td', { class: 'num' }, where),
              h('td', null, x.kind === 'prose' ? 'prose' : x.kind + (x.tableTitle ? ' · ' + x.tableTitle : '')),
              h('td', null, x.text));
          }))),
      ];
    }
    app.appendChild(h('section', { class: 'search' }, h('h1', null, 'Search ', page.db), form, body));
  }

  // ───────────────────────── document ─────────────────────────

  /**
   * What the parts of a document page share: the page's data indexed for lookups, the elements
   * drawn for each cell and source piece, and what is selected and hovered.
   * @typedef {object} DocView
   * @property {DocumentPage} page
   * @property {Record<string, { cell: ReviewCell, table: ReviewTable }>} cellById
   * @property {Record<string, ReviewCheck[]>} failedByCell  cell id → the failed checks that name it
   * @property {Record<string, HTMLElement>} tdById  cell id → its th/td
   * @property {Record<string, HTMLElement[]>} segsByKey  key ("c:T.R.C" for cells, "r:check.ref" for check refs) → source elements
   * @property {HTMLElement[]} tableSections
   * @property {number} currentTable
   * @property {HTMLElement[]} selected
   * @property {HTMLElement[]} hovered
   * @property {string | null} pendingKey  a selection asked for before the PDF's pages were drawn
   * @property {HTMLElement} selectionInfo
   * @property {HTMLElement} hoverInfo
   */

  /** @param {DocumentPage} page */
  function renderDocument(page) {
    keysHelp('keys: n/p next/previous table · N/P next/previous document · click a cell to see its source');
    var view = documentView(page);
    app.appendChild(renderDocHead(page));
    var sourcePane = renderSourcePane(view);
    var tablePane = renderTablePane(view);
    app.appendChild(h('div', { class: 'split' }, sourcePane, tablePane));
    app.appendChild(h('footer', { class: 'status-bar' }, view.selectionInfo, view.hoverInfo));
    bindDocumentKeys(view);
    selectFromAddress(view);
  }

  /**
   * @param {DocumentPage} page
   * @returns {DocView}
   */
  function documentView(page) {
    /** @type {DocView['cellById']} */
    var cellById = {};
    /** @type {DocView['failedByCell']} */
    var failedByCell = {};
    page.tables.forEach(function (t) { t.cells.forEach(function (c) { cellById[c.id] = { cell: c, table: t }; }); });
    (page.checks || []).forEach(function (chk) {
      chk.refs.forEach(function (r) {
        if (r.tableOrder === null || r.row === null || r.col === null) return;
        var id = r.tableOrder + '.' + r.row + '.' + r.col;
        (failedByCell[id] = failedByCell[id] || []).push(chk);
      });
    });
    return {
      page: page,
      cellById: cellById,
      failedByCell: failedByCell,
      tdById: {},
      segsByKey: {},
      tableSections: [],
      currentTable: -1,
      selected: [],
      hovered: [],
      pendingKey: null,
      selectionInfo: h('div', { id: 'selection-info', class: 'info' }),
      hoverInfo: h('div', { id: 'hover-info', class: 'info' }),
    };
  }

  /**
   * @param {DocView} view
   * @param {string} id
   */
  function describeCell(view, id) {
    var x = view.cellById[id];
    if (!x) return id;
    var t = x.table, c = x.cell;
    var where = c.isHeader ? 'header row ' + (c.row + 1) : 'row ' + (c.row - t.headerRows + 1);
    var col = (t.columns[c.col] || []).join('/') || 'column ' + (c.col + 1);
    return '[' + (t.order + 1) + '] ' + (t.title || '(untitled)') + ' · ' + where + ' · ' + col + ': ' + (c.text === '' ? '(empty)' : c.text);
  }

  /** @type {('table' | 'row' | 'cell' | 'paragraph')[]} */
  var DOCX_PLACES = ['table', 'row', 'cell', 'paragraph'];

  /** @param {Provenance[]} prov */
  function describeProv(prov) {
    return prov.map(function (p) {
      if (p.kind === 'text') return 'line ' + p.start.line + ':' + p.start.column + '–' + p.end.line + ':' + p.end.column;
      if (p.kind === 'pdf') return 'page ' + p.page + ' [' + p.bbox.map(function (n) { return Math.round(n); }).join(', ') + ']';
      if (p.kind === 'sheet') return p.sheet + '!' + p.cell + (p.range ? ' (merged ' + p.range + ')' : '');
      return 'docx block ' + p.block + DOCX_PLACES.map(function (k) { return p[k] === undefined ? '' : ' ' + k + ' ' + p[k]; }).join('');
    }).join(' + ') || 'no source position';
  }

  /**
   * The navigation, the source's name, what it is, and its diagnostics.
   * @param {DocumentPage} page
   */
  function renderDocHead(page) {
    var doc = page.doc;
    var failed = page.checks ? page.checks.length : null;
    return h('section', { class: 'doc-head' },
      h('div', { class: 'nav' },
        page.nav.prev !== null ? h('a', { href: 'doc-' + page.nav.prev + '.html', id: 'prev-doc' }, '← previous') : null,
        page.nav.next !== null ? h('a', { href: 'doc-' + page.nav.next + '.html', id: 'next-doc' }, 'next →') : null),
      h('h1', null, doc.source),
      h('p', { class: 'meta' },
        (doc.format || '?') + ' · ', status(doc.status, doc.error),
        ' · ' + (orgText(doc.org) || 'org ?') + ' · ' + (doc.year || 'year ?') + (doc.docKind ? ' ' + doc.docKind : '') +
        ' · ' + doc.tables + ' tables · ' + doc.extractor + (doc.encoding ? ' · ' + doc.encoding : '') +
        (failed === null ? ' · checks: not in this database' : ' · ' + failed + ' failed checks') +
        (doc.changedCells ? ' · ' + doc.changedCells + ' cells changed by the last re-extraction' : '')),
      page.diagnostics.length ? h('ul', { class: 'diagnostics' }, page.diagnostics.map(function (d) {
        return h('li', { class: 'sev-' + d.severity }, d.severity + ': ' + d.code + ' — ' + d.message + (d.place ? ' (' + describeProv([d.place]) + ')' : ''));
      })) : null);
  }

  /**
   * The left side: the source as its format shows it, each piece linked to the cells it went into.
   * @param {DocView} view
   */
  function renderSourcePane(view) {
    var pane = h('div', { class: 'pane source', id: 'source' });
    var src = view.page.source;
    if (src.kind === 'text') renderTextSource(view, pane, src);
    else if (src.kind === 'pdf') renderPdfSource(view, pane, src);
    else if (src.kind === 'docx') renderDocxSource(view, pane, src);
    else if (src.kind === 'sheet') renderSheetSource(view, pane, src);
    else pane.appendChild(h('p', { class: 'note unavailable' }, 'Source not shown: ' + src.reason + ' (' + src.path + ')'));
    if (src.kind !== 'unavailable' && src.changed) pane.insertBefore(h('p', { class: 'note warn' }, 'The file has changed since it was extracted: positions may not match.'), pane.firstChild);
    return pane;
  }

  /**
   * The right side: the failed checks, then every table.
   * @param {DocView} view
   */
  function renderTablePane(view) {
    var page = view.page;
    var pane = h('div', { class: 'pane tables', id: 'tables' });
    if (page.checks?.length) pane.appendChild(renderChecks(view, page.checks));
    if (page.tables.length === 0) pane.appendChild(h('p', { class: 'note' }, page.doc.status === 'failed' ? 'No tables: the document failed (' + (page.doc.error || 'no reason') + ').' : 'No tables.'));
    page.tables.forEach(function (t) {
      var s = renderTable(view, t);
      view.tableSections.push(s);
      pane.appendChild(s);
    });
    return pane;
  }

  /**
   * @param {DocView} view
   * @param {ReviewCheck[]} checks
   */
  function renderChecks(view, checks) {
    return h('section', { class: 'checks', id: 'failed-checks' },
      h('h2', null, 'Failed checks (' + checks.length + ')'),
      h('ol', null, checks.map(function (chk) {
        return h('li', { class: 'check' + (chk.severity ? ' sev-' + chk.severity : '') },
          h('div', { class: 'check-msg' }, h('span', { class: 'check-rule' }, (chk.severity || 'fail') + ' · ' + chk.rule + '/' + chk.name), ' ', chk.message),
          h('div', { class: 'check-refs' }, chk.refs.map(function (r, i) {
            var key = r.tableOrder !== null && r.row !== null ? 'c:' + r.tableOrder + '.' + r.row + '.' + r.col : 'r:' + chk.ord + '.' + i;
            return h('a', {
              href: '#', class: 'ref role-' + r.role, title: describeProv(r.prov),
              onclick: function (/** @type {Event} */ e) { e.preventDefault(); select(view, key, r.label + ': ' + r.text); },
            }, r.role + ': ' + r.label + ' = ' + r.text);
          })));
      })));
  }

  /**
   * A table as its grid: header rows, body rows, each cell once where it starts, spanning the places it covers.
   * @param {DocView} view
   * @param {ReviewTable} t
   */
  function renderTable(view, t) {
    /** @type {Record<string, ReviewCell>} */
    var grid = {};
    t.cells.forEach(function (c) { grid[c.row + ':' + c.col] = c; });
    /** @type {Record<string, true>} */
    var covered = {};
    var thead = h('thead');
    var tbody = h('tbody');
    for (var r = 0; r < t.headerRows + t.nRows; r++) {
      var tr = h('tr', { 'data-row': r });
      for (var c = 0; c < t.nCols; c++) {
        if (covered[r + ':' + c]) continue;
        var cell = grid[r + ':' + c];
        if (!cell) { tr.appendChild(h('td', { class: 'missing' })); continue; }
        for (var dr = 0; dr < cell.rowspan; dr++) for (var dc = 0; dc < cell.colspan; dc++) covered[(r + dr) + ':' + (c + dc)] = true;
        tr.appendChild(renderCell(view, cell));
      }
      (r < t.headerRows ? thead : tbody).appendChild(tr);
    }
    thead.appendChild(h('tr', { class: 'paths' }, t.columns.map(function (p, i) {
      return h('th', { 'data-col': i, title: 'header path of column ' + (i + 1) }, p.join(' / '));
    })));
    var meta = [t.meta.org, t.meta.year && '预算年度 ' + t.meta.year, t.meta.asOf && '截止 ' + t.meta.asOf].filter(Boolean).join('  ');
    return h('section', { class: 'table', id: 'table-' + t.order, 'data-order': t.order, 'data-title': t.title || '' },
      h('h2', { onclick: function () { selectTable(view, t.order); } }, '[' + (t.order + 1) + '] ' + (t.title || '(untitled)')),
      h('p', { class: 'meta' }, t.kind + ' · unit ' + (t.unit || '—') + ' · ' + t.nRows + ' rows × ' + t.nCols + ' columns · ' + describeProv(t.prov.slice(0, 1)) + (meta ? ' · ' + meta : '')),
      h('table', { class: 'grid' }, thead, tbody));
  }

  /**
   * @param {DocView} view
   * @param {ReviewCell} c
   */
  function renderCell(view, c) {
    var cls = [c.isHeader ? 'hdr' : 'body'];
    if (c.prov.length > 1) cls.push('stitched');
    if (view.failedByCell[c.id]) cls.push('check-fail');
    if (Object.hasOwn(view.page.changed, c.id)) cls.push('changed');
    if (c.doubtful) cls.push('ocr-doubt');
    var td = h(c.isHeader ? 'th' : 'td', {
      class: cls.join(' '), 'data-cell': c.id, 'data-col': c.col, rowspan: c.rowspan > 1 ? c.rowspan : null, colspan: c.colspan > 1 ? c.colspan : null, title: cellTitle(view, c),
      onclick: function () { select(view, 'c:' + c.id); },
    }, c.text);
    view.tdById[c.id] = td;
    return td;
  }

  /**
   * A cell's tooltip: where it came from, how sure OCR was, the checks it failed, what it was before a re-extraction.
   * @param {DocView} view
   * @param {ReviewCell} c
   */
  function cellTitle(view, c) {
    var fails = view.failedByCell[c.id];
    var changed = view.page.changed;
    var was = Object.hasOwn(changed, c.id) ? changed[c.id] : undefined;
    return describeProv(c.prov) +
      (c.confidence !== undefined ? '\nread by OCR, confidence ' + c.confidence.toFixed(2) + (c.doubtful ? ': check it against the scan' : '') : '') +
      (fails ? '\nfailed: ' + fails.map(function (f) { return f.message; }).join('\nfailed: ') : '') +
      (was !== undefined ? '\nwas: ' + (was === null ? '(absent)' : was) : '');
  }

  /**
   * Makes a source element stand for the cells (and check refs) of `keys`: hovering it shows them,
   * clicking it selects the first cell.
   * @param {DocView} view
   * @param {HTMLElement} el
   * @param {string[]} keys
   */
  function link(view, el, keys) {
    keys.forEach(function (k) { (view.segsByKey[k] = view.segsByKey[k] || []).push(el); });
    el.addEventListener('mouseenter', function () { hover(view, keys); });
    el.addEventListener('mouseleave', function () { hover(view, []); });
    el.addEventListener('click', function () { var c = keys.filter(function (k) { return k.slice(0, 2) === 'c:'; })[0]; if (c) select(view, c); });
  }

  /**
   * Every source position the cells came from, by a key of the format's own places (`keyOf`; null: not one of its places) → the cells' keys.
   * @param {DocView} view
   * @param {(p: Provenance) => string | null} keyOf
   * @returns {Record<string, string[]>}
   */
  function cellsByPlace(view, keyOf) {
    /** @type {Record<string, string[]>} */
    var at = {};
    view.page.tables.forEach(function (t) {
      t.cells.forEach(function (c) {
        c.prov.forEach(function (p) { var k = keyOf(p); if (k !== null) (at[k] = at[k] || []).push('c:' + c.id); });
      });
    });
    return at;
  }

  // — text source: each line split at every provenance boundary, so a highlight is exact —

  /**
   * @typedef {{ key: string, from: number, to: number }} TextPiece  a cell's (or check ref's) span of source text, in UTF-16 offsets
   */

  /**
   * @param {DocView} view
   * @param {HTMLElement} pane
   * @param {Extract<SourceView, { kind: 'text' }>} src
   */
  function renderTextSource(view, pane, src) {
    var byLine = textPiecesByLine(view);
    var frag = document.createDocumentFragment();
    src.lines.forEach(function (line) {
      frag.appendChild(h('div', { class: 'ln', id: 'L' + line.line, 'data-line': line.line }, h('span', { class: 'no' }, String(line.line)), renderTextLine(view, line, byLine[line.line] || [])));
    });
    pane.appendChild(h('div', { class: 'path' }, src.path));
    pane.appendChild(h('div', { class: 'lines' }, frag));
  }

  /**
   * The pieces of text the cells and the prose refs of the checks came from, on each line they touch.
   * @param {DocView} view
   * @returns {Record<number, TextPiece[]>}
   */
  function textPiecesByLine(view) {
    /** @type {Record<number, TextPiece[]>} */
    var byLine = {};
    /**
     * @param {string} key
     * @param {Provenance} p
     */
    function addPiece(key, p) {
      if (p.kind !== 'text') return;
      for (var l = p.start.line; l <= p.end.line; l++) (byLine[l] = byLine[l] || []).push({ key: key, from: p.start.offset, to: p.end.offset });
    }
    view.page.tables.forEach(function (t) { t.cells.forEach(function (c) { c.prov.forEach(function (p) { addPiece('c:' + c.id, p); }); }); });
    (view.page.checks || []).forEach(function (chk) {
      chk.refs.forEach(function (r, i) {
        if (r.tableOrder === null || r.row === null) r.prov.forEach(function (p) { addPiece('r:' + chk.ord + '.' + i, p); });
      });
    });
    return byLine;
  }

  /**
   * One source line cut at every edge of its pieces, each segment linked to the pieces over it.
   * @param {DocView} view
   * @param {{ line: number, offset: number, text: string }} line
   * @param {TextPiece[]} pieces
   */
  function renderTextLine(view, line, pieces) {
    var tx = h('span', { class: 'tx' });
    var start = line.offset, end = line.offset + line.text.length;
    var cuts = [start, end];
    pieces.forEach(function (p) { cuts.push(Math.max(start, Math.min(end, p.from)), Math.max(start, Math.min(end, p.to))); });
    cuts = Array.from(new Set(cuts)).sort(function (a, b) { return a - b; });
    // a zero-length piece (an empty cell) gets an empty marker where it sits
    var empties = pieces.filter(function (p) { return p.from === p.to && p.from >= start && p.from <= end; });
    cuts.forEach(function (a, i) {
      empties.forEach(function (p) {
        if (p.from !== a) return;
        var marker = h('span', { class: 'seg empty' });
        link(view, marker, [p.key]);
        tx.appendChild(marker);
      });
      const b = cuts[i + 1];
      if (b === undefined) return;
      var keys = pieces.filter(function (p) { return p.from < b && p.to > a; }).map(function (p) { return p.key; });
      var seg = h('span', { class: keys.length ? 'seg' : null }, line.text.slice(a - start, b - start));
      if (keys.length) link(view, seg, keys);
      tx.appendChild(seg);
    });
    return tx;
  }

  // — .docx source: its paragraphs and tables as the docx extractor reads them; a cell's docx
  // provenance names the body element (block) and, inside a table, the row and cell —

  /** @param {Provenance} p */
  function docxKey(p) {
    return p.kind !== 'docx' ? null : p.row !== undefined ? p.block + '.' + p.row + '.' + p.cell : String(p.block);
  }

  /**
   * @param {DocView} view
   * @param {HTMLElement} pane
   * @param {Extract<SourceView, { kind: 'docx' }>} src
   */
  function renderDocxSource(view, pane, src) {
    var cellsAt = cellsByPlace(view, docxKey);
    /**
     * @template {HTMLElement} E
     * @param {E} el
     * @param {Provenance[]} prov
     * @returns {E}
     */
    function linked(el, prov) {
      /** @type {string[]} */
      var keys = [];
      prov.forEach(function (p) { (cellsAt[docxKey(p) || ''] || []).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); }); });
      if (keys.length) { el.classList.add('seg'); link(view, el, keys); }
      return el;
    }
    var body = h('div', { class: 'docx' });
    src.blocks.forEach(function (b) {
      var first = b.prov[0];
      var at = first && first.kind === 'docx' ? first.block : '';
      if (b.type !== 'table') {
        body.appendChild(linked(h(b.type === 'heading' ? 'h3' : 'p', { class: 'docx-' + b.type, 'data-block': at }, b.raw), b.prov));
        return;
      }
      body.appendChild(h('table', { class: 'docx-table', 'data-block': at }, h('tbody', null, b.rows.map(function (r) {
        return h('tr', null, r.cells.map(function (c) {
          return linked(h(c.isHeader ? 'th' : 'td', { 'data-pos': c.prov[0] ? docxKey(c.prov[0]) : null, rowspan: c.rowspan && c.rowspan > 1 ? c.rowspan : null, colspan: c.colspan && c.colspan > 1 ? c.colspan : null }, c.raw), c.prov);
        }));
      }))));
    });
    pane.appendChild(h('div', { class: 'path' }, src.path));
    pane.appendChild(body);
  }

  // — workbook source: each sheet drawn as printed (column letters, row numbers, merges); a
  // cell's sheet provenance names the sheet and the cell's A1 reference —

  /**
   * @param {DocView} view
   * @param {HTMLElement} pane
   * @param {Extract<SourceView, { kind: 'sheet' }>} src
   */
  function renderSheetSource(view, pane, src) {
    var cellsAt = cellsByPlace(view, function (p) { return p.kind === 'sheet' ? p.sheet + '!' + p.cell : null; });
    pane.appendChild(h('div', { class: 'path' }, src.path));
    src.sheets.forEach(function (sheet) {
      pane.appendChild(h('h3', { class: 'sheet-name' }, sheet.name));
      var head = h('tr', null, [h('th', { class: 'corner' }, '')].concat(sheet.cols.map(function (c) { return h('th', { class: 'col-name' }, c); })));
      var body = sheet.rows.map(function (r) {
        return h('tr', null, [h('th', { class: 'row-no' }, String(r.n))].concat(r.cells.map(function (c) {
          var td = h('td', { 'data-ref': sheet.name + '!' + c.ref, rowspan: c.rowspan || null, colspan: c.colspan || null }, c.text);
          var keys = cellsAt[sheet.name + '!' + c.ref] || [];
          if (keys.length) { td.classList.add('seg'); link(view, td, keys); }
          return td;
        })));
      });
      pane.appendChild(h('table', { class: 'sheet', 'data-sheet': sheet.name }, h('thead', null, head), h('tbody', null, body)));
      if (sheet.cut) pane.appendChild(h('p', { class: 'note' }, 'Only the first rows of this sheet are shown.'));
    });
  }

  // — PDF source: pages rendered by pdfjs, each cell's bbox drawn over its page —

  /**
   * The part of pdfjs's API the page uses (assets/pdf.js puts it on window as pdfjsLib).
   * @typedef {{ getDocument(params: object): { promise: Promise<PdfDocument> } }} PdfLib
   * @typedef {{ numPages: number, getPage(n: number): Promise<PdfPage> }} PdfDocument
   * @typedef {{ view: [number, number, number, number], getViewport(o: { scale: number }): PdfViewport, render(o: object): { promise: Promise<void> } }} PdfPage
   * @typedef {{ width: number, height: number, scale: number }} PdfViewport
   * @typedef {{ key: string, bbox: [number, number, number, number], doubtful: boolean }} PdfBox  a cell's box on its page
   */

  /**
   * @param {string} b64
   * @returns {Uint8Array}
   */
  function base64Bytes(b64) {
    var raw = atob(b64);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  /** pdfjs's BinaryDataFactory reading the cMaps of assets/pdf-cmaps.js (no fetch: pages may be opened from disk). */
  function CMapsFromScript() {}
  /** @param {{ kind: string, filename: string }} req */
  CMapsFromScript.prototype.fetch = function (req) {
    /** @type {Record<string, string> | undefined} */
    var cmaps = /** @type {any} */ (window).gongkaiCMaps;
    var b64 = req.kind === 'cMapUrl' && cmaps ? cmaps[req.filename] : null;
    if (!b64) return Promise.reject(new Error('no bundled ' + req.kind + ' ' + req.filename));
    return Promise.resolve(base64Bytes(b64));
  };

  /**
   * @param {DocView} view
   * @param {HTMLElement} pane
   * @param {Extract<SourceView, { kind: 'pdf' }>} src
   */
  function renderPdfSource(view, pane, src) {
    pane.appendChild(h('div', { class: 'path' }, src.path));
    var pagesEl = h('div', { class: 'pdf-pages' });
    pane.appendChild(pagesEl);
    /** @type {PdfLib | undefined} */
    var lib = /** @type {any} */ (window).pdfjsLib;
    if (!lib) { pane.appendChild(h('p', { class: 'note' }, 'pdfjs did not load.')); return; }
    var boxes = pdfBoxesByPage(view);
    lib.getDocument({ data: base64Bytes(src.base64), isEvalSupported: false, disableFontFace: false, useSystemFonts: true, cMapUrl: 'assets/cmaps/', cMapPacked: true, useWorkerFetch: false, BinaryDataFactory: CMapsFromScript }).promise.then(function (pdf) {
      var chain = Promise.resolve();
      for (var n = 1; n <= pdf.numPages; n++) (function (n) {
        chain = chain.then(function () { return pdf.getPage(n); }).then(function (page) { return renderPdfPage(view, pagesEl, page, n, boxes[n] || []); });
      })(n);
      return chain;
    }).then(function () {
      pagesEl.setAttribute('data-rendered', 'true');
      if (view.pendingKey) select(view, view.pendingKey);
    }, function (e) {
      pane.appendChild(h('p', { class: 'note' }, 'The PDF could not be rendered: ' + e.message));
    });
  }

  /**
   * @param {DocView} view
   * @returns {Record<number, PdfBox[]>}
   */
  function pdfBoxesByPage(view) {
    /** @type {Record<number, PdfBox[]>} */
    var boxes = {};
    view.page.tables.forEach(function (t) { t.cells.forEach(function (c) { c.prov.forEach(function (p) { if (p.kind === 'pdf') (boxes[p.page] = boxes[p.page] || []).push({ key: 'c:' + c.id, bbox: p.bbox, doubtful: !!c.doubtful }); }); }); });
    return boxes;
  }

  /**
   * One page drawn on a canvas, with the boxes of its cells over it.
   * @param {DocView} view
   * @param {HTMLElement} pagesEl
   * @param {PdfPage} page
   * @param {number} n
   * @param {PdfBox[]} boxes
   */
  function renderPdfPage(view, pagesEl, page, n, boxes) {
    var viewport = page.getViewport({ scale: 1.5 });
    var canvas = h('canvas', { width: Math.floor(viewport.width), height: Math.floor(viewport.height) });
    var overlay = h('div', { class: 'overlay' });
    var pageEl = h('div', { class: 'pdf-page', id: 'page-' + n, 'data-page': n, style: 'width:' + Math.floor(viewport.width) + 'px;height:' + Math.floor(viewport.height) + 'px' }, canvas, overlay, h('span', { class: 'page-no' }, 'page ' + n));
    pagesEl.appendChild(pageEl);
    // bboxes are in points of the page as displayed (rotation applied), origin at its bottom left
    var view0 = page.view, scale = viewport.scale, height = viewport.height / scale;
    /**
     * @param {number} x
     * @param {number} y
     * @returns {[number, number]}
     */
    var toPx = function (x, y) { return [(x - view0[0]) * scale, (height - (y - view0[1])) * scale]; };
    boxes.forEach(function (b) {
      var p = toPx(b.bbox[0], b.bbox[1]), q = toPx(b.bbox[2], b.bbox[3]);
      var x = Math.min(p[0], q[0]), y = Math.min(p[1], q[1]);
      // a cell OCR doubts is boxed on the scan too, so the page shows where to look
      var box = h('div', { class: 'seg box' + (b.doubtful ? ' ocr-doubt' : ''), 'data-page': n, style: 'left:' + x + 'px;top:' + y + 'px;width:' + Math.abs(q[0] - p[0]) + 'px;height:' + Math.abs(q[1] - p[1]) + 'px' });
      link(view, box, [b.key]);
      overlay.appendChild(box);
    });
    return page.render({ canvasContext: canvas.getContext('2d'), canvas: canvas, viewport: viewport }).promise;
  }

  // — selection and hover —

  /**
   * Highlights what `key` names (a cell: its source pieces and itself; a check ref: its source pieces) and says what it is.
   * @param {DocView} view
   * @param {string} key
   * @param {string} [label]
   */
  function select(view, key, label) {
    view.selected.forEach(function (el) { el.classList.remove('hl', 'selected'); });
    view.selected = [];
    var segs = view.segsByKey[key] || [];
    segs.forEach(function (el) { el.classList.add('hl'); view.selected.push(el); });
    var first = segs[0];
    if (first) {
      var line = first.closest('.ln');
      if (line) line.scrollIntoView({ block: 'center' });
      else first.scrollIntoView({ block: 'center' });
    } else if (view.page.source.kind === 'pdf' && !document.querySelector('.pdf-pages[data-rendered]')) {
      view.pendingKey = key;
    }
    if (key.slice(0, 2) === 'c:') {
      var id = key.slice(2);
      var td = view.tdById[id];
      var x = view.cellById[id];
      if (td && x) {
        td.classList.add('selected');
        view.selected.push(td);
        td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        view.currentTable = x.table.order;
        view.selectionInfo.textContent = describeCell(view, id) + '  ←  ' + describeProv(x.cell.prov);
        if (history.replaceState) history.replaceState(null, '', '#c=' + id);
      }
    } else {
      view.selectionInfo.textContent = (label || key) + (segs.length ? '' : '  (no text position)');
    }
  }

  /**
   * @param {DocView} view
   * @param {string[]} keys
   */
  function hover(view, keys) {
    view.hovered.forEach(function (el) { el.classList.remove('hover'); });
    view.hovered = [];
    var cells = keys.filter(function (k) { return k.slice(0, 2) === 'c:'; }).map(function (k) { return k.slice(2); });
    cells.forEach(function (id) {
      var td = view.tdById[id];
      if (td) { td.classList.add('hover'); view.hovered.push(td); }
    });
    view.hoverInfo.textContent = cells.length ? '→ ' + cells.map(function (id) { return describeCell(view, id); }).join('  |  ') : '';
  }

  /**
   * @param {DocView} view
   * @param {number} order
   */
  function selectTable(view, order) {
    var s = view.tableSections[order];
    var table = view.page.tables[order];
    if (!s || !table) return;
    view.currentTable = order;
    view.tableSections.forEach(function (x) { x.classList.remove('current'); });
    s.classList.add('current');
    s.scrollIntoView({ block: 'start' });
    var first = table.prov[0];
    if (first && first.kind === 'text') {
      var ln = document.getElementById('L' + first.start.line);
      if (ln) ln.scrollIntoView({ block: 'start' });
    }
  }

  /**
   * n/p (j/k) the next/previous table, N/P (J/K) the next/previous document.
   * @param {DocView} view
   */
  function bindDocumentKeys(view) {
    var nav = view.page.nav;
    document.addEventListener('keydown', function (e) {
      var target = /** @type {HTMLElement | null} */ (e.target);
      if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'n' || e.key === 'j') selectTable(view, Math.min(view.page.tables.length - 1, view.currentTable + 1));
      else if (e.key === 'p' || e.key === 'k') selectTable(view, Math.max(0, view.currentTable - 1));
      else if ((e.key === 'N' || e.key === 'J') && nav.next !== null) location.href = 'doc-' + nav.next + '.html';
      else if ((e.key === 'P' || e.key === 'K') && nav.prev !== null) location.href = 'doc-' + nav.prev + '.html';
    });
  }

  /**
   * A cell (`#c=T.R.C`) or table (`#t=T`) named in the address is selected on arrival.
   * @param {DocView} view
   */
  function selectFromAddress(view) {
    var m = /^#c=(\d+\.\d+\.\d+)$/.exec(location.hash);
    if (m) select(view, 'c:' + m[1]);
    var t = /^#t=(\d+)$/.exec(location.hash);
    if (t) selectTable(view, Number(t[1]));
  }

  if (data.page === 'index') renderIndex(data);
  else if (data.page === 'runs') renderRuns(data);
  else if (data.page === 'search') renderSearch(data);
  else renderDocument(data);
  document.body.setAttribute('data-ready', 'true');
})();
