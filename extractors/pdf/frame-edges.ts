/**
 * The outer edges of a ruled grid when its frame is not drawn. Many spreadsheets print only the
 * rules between rows and between columns (tabula's spreadsheet_no_bounding_frame.pdf), and an
 * `--area` that cuts through a table cuts off its frame (frx_2012_disclosure.pdf): the first and
 * last columns then have no vertical line on their outer side, yet the row rules run on to
 * where the table ends. So the grid reaches as far as the rules across it reach — taken from the
 * second-farthest rule, so that one stray long line does not add a column.
 */
export function closeFrame(positions: number[], crossing: { from: number; to: number }[], snap: number): number[] {
  if (positions.length === 0 || crossing.length < 2) return positions;
  const froms = crossing.map((l) => l.from).sort((a, b) => a - b);
  const tos = crossing.map((l) => l.to).sort((a, b) => b - a);
  const out = [...positions];
  if (froms[1]! < out[0]! - snap) out.unshift(froms[1]!);
  if (tos[1]! > out[out.length - 1]! + snap) out.push(tos[1]!);
  return out;
}
