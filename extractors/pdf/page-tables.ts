import { DEFAULT_TABLE_SETTINGS, type TableSettings } from '../../src/model/table-settings.js';
import { splitOpenRows } from './open-rows.js';
import type { Glyph, PageContent } from './page-content.js';
import { findRuledTables, type Box, type PageTable, type TableReshape } from './ruled-tables.js';
import { joinCellLines, mergeHeaderCells } from './stream-rows.js';
import { askedDetection, autoDetection, findStreamTables, streamTable } from './stream-tables.js';
import { centerX, centerY } from './text-lines.js';
import { isTocTable } from './toc-lines.js';

/**
 * The chain every PDF table goes through, in this order:
 * 1. find — ruled tables from the ruling lines (ruled-tables.ts), unruled ones from text
 *    alignment (stream-tables.ts), as `method` says; a table of contents is no table (pageTables:
 *    tabula's grid, one grid row per printed line in a stream table);
 * 2. assign text — each finder places every glyph in its grid place by its centre and joins a
 *    cell's lines (ruled-tables.ts `cellText`, stream-tables.ts `gridFromLines`);
 * 3. refine — for the document (refineTable): an unruled table's lines joined into rows where a
 *    cell wraps, its header cells merged where a heading is centred over columns; a ruled table's
 *    rows the rules leave open split into rows of text.
 * Every threshold comes from `settings` (src/model/table-settings.ts).
 */
export function documentTables(content: PageContent, method: TableMethod, areaChosen: boolean, settings: TableSettings = DEFAULT_TABLE_SETTINGS): PageTable[] {
  return pageTables(content, method, areaChosen, settings).map((t) => refineTable(t, settings));
}

/**
 * Step 3 of the chain: a found table as the document reads it (see documentTables). What each
 * refiner changed is listed in `reshapes`, for extract-pdf.ts to say as info diagnostics.
 */
export function refineTable(t: PageTable, settings: TableSettings = DEFAULT_TABLE_SETTINGS): PageTable {
  const reshapes: TableReshape[] = [];
  let out: PageTable;
  if (t.unruled) {
    const joined = joinCellLines(t);
    reshapes.push(...wrappedRows(t, joined));
    out = mergeHeaderCells(joined);
    reshapes.push(...mergedHeaderCells(joined, out));
  } else {
    out = splitOpenRows(t, settings, (row, rows, box) =>
      reshapes.push({ heuristic: 'open-rows', what: `ruled row ${row + 1} read as ${rows} rows of text: the rules leave its rows open (two columns stack amounts level with each other)`, box }),
    );
  }
  return reshapes.length ? { ...out, reshapes } : out;
}

/** The rows of `joined` made of two printed lines or more of `t` (joinCellLines keeps a subset of the row edges). */
function wrappedRows(t: PageTable, joined: PageTable): TableReshape[] {
  if (joined === t) return [];
  const out: TableReshape[] = [];
  for (let r = 0; r + 1 < joined.ys.length; r++) {
    const from = t.ys.indexOf(joined.ys[r]!);
    const to = t.ys.indexOf(joined.ys[r + 1]!);
    if (to - from < 2) continue;
    const box: Box = [joined.xs[0]!, joined.ys[r + 1]!, joined.xs.at(-1)!, joined.ys[r]!];
    out.push({ heuristic: 'wrapped-rows', what: `printed lines ${from + 1}–${to} joined into row ${r + 1}: a cell wrapped over them (lines closer than the rows are apart)`, box });
  }
  return out;
}

/** The header cells mergeHeaderCells spread over more than their own grid place. */
function mergedHeaderCells(before: PageTable, after: PageTable): TableReshape[] {
  const old = new Set(before.cells);
  return after.cells
    .filter((c) => !old.has(c))
    .map((c) => {
      const over = [c.colspan > 1 ? `${c.colspan} columns (centred over them)` : '', c.rowspan > 1 ? `${c.rowspan} rows (nothing printed below it)` : ''].filter((x) => x !== '');
      return { heuristic: 'header-cells' as const, what: `header cell "${c.text}" spread over ${over.join(' and ')}`, box: c.box };
    });
}

/**
 * Whether a glyph is the tables': one a cell holds (even text drawn over a table's bottom rule,
 * a little outside it) or one inside a table's frame. The rest of the page is text.
 */
export function tablesHold(tables: PageTable[], settings: TableSettings = DEFAULT_TABLE_SETTINGS): (g: Glyph) => boolean {
  // glyphs this close outside a table's frame belong to it (strokes have width)
  const margin = settings.frameMarginPt;
  const inBox = (x: number, y: number, b: Box) => x >= b[0] - margin && x <= b[2] + margin && y >= b[1] - margin && y <= b[3] + margin;
  const held = new Set<Glyph>();
  for (const t of tables) for (const c of t.cells) for (const g of c.glyphs) held.add(g);
  // asked for every glyph of every page: no arrays made per glyph
  return (g) => {
    if (held.has(g)) return true;
    const x = centerX(g);
    const y = centerY(g);
    for (const t of tables) if (inBox(x, y, t.box)) return true;
    return false;
  };
}

/** How tables are found: from ruling lines, from text alignment, or ruling lines where a page has them (tabula's -l, -t, neither). */
export type TableMethod = 'lattice' | 'stream' | 'auto';

/**
 * A page's tables, top to bottom. `lattice`: ruled tables only. `stream`: unruled tables — the
 * whole area as one table when the user chose an area (tabula's -t -a), else the runs of lines
 * that line up in columns. `auto`: a page with ruled tables is read by its rules alone (text
 * around them stays text); a page without them gets only stream tables that pass the strict
 * detection (AUTO), so prose, titles and org/unit lines never become tables; inside a chosen
 * area without rules, the area is the table. Outside a chosen area, a table of contents is no
 * table (toc-lines.ts).
 */
export function pageTables(content: PageContent, method: TableMethod, areaChosen: boolean, settings: TableSettings = DEFAULT_TABLE_SETTINGS): PageTable[] {
  const found = findTables(content, method, areaChosen, settings);
  // a table of contents laid out in a table (or lined up like one) is text: its lines become toc blocks
  return areaChosen ? found : found.filter((t) => !isTocTable(t));
}

function findTables(content: PageContent, method: TableMethod, areaChosen: boolean, settings: TableSettings): PageTable[] {
  const ruled = () => findRuledTables(content.segments, content.glyphs, settings).filter((t) => t.cells.some((c) => c.text !== '') || t.ys.length > 2);
  const wholeArea = () => {
    const t = streamTable(content.glyphs, settings);
    return t ? [t] : [];
  };
  switch (method) {
    case 'lattice':
      return ruled();
    case 'stream':
      return areaChosen ? wholeArea() : findStreamTables(content.glyphs, askedDetection(settings), settings);
    case 'auto': {
      const found = ruled();
      if (areaChosen) return found.length > 0 ? found : wholeArea();
      const taken = tablesHold(found, settings);
      const outside = content.glyphs.filter((g) => !taken(g));
      return [...found, ...findStreamTables(outside, autoDetection(settings), settings)].sort((a, b) => b.box[3] - a.box[3]);
    }
  }
}
