import type { Glyph, PageContent } from './page-content.js';
import { findRuledTables, type Box, type RuledTable } from './ruled-tables.js';
import { AUTO, ASKED, findStreamTables, streamTable } from './stream-tables.js';
import { centerX, centerY } from './text-lines.js';
import { isTocTable } from './toc-lines.js';

/** Glyphs this close (points) outside a table's frame belong to it (strokes have width). */
const EDGE = 1;
const inBox = (x: number, y: number, b: Box) => x >= b[0] - EDGE && x <= b[2] + EDGE && y >= b[1] - EDGE && y <= b[3] + EDGE;

/**
 * Whether a glyph is the tables': one a cell holds (even text drawn over a table's bottom rule,
 * a little outside it) or one inside a table's frame. The rest of the page is text.
 */
export function tablesHold(tables: RuledTable[]): (g: Glyph) => boolean {
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
export function pageTables(content: PageContent, method: TableMethod, areaChosen: boolean): RuledTable[] {
  const found = findTables(content, method, areaChosen);
  // a table of contents laid out in a table (or lined up like one) is text: its lines become toc blocks
  return areaChosen ? found : found.filter((t) => !isTocTable(t));
}

function findTables(content: PageContent, method: TableMethod, areaChosen: boolean): RuledTable[] {
  const ruled = () => findRuledTables(content.segments, content.glyphs).filter((t) => t.cells.some((c) => c.text !== '') || t.ys.length > 2);
  const wholeArea = () => {
    const t = streamTable(content.glyphs);
    return t ? [t] : [];
  };
  switch (method) {
    case 'lattice':
      return ruled();
    case 'stream':
      return areaChosen ? wholeArea() : findStreamTables(content.glyphs, ASKED);
    case 'auto': {
      const found = ruled();
      if (areaChosen) return found.length > 0 ? found : wholeArea();
      const taken = tablesHold(found);
      const outside = content.glyphs.filter((g) => !taken(g));
      return [...found, ...findStreamTables(outside, AUTO)].sort((a, b) => b.box[3] - a.box[3]);
    }
  }
}
