import type { PageContent } from './page-content.js';
import { findRuledTables, type RuledTable } from './ruled-tables.js';
import { AUTO, ASKED, findStreamTables, streamTable } from './stream-tables.js';

/** How tables are found: from ruling lines, from text alignment, or ruling lines where a page has them (tabula's -l, -t, neither). */
export type TableMethod = 'lattice' | 'stream' | 'auto';

/**
 * A page's tables, top to bottom. `lattice`: ruled tables only. `stream`: unruled tables — the
 * whole area as one table when the user chose an area (tabula's -t -a), else the runs of lines
 * that line up in columns. `auto`: a page with ruled tables is read by its rules alone (text
 * around them stays text); a page without them gets only stream tables that pass the strict
 * detection (AUTO), so prose, titles and org/unit lines never become tables; inside a chosen
 * area without rules, the area is the table.
 */
export function pageTables(content: PageContent, method: TableMethod, areaChosen: boolean): RuledTable[] {
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
      if (found.length > 0) return found;
      return areaChosen ? wholeArea() : findStreamTables(content.glyphs, AUTO);
    }
  }
}
