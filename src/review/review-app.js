// The review page's browser script (a classic script, so that pages opened from disk run it).
// It builds every page from the JSON in #gongkai-data with DOM calls and text nodes only:
// no text from a document ever reaches innerHTML, so a cell printing <script> shows as text.
(function () {
  // biome-ignore lint/suspicious/noRedundantUseStrict: a classic script (not a module): strict mode is not implied
  'use strict';

  var data = JSON.parse(document.getElementById('gongkai-data').textContent);
  var app = document.getElementById('app');

  /** Creates an element; string children become text nodes, attributes are set one by one. */
  function h(tag, attrs, ...children) {
    var el = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') el.className = v;
        else if (k === 'text') el.textContent = v;
        else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, String(v));
      }
    }
    for (var i = 0; i < children.length; i++) append(el, children[i]);
    return el;
  }
  function append(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(el, c); });
    else if (typeof child === 'string' || typeof child === 'number') el.appendChild(document.createTextNode(String(child)));
    else el.appendChild(child);
  }

  function status(s, error) {
    return h('span', { class: 'status status-' + s, title: error || null }, s, error ? ' — ' + error : null);
  }
  function orgText(org) {
    return [org.code, org.name].filter(Boolean).join(' ');
  }
  function keysHelp(text) {
    document.getElementById('keys').textContent = text;
  }

  // ───────────────────────── index ─────────────────────────

  function renderIndex() {
    keysHelp('/ search');
    var docs = data.documents;
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
      tr._search = [d.source, d.format, d.status, d.error, orgText(d.org), d.year, d.docKind].join(' ').toLowerCase();
      tr._doc = d;
      return tr;
    });
    function apply() {
      var text = q.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (tr) {
        var d = tr._doc;
        var ok = (!text || text.split(/\s+/).every(function (w) { return tr._search.indexOf(w) >= 0; })) &&
          (!statusSel.value || d.status === statusSel.value) &&
          (!formatSel.value || (d.format || '?') === formatSel.value) &&
          (!failedOnly.checked || d.failedChecks > 0);
        tr.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = shown + ' of ' + rows.length + ' documents';
    }
    [q, statusSel, formatSel, failedOnly].forEach(function (el) { el.addEventListener('input', apply); el.addEventListener('change', apply); });
    document.addEventListener('keydown', function (e) {
      if (e.key === '/' && document.activeElement !== q) { e.preventDefault(); q.focus(); }
    });
    app.appendChild(h('section', { class: 'index' },
      h('h1', null, 'Documents in ', data.db),
      h('div', { class: 'filters' }, q, statusSel, formatSel, h('label', null, failedOnly, ' with failed checks'), count),
      searchForm(''),
      data.hasChecks ? null : h('p', { class: 'note' }, 'This database has no checks table: failed-check counts are not available.'),
      h('table', { class: 'docs' },
        h('thead', null, h('tr', null, ['source', 'format', 'status', 'org', 'year', 'tables', 'failed checks', 'changed cells'].map(function (t) { return h('th', null, t); }))),
        h('tbody', null, rows))));
    apply();
  }

  // ───────────────────────── runs ─────────────────────────

  function renderRuns() {
    app.appendChild(h('section', { class: 'runs' },
      h('h1', null, 'Last runs'),
      h('table', { class: 'docs' },
        h('thead', null, h('tr', null, ['run', 'started', 'finished', 'tool', 'counts'].map(function (t) { return h('th', null, t); }))),
        h('tbody', null, data.runs.map(function (r) {
          var counts = r.counts ? Object.keys(r.counts).map(function (k) { return k + ' ' + r.counts[k]; }).join(' · ') : 'unfinished';
          return h('tr', null, h('td', null, String(r.id)), h('td', null, r.startedAt), h('td', null, r.finishedAt || '—'), h('td', null, r.toolVersion), h('td', null, counts));
        }))),
      h('h1', null, 'Re-extracted documents'),
      data.changes.length === 0 ? h('p', { class: 'note' }, 'No document has been re-extracted yet.') : null,
      data.changes.map(function (c) {
        return h('section', { class: 'change', 'data-id': c.id },
          h('h2', null, h('a', { href: 'doc-' + c.id + '.html' }, c.source), ' — run ' + c.beforeRun + ' (' + c.beforeExtractor + ') → run ' + c.afterRun + ' (' + c.afterExtractor + ')'),
          c.fields.map(function (f) { return h('p', { class: 'field-change' }, f); }),
          c.cells.length === 0 ? h('p', { class: 'note' }, 'No cell changed.') : h('table', { class: 'changes' },
            h('thead', null, h('tr', null, ['table', 'row', 'column', 'old', '', 'new'].map(function (t) { return h('th', null, t); }))),
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

  // ───────────────────────── search ─────────────────────────

  /** A form that asks the served review's full-text index (titles, row labels, prose). */
  function searchForm(value) {
    return h('form', { class: 'text-search', action: 'search.html', method: 'get', role: 'search' },
      h('input', { type: 'search', name: 'q', id: 'text-search', value: value || null, placeholder: 'text in tables and prose, e.g. 机关运行经费', 'aria-label': 'search tables and prose' }),
      h('button', { type: 'submit' }, 'search'));
  }

  function renderSearch() {
    keysHelp('/ search');
    var form = searchForm(data.query);
    var input = form.querySelector('input');
    document.addEventListener('keydown', function (e) {
      if (e.key === '/' && document.activeElement !== input) { e.preventDefault(); input.focus(); }
    });
    var body;
    if (!data.served) {
      body = h('p', { class: 'note' }, 'Searching needs the database: run gongkai review (served) to search this site.');
    } else if (!data.query) {
      body = h('p', { class: 'note' }, 'Table titles, row labels and prose of every document; any Chinese substring, three characters or more through the index.');
    } else {
      body = [
        h('p', { class: 'count' }, data.hits.length + (data.more ? '+' : '') + ' hit(s) for “' + data.query + '”' + (data.more ? ' (the first ' + data.hits.length + ')' : '')),
        data.hits.length === 0 ? null : h('table', { class: 'docs search-hits' },
          h('thead', null, h('tr', null, ['source', 'where', 'found in', 'text'].map(function (t) { return h('th', null, t); }))),
          h('tbody', null, data.hits.map(function (x) {
            var where = x.line !== null ? 'L' + x.line : x.page !== null ? 'p.' + x.page : '';
            return h('tr', { class: 'hit hit-' + x.kind },
              h('td', null, h('a', { href: x.href }, x.source)),
              h('td', { class: 'num' }, where),
              h('td', null, x.kind === 'prose' ? 'prose' : x.kind + (x.tableTitle ? ' · ' + x.tableTitle : '')),
              h('td', null, x.text));
          }))),
      ];
    }
    app.appendChild(h('section', { class: 'search' }, h('h1', null, 'Search ', data.db), form, body));
  }

  // ───────────────────────── document ─────────────────────────

  function renderDocument() {
    keysHelp('keys: n/p next/previous table · N/P next/previous document · click a cell to see its source');
    var doc = data.doc;
    var tables = data.tables;
    var cellById = {};
    var tdById = {};
    var segsByKey = {}; // key ("c:T.R.C" for cells, "r:check.ref" for check refs) → source elements
    var keysBySeg = new WeakMap();
    var failedByCell = {};
    var tableSections = [];
    var currentTable = -1;
    var hoverInfo = h('div', { id: 'hover-info', class: 'info' });
    var selectionInfo = h('div', { id: 'selection-info', class: 'info' });

    tables.forEach(function (t) { t.cells.forEach(function (c) { cellById[c.id] = { cell: c, table: t }; }); });
    (data.checks || []).forEach(function (chk) {
      chk.refs.forEach(function (r) {
        if (r.tableOrder === null || r.row === null || r.col === null) return;
        var id = r.tableOrder + '.' + r.row + '.' + r.col;
        (failedByCell[id] = failedByCell[id] || []).push(chk);
      });
    });

    function describeCell(id) {
      var x = cellById[id];
      if (!x) return id;
      var t = x.table, c = x.cell;
      var where = c.isHeader ? 'header row ' + (c.row + 1) : 'row ' + (c.row - t.headerRows + 1);
      var col = (t.columns[c.col] || []).join('/') || 'column ' + (c.col + 1);
      return '[' + (t.order + 1) + '] ' + (t.title || '(untitled)') + ' · ' + where + ' · ' + col + ': ' + (c.text === '' ? '(empty)' : c.text);
    }
    function describeProv(prov) {
      return prov.map(function (p) {
        if (p.kind === 'text') return 'line ' + p.start.line + ':' + p.start.column + '–' + p.end.line + ':' + p.end.column;
        if (p.kind === 'pdf') return 'page ' + p.page + ' [' + p.bbox.map(function (n) { return Math.round(n); }).join(', ') + ']';
        if (p.kind === 'sheet') return p.sheet + '!' + p.cell + (p.range ? ' (merged ' + p.range + ')' : '');
        return 'docx block ' + p.block + ['table', 'row', 'cell', 'paragraph'].map(function (k) { return p[k] === undefined ? '' : ' ' + k + ' ' + p[k]; }).join('');
      }).join(' + ') || 'no source position';
    }

    // — header —
    var failed = data.checks ? data.checks.length : null;
    app.appendChild(h('section', { class: 'doc-head' },
      h('div', { class: 'nav' },
        data.nav.prev !== null ? h('a', { href: 'doc-' + data.nav.prev + '.html', id: 'prev-doc' }, '← previous') : null,
        data.nav.next !== null ? h('a', { href: 'doc-' + data.nav.next + '.html', id: 'next-doc' }, 'next →') : null),
      h('h1', null, doc.source),
      h('p', { class: 'meta' },
        (doc.format || '?') + ' · ', status(doc.status, doc.error),
        ' · ' + (orgText(doc.org) || 'org ?') + ' · ' + (doc.year || 'year ?') + (doc.docKind ? ' ' + doc.docKind : '') +
        ' · ' + doc.tables + ' tables · ' + doc.extractor + (doc.encoding ? ' · ' + doc.encoding : '') +
        (failed === null ? ' · checks: not in this database' : ' · ' + failed + ' failed checks') +
        (doc.changedCells ? ' · ' + doc.changedCells + ' cells changed by the last re-extraction' : '')),
      data.diagnostics.length ? h('ul', { class: 'diagnostics' }, data.diagnostics.map(function (d) {
        return h('li', { class: 'sev-' + d.severity }, d.severity + ': ' + d.code + ' — ' + d.message + (d.place ? ' (' + describeProv([d.place]) + ')' : ''));
      })) : null));

    // — source (left) —
    var sourcePane = h('div', { class: 'pane source', id: 'source' });
    var src = data.source;
    if (src.kind === 'text') renderTextSource(sourcePane, src);
    else if (src.kind === 'pdf') renderPdfSource(sourcePane, src);
    else if (src.kind === 'docx') renderDocxSource(sourcePane, src);
    else if (src.kind === 'sheet') renderSheetSource(sourcePane, src);
    else sourcePane.appendChild(h('p', { class: 'note unavailable' }, 'Source not shown: ' + src.reason + ' (' + src.path + ')'));
    if (src.changed) sourcePane.insertBefore(h('p', { class: 'note warn' }, 'The file has changed since it was extracted: positions may not match.'), sourcePane.firstChild);

    // — tables (right) —
    var tablePane = h('div', { class: 'pane tables', id: 'tables' });
    if (data.checks?.length) tablePane.appendChild(renderChecks());
    if (tables.length === 0) tablePane.appendChild(h('p', { class: 'note' }, doc.status === 'failed' ? 'No tables: the document failed (' + (doc.error || 'no reason') + ').' : 'No tables.'));
    tables.forEach(function (t) {
      var s = renderTable(t);
      tableSections.push(s);
      tablePane.appendChild(s);
    });

    app.appendChild(h('div', { class: 'split' }, sourcePane, tablePane));
    app.appendChild(h('footer', { class: 'status-bar' }, selectionInfo, hoverInfo));

    function renderChecks() {
      return h('section', { class: 'checks', id: 'failed-checks' },
        h('h2', null, 'Failed checks (' + data.checks.length + ')'),
        h('ol', null, data.checks.map(function (chk) {
          return h('li', { class: 'check' + (chk.severity ? ' sev-' + chk.severity : '') },
            h('div', { class: 'check-msg' }, h('span', { class: 'check-rule' }, (chk.severity || 'fail') + ' · ' + chk.rule + '/' + chk.name), ' ', chk.message),
            h('div', { class: 'check-refs' }, chk.refs.map(function (r, i) {
              var key = r.tableOrder !== null && r.row !== null ? 'c:' + r.tableOrder + '.' + r.row + '.' + r.col : 'r:' + chk.ord + '.' + i;
              return h('a', {
                href: '#', class: 'ref role-' + r.role, title: describeProv(r.prov),
                onclick: function (e) { e.preventDefault(); select(key, r.label + ': ' + r.text); },
              }, r.role + ': ' + r.label + ' = ' + r.text);
            })));
        })));
    }

    function renderTable(t) {
      var grid = {};
      t.cells.forEach(function (c) { grid[c.row + ':' + c.col] = c; });
      var covered = {};
      var nRowsAll = t.headerRows + t.nRows;
      var thead = h('thead');
      var tbody = h('tbody');
      for (var r = 0; r < nRowsAll; r++) {
        var tr = h('tr', { 'data-row': r });
        for (var c = 0; c < t.nCols; c++) {
          if (covered[r + ':' + c]) continue;
          var cell = grid[r + ':' + c];
          if (!cell) { tr.appendChild(h('td', { class: 'missing' })); continue; }
          for (var dr = 0; dr < cell.rowspan; dr++) for (var dc = 0; dc < cell.colspan; dc++) covered[(r + dr) + ':' + (c + dc)] = true;
          tr.appendChild(renderCell(t, cell));
        }
        (r < t.headerRows ? thead : tbody).appendChild(tr);
      }
      thead.appendChild(h('tr', { class: 'paths' }, t.columns.map(function (p, i) {
        return h('th', { 'data-col': i, title: 'header path of column ' + (i + 1) }, p.join(' / '));
      })));
      var meta = [t.meta.org, t.meta.year && '预算年度 ' + t.meta.year, t.meta.asOf && '截止 ' + t.meta.asOf].filter(Boolean).join('  ');
      return h('section', { class: 'table', id: 'table-' + t.order, 'data-order': t.order, 'data-title': t.title || '' },
        h('h2', { onclick: function () { selectTable(t.order); } }, '[' + (t.order + 1) + '] ' + (t.title || '(untitled)')),
        h('p', { class: 'meta' }, t.kind + ' · unit ' + (t.unit || '—') + ' · ' + t.nRows + ' rows × ' + t.nCols + ' columns · ' + describeProv(t.prov.slice(0, 1)) + (meta ? ' · ' + meta : '')),
        h('table', { class: 'grid' }, thead, tbody));
    }

    function renderCell(_t, c) {
      var cls = [c.isHeader ? 'hdr' : 'body'];
      if (c.prov.length > 1) cls.push('stitched');
      var fails = failedByCell[c.id];
      if (fails) cls.push('check-fail');
      var changed = Object.hasOwn(data.changed, c.id);
      if (changed) cls.push('changed');
      if (c.doubtful) cls.push('ocr-doubt');
      var title = describeProv(c.prov) +
        (c.confidence !== undefined ? '\nread by OCR, confidence ' + c.confidence.toFixed(2) + (c.doubtful ? ': check it against the scan' : '') : '') +
        (fails ? '\nfailed: ' + fails.map(function (f) { return f.message; }).join('\nfailed: ') : '') +
        (changed ? '\nwas: ' + (data.changed[c.id] === null ? '(absent)' : data.changed[c.id]) : '');
      var td = h(c.isHeader ? 'th' : 'td', {
        class: cls.join(' '), 'data-cell': c.id, 'data-col': c.col, rowspan: c.rowspan > 1 ? c.rowspan : null, colspan: c.colspan > 1 ? c.colspan : null, title: title,
        onclick: function () { select('c:' + c.id); },
      }, c.text);
      tdById[c.id] = td;
      return td;
    }

    // — text source: each line split at every provenance boundary, so a highlight is exact —
    function renderTextSource(pane, src) {
      var byLine = {};
      function addPiece(key, p) {
        if (p.kind !== 'text') return;
        for (var l = p.start.line; l <= p.end.line; l++) (byLine[l] = byLine[l] || []).push({ key: key, from: p.start.offset, to: p.end.offset });
      }
      tables.forEach(function (t) { t.cells.forEach(function (c) { c.prov.forEach(function (p) { addPiece('c:' + c.id, p); }); }); });
      (data.checks || []).forEach(function (chk) {
        chk.refs.forEach(function (r, i) {
          if (r.tableOrder === null || r.row === null) r.prov.forEach(function (p) { addPiece('r:' + chk.ord + '.' + i, p); });
        });
      });
      var frag = document.createDocumentFragment();
      src.lines.forEach(function (line) {
        var tx = h('span', { class: 'tx' });
        var pieces = byLine[line.line] || [];
        var start = line.offset, end = line.offset + line.text.length;
        var cuts = [start, end];
        pieces.forEach(function (p) { cuts.push(Math.max(start, Math.min(end, p.from)), Math.max(start, Math.min(end, p.to))); });
        cuts = Array.from(new Set(cuts)).sort(function (a, b) { return a - b; });
        // a zero-length piece (an empty cell) gets an empty marker where it sits
        var empties = pieces.filter(function (p) { return p.from === p.to && p.from >= start && p.from <= end; });
        for (var i = 0; i < cuts.length; i++) {
          var a = cuts[i];
          empties.forEach(function (p) {
            if (p.from !== a) return;
            var marker = h('span', { class: 'seg empty' });
            link(marker, [p.key]);
            tx.appendChild(marker);
          });
          if (i + 1 === cuts.length) break;
          var b = cuts[i + 1];
          var keys = pieces.filter(function (p) { return p.from < b && p.to > a; }).map(function (p) { return p.key; });
          var seg = h('span', { class: keys.length ? 'seg' : null }, line.text.slice(a - start, b - start));
          if (keys.length) link(seg, keys);
          tx.appendChild(seg);
        }
        frag.appendChild(h('div', { class: 'ln', id: 'L' + line.line, 'data-line': line.line }, h('span', { class: 'no' }, String(line.line)), tx));
      });
      pane.appendChild(h('div', { class: 'path' }, src.path));
      pane.appendChild(h('div', { class: 'lines' }, frag));
    }

    function link(el, keys) {
      keysBySeg.set(el, keys);
      keys.forEach(function (k) { (segsByKey[k] = segsByKey[k] || []).push(el); });
      el.addEventListener('mouseenter', function () { hover(keys); });
      el.addEventListener('mouseleave', function () { hover([]); });
      el.addEventListener('click', function () { var c = keys.filter(function (k) { return k.slice(0, 2) === 'c:'; })[0]; if (c) select(c); });
    }

    // — .docx source: its paragraphs and tables as the docx extractor reads them; a cell's docx
    // provenance names the body element (block) and, inside a table, the row and cell —
    function docxKey(p) {
      return p.kind !== 'docx' ? null : p.row !== undefined ? p.block + '.' + p.row + '.' + p.cell : String(p.block);
    }
    function renderDocxSource(pane, src) {
      var cellsAt = {};
      tables.forEach(function (t) {
        t.cells.forEach(function (c) {
          c.prov.forEach(function (p) { var k = docxKey(p); if (k) (cellsAt[k] = cellsAt[k] || []).push('c:' + c.id); });
        });
      });
      function linked(el, prov) {
        var keys = [];
        prov.forEach(function (p) { (cellsAt[docxKey(p)] || []).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); }); });
        if (keys.length) { el.classList.add('seg'); link(el, keys); }
        return el;
      }
      var body = h('div', { class: 'docx' });
      src.blocks.forEach(function (b) {
        var at = b.prov[0] && b.prov[0].kind === 'docx' ? b.prov[0].block : '';
        if (b.type !== 'table') {
          body.appendChild(linked(h(b.type === 'heading' ? 'h3' : 'p', { class: 'docx-' + b.type, 'data-block': at }, b.raw), b.prov));
          return;
        }
        body.appendChild(h('table', { class: 'docx-table', 'data-block': at }, h('tbody', null, b.rows.map(function (r) {
          return h('tr', null, r.cells.map(function (c) {
            return linked(h(c.isHeader ? 'th' : 'td', { 'data-pos': c.prov[0] ? docxKey(c.prov[0]) : null, rowspan: c.rowspan > 1 ? c.rowspan : null, colspan: c.colspan > 1 ? c.colspan : null }, c.raw), c.prov);
          }));
        }))));
      });
      pane.appendChild(h('div', { class: 'path' }, src.path));
      pane.appendChild(body);
    }

    // — workbook source: each sheet drawn as printed (column letters, row numbers, merges); a
    // cell's sheet provenance names the sheet and the cell's A1 reference —
    function renderSheetSource(pane, src) {
      var cellsAt = {};
      tables.forEach(function (t) {
        t.cells.forEach(function (c) {
          c.prov.forEach(function (p) { if (p.kind === 'sheet') { var k = p.sheet + '!' + p.cell; (cellsAt[k] = cellsAt[k] || []).push('c:' + c.id); } });
        });
      });
      pane.appendChild(h('div', { class: 'path' }, src.path));
      src.sheets.forEach(function (sheet) {
        pane.appendChild(h('h3', { class: 'sheet-name' }, sheet.name));
        var head = h('tr', null, [h('th', { class: 'corner' }, '')].concat(sheet.cols.map(function (c) { return h('th', { class: 'col-name' }, c); })));
        var body = sheet.rows.map(function (r) {
          return h('tr', null, [h('th', { class: 'row-no' }, String(r.n))].concat(r.cells.map(function (c) {
            var td = h('td', { 'data-ref': sheet.name + '!' + c.ref, rowspan: c.rowspan || null, colspan: c.colspan || null }, c.text);
            var keys = cellsAt[sheet.name + '!' + c.ref] || [];
            if (keys.length) { td.classList.add('seg'); link(td, keys); }
            return td;
          })));
        });
        pane.appendChild(h('table', { class: 'sheet', 'data-sheet': sheet.name }, h('thead', null, head), h('tbody', null, body)));
        if (sheet.cut) pane.appendChild(h('p', { class: 'note' }, 'Only the first rows of this sheet are shown.'));
      });
    }

    /** pdfjs's BinaryDataFactory reading the cMaps of assets/pdf-cmaps.js (no fetch: pages may be opened from disk). */
    function CMapsFromScript() {}
    CMapsFromScript.prototype.fetch = function (req) {
      var b64 = req.kind === 'cMapUrl' && window.gongkaiCMaps ? window.gongkaiCMaps[req.filename] : null;
      if (!b64) return Promise.reject(new Error('no bundled ' + req.kind + ' ' + req.filename));
      var raw = atob(b64);
      var out = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
      return Promise.resolve(out);
    };

    // — PDF source: pages rendered by pdfjs, each cell's bbox drawn over its page —
    function renderPdfSource(pane, src) {
      pane.appendChild(h('div', { class: 'path' }, src.path));
      var pagesEl = h('div', { class: 'pdf-pages' });
      pane.appendChild(pagesEl);
      var lib = window.pdfjsLib;
      if (!lib) { pane.appendChild(h('p', { class: 'note' }, 'pdfjs did not load.')); return; }
      var raw = atob(src.base64);
      var bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
      var boxes = {};
      tables.forEach(function (t) { t.cells.forEach(function (c) { c.prov.forEach(function (p) { if (p.kind === 'pdf') (boxes[p.page] = boxes[p.page] || []).push({ key: 'c:' + c.id, bbox: p.bbox, doubtful: !!c.doubtful }); }); }); });
      lib.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: false, useSystemFonts: true, cMapUrl: 'assets/cmaps/', cMapPacked: true, useWorkerFetch: false, BinaryDataFactory: CMapsFromScript }).promise.then(function (pdf) {
        var chain = Promise.resolve();
        for (var n = 1; n <= pdf.numPages; n++) (function (n) {
          chain = chain.then(function () { return pdf.getPage(n); }).then(function (page) {
            var viewport = page.getViewport({ scale: 1.5 });
            var canvas = h('canvas', { width: Math.floor(viewport.width), height: Math.floor(viewport.height) });
            var overlay = h('div', { class: 'overlay' });
            var pageEl = h('div', { class: 'pdf-page', id: 'page-' + n, 'data-page': n, style: 'width:' + Math.floor(viewport.width) + 'px;height:' + Math.floor(viewport.height) + 'px' }, canvas, overlay, h('span', { class: 'page-no' }, 'page ' + n));
            pagesEl.appendChild(pageEl);
            // bboxes are in points of the page as displayed (rotation applied), origin at its bottom left
            var view = page.view, scale = viewport.scale, height = viewport.height / scale;
            var toPx = function (x, y) { return [(x - view[0]) * scale, (height - (y - view[1])) * scale]; };
            (boxes[n] || []).forEach(function (b) {
              var r = toPx(b.bbox[0], b.bbox[1]).concat(toPx(b.bbox[2], b.bbox[3]));
              var x = Math.min(r[0], r[2]), y = Math.min(r[1], r[3]);
              // a cell OCR doubts is boxed on the scan too, so the page shows where to look
              var box = h('div', { class: 'seg box' + (b.doubtful ? ' ocr-doubt' : ''), 'data-page': n, style: 'left:' + x + 'px;top:' + y + 'px;width:' + Math.abs(r[2] - r[0]) + 'px;height:' + Math.abs(r[3] - r[1]) + 'px' });
              link(box, [b.key]);
              overlay.appendChild(box);
            });
            return page.render({ canvasContext: canvas.getContext('2d'), canvas: canvas, viewport: viewport }).promise;
          });
        })(n);
        return chain;
      }).then(function () {
        pagesEl.setAttribute('data-rendered', 'true');
        if (pendingKey) select(pendingKey);
      }, function (e) {
        pane.appendChild(h('p', { class: 'note' }, 'The PDF could not be rendered: ' + e.message));
      });
    }

    // — selection and hover —
    var selected = [];
    var pendingKey = null;
    function select(key, label) {
      selected.forEach(function (el) { el.classList.remove('hl', 'selected'); });
      selected = [];
      var segs = segsByKey[key] || [];
      segs.forEach(function (el) { el.classList.add('hl'); selected.push(el); });
      if (segs[0]) {
        var line = segs[0].closest('.ln');
        if (line) line.scrollIntoView({ block: 'center' });
        else segs[0].scrollIntoView({ block: 'center' });
      } else if (src.kind === 'pdf' && !document.querySelector('.pdf-pages[data-rendered]')) {
        pendingKey = key;
      }
      if (key.slice(0, 2) === 'c:') {
        var id = key.slice(2);
        var td = tdById[id];
        if (td) {
          td.classList.add('selected');
          selected.push(td);
          td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          var x = cellById[id];
          currentTable = x.table.order;
          selectionInfo.textContent = describeCell(id) + '  ←  ' + describeProv(x.cell.prov);
          if (history.replaceState) history.replaceState(null, '', '#c=' + id);
        }
      } else {
        selectionInfo.textContent = (label || key) + (segs.length ? '' : '  (no text position)');
      }
    }
    var hovered = [];
    function hover(keys) {
      hovered.forEach(function (el) { el.classList.remove('hover'); });
      hovered = [];
      var cells = keys.filter(function (k) { return k.slice(0, 2) === 'c:'; }).map(function (k) { return k.slice(2); });
      cells.forEach(function (id) { if (tdById[id]) { tdById[id].classList.add('hover'); hovered.push(tdById[id]); } });
      hoverInfo.textContent = cells.length ? '→ ' + cells.map(describeCell).join('  |  ') : '';
    }
    function selectTable(order) {
      var s = tableSections[order];
      if (!s) return;
      currentTable = order;
      tableSections.forEach(function (x) { x.classList.remove('current'); });
      s.classList.add('current');
      s.scrollIntoView({ block: 'start' });
      var first = tables[order].prov[0];
      if (first && first.kind === 'text') {
        var ln = document.getElementById('L' + first.start.line);
        if (ln) ln.scrollIntoView({ block: 'start' });
      }
    }

    document.addEventListener('keydown', function (e) {
      if (e.target && (e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT' || e.target.tagName === 'TEXTAREA')) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'n' || e.key === 'j') selectTable(Math.min(tables.length - 1, currentTable + 1));
      else if (e.key === 'p' || e.key === 'k') selectTable(Math.max(0, currentTable - 1));
      else if ((e.key === 'N' || e.key === 'J') && data.nav.next !== null) location.href = 'doc-' + data.nav.next + '.html';
      else if ((e.key === 'P' || e.key === 'K') && data.nav.prev !== null) location.href = 'doc-' + data.nav.prev + '.html';
    });

    var m = /^#c=(\d+\.\d+\.\d+)$/.exec(location.hash);
    if (m) select('c:' + m[1]);
    var t = /^#t=(\d+)$/.exec(location.hash);
    if (t) selectTable(Number(t[1]));
  }

  if (data.page === 'index') renderIndex();
  else if (data.page === 'runs') renderRuns();
  else if (data.page === 'search') renderSearch();
  else renderDocument();
  document.body.setAttribute('data-ready', 'true');
})();
