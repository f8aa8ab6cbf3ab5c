import type { PageContent } from './page-content.js';

/** The height of a glyph's body above its baseline, in ems: the x-height, which every letter reaches. */
const BODY = 0.5;

/**
 * Keeps what lies inside the area (top, left, bottom, right in points from the displayed page's
 * top left, tabula's `-a`): glyphs that lie inside as a whole, as tabula keeps text (a word the
 * area cuts is cut at a whole letter, not read half), and the rulings clipped to the area. A
 * glyph's body counts, from its baseline up to 0.5 em: descenders and tall letters may reach
 * over the edge (tabula, too, measures text from the baseline up). A table
 * the area cuts keeps its cut rules, which then end at the area's edge: the grid closes there
 * (frame-edges.ts).
 */
export function cropToArea(content: PageContent, area: [number, number, number, number]): PageContent {
  const [top, left, bottom, right] = area;
  const [vx0, , , vy1] = content.view;
  const x0 = vx0 + left;
  const x1 = vx0 + right;
  const y1 = vy1 - top;
  const y0 = vy1 - bottom;
  const glyphs = content.glyphs.filter((g) => g.x0 >= x0 && g.x1 <= x1 && g.y >= y0 && g.y + BODY * g.size <= y1);
  const segments = content.segments
    .map((s) => ({ x0: Math.max(s.x0, x0), x1: Math.min(s.x1, x1), y0: Math.max(s.y0, y0), y1: Math.min(s.y1, y1) }))
    .filter((s) => s.x0 <= s.x1 && s.y0 <= s.y1 && (s.x0 !== s.x1 || s.x0 > x0 - 1e-6) && (s.y0 !== s.y1 || s.y0 > y0 - 1e-6));
  return { ...content, glyphs, segments };
}
