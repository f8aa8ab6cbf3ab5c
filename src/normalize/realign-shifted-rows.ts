import type { Provenance } from '../model/index.js';
import type { WorkCell, WorkRow } from './work-cell.js';

/**
 * Puts back a row a converter shifted one cell to the left (its empty first cell lost, an
 * empty cell added at the end; seed 002 L620 `质量指标 | 高压电缆… | … | 验收单 | `): the row is
 * moved right when more of its cells then match what the other rows hold in those columns.
 */
export function realignShiftedRows(rows: WorkRow[], width: number): WorkRow[] {
  const vocab = Array.from({ length: width }, (_, c) => {
    const seen = new Map<string, number>();
    for (const r of rows) {
      const t = r[c]?.text ?? '';
      if (t) seen.set(t, (seen.get(t) ?? 0) + 1);
    }
    return seen;
  });
  return rows.map((r) => {
    if (r.length !== width || r[0]!.text === '' || r[width - 1]!.text !== '') return r;
    // a value is known in a column when some other row has it there
    const known = (text: string, col: number) => text !== '' && (vocab[col]?.get(text) ?? 0) - (r[col]?.text === text ? 1 : 0) > 0;
    if (!known(r[0]!.text, 1)) return r;
    const here = r.filter((c, i) => known(c.text, i)).length;
    const shifted = r.slice(0, -1).filter((c, i) => known(c.text, i + 1)).length;
    return shifted > here ? [lostCellBefore(r[0]!), ...r.slice(0, -1)] : r;
  });
}

/** The empty cell the converter lost sat where the row now starts: a zero-width span there. */
function lostCellBefore(first: WorkCell): WorkCell {
  const p = first.prov[0];
  const at: Provenance[] = p?.kind === 'text' ? [{ kind: 'text', start: p.start, end: p.start }] : [];
  return { raw: '', text: '', prov: at };
}
