import type { Diagnostic, PdfProvenance, RawBlock } from '../../../src/model/index.js';
import type { Box } from '../ruled-tables.js';

/**
 * OCR reads a scan levelled (its skew turned out) and, when it was upside down, turned half
 * round: its boxes are in the points of that page as read. The page itself is the one a reader
 * sees (pdfjs, the review page), so a box is taken back through both turns, corner by corner,
 * and what the page shows of it is the smallest upright box holding the four: on a skewed page
 * a little larger than the box read, always holding the ink that was read in it.
 */
export interface PageFrame {
  /** The page's size in points (x0, y0, x1, y1; y up) and the raster's in pixels (y down). */
  view: Box;
  width: number;
  height: number;
  /** The angle (degrees) the raster was turned by to level it; 0 when it was not. */
  levelledBy: number;
  upsideDown: boolean;
}

/** A box in the points of the page as read → the upright box in the page's own points that holds it (within the page). */
export function toPageBox(frame: PageFrame, box: Box): Box {
  const { view, width: w, height: h } = frame;
  const sx = (view[2] - view[0]) / w;
  const sy = (view[3] - view[1]) / h;
  const a = (frame.levelledBy * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const corner = (x: number, y: number): [number, number] => {
    // points → pixels of the levelled raster (pixel edges: the centre of rotation is w/2, h/2)
    const px = (x - view[0]) / sx - w / 2;
    const py = (view[3] - y) / sy - h / 2;
    // the pixel of the raster before levelling that rotateImage drew there
    let rx = cos * px - sin * py + w / 2;
    let ry = sin * px + cos * py + h / 2;
    if (frame.upsideDown) [rx, ry] = [w - rx, h - ry];
    return [view[0] + rx * sx, view[3] - ry * sy];
  };
  const corners = [corner(box[0], box[1]), corner(box[2], box[1]), corner(box[0], box[3]), corner(box[2], box[3])];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const clamp = (v: number, lo: number, hi: number) => r2(Math.min(hi, Math.max(lo, v)));
  return [clamp(Math.min(...xs), view[0], view[2]), clamp(Math.min(...ys), view[1], view[3]), clamp(Math.max(...xs), view[0], view[2]), clamp(Math.max(...ys), view[1], view[3])];
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** Whether the frame changes anything: a page read as it was scanned keeps its boxes. */
const moves = (f: PageFrame) => f.levelledBy !== 0 || f.upsideDown;

/** Every pdf provenance of the blocks on an OCR page, taken back to that page's own points (in place). */
export function blocksToPageFrames(blocks: RawBlock[], frames: ReadonlyMap<number, PageFrame>): void {
  const map = (prov: PdfProvenanceLike[]) => {
    for (let i = 0; i < prov.length; i++) prov[i] = placeToPageFrame(prov[i]!, frames);
  };
  for (const b of blocks) {
    map(b.prov);
    if (b.type !== 'table') continue;
    for (const row of b.rows) {
      map(row.prov);
      for (const c of row.cells) map(c.prov);
      for (const c of row.covered ?? []) map(c.prov);
    }
  }
}

type PdfProvenanceLike = RawBlock['prov'][number];

/** One place taken back to its OCR page's own points; any other place as it is. */
export function placeToPageFrame<P extends PdfProvenanceLike>(place: P, frames: ReadonlyMap<number, PageFrame>): P {
  if (place.kind !== 'pdf') return place;
  const frame = frames.get(place.page);
  if (!frame || !moves(frame)) return place;
  return { ...place, bbox: toPageBox(frame, (place as PdfProvenance).bbox) };
}

/** The diagnostics' places on OCR pages, taken back to those pages' own points. */
export function diagnosticsToPageFrames(diagnostics: Diagnostic[], frames: ReadonlyMap<number, PageFrame>): Diagnostic[] {
  return diagnostics.map((d) => (d.place ? { ...d, place: placeToPageFrame(d.place, frames) } : d));
}
