import type { Cell, Document, Provenance, Table } from '../model/index.js';

/** How one cell changed between two extractions. */
export interface CellChange {
  kind: 'added' | 'removed' | 'changed';
  /** The stored row (header rows first). */
  row: number;
  /** 1-based body row, or null for a header cell. */
  bodyRow: number | null;
  col: number;
  /** The column's header path in the newer extraction (the older one for removed cells). */
  column: string;
  before: string | null;
  after: string | null;
  beforeProv: Provenance[];
  afterProv: Provenance[];
}

export interface TableChange {
  kind: 'added' | 'removed' | 'changed';
  title: string | null;
  beforeOrder: number | null;
  afterOrder: number | null;
  cells: CellChange[];
  /** Header paths that differ, as "before → after". */
  columns: string[];
}

export interface DocumentDiff {
  tables: TableChange[];
  /** Document-level fields that changed (org, year, status, …). */
  fields: { field: string; before: unknown; after: unknown }[];
}

/**
 * What changed between two extractions of one document: tables matched by title (and their
 * order among tables of the same title), cells by position; unchanged tables are left out.
 */
export function diffDocuments(before: Document | null, after: Document | null): DocumentDiff {
  const fields: DocumentDiff['fields'] = [];
  for (const [field, a, b] of [
    ['org', before?.org, after?.org],
    ['year', before?.year, after?.year],
    ['docKind', before?.docKind, after?.docKind],
    ['extractor', before && `${before.extractor.name}@${before.extractor.version}`, after && `${after.extractor.name}@${after.extractor.version}`],
  ] as const) {
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) fields.push({ field, before: a ?? null, after: b ?? null });
  }
  const beforeTables = keyed(before?.tables ?? []);
  const afterTables = keyed(after?.tables ?? []);
  const tables: TableChange[] = [];
  for (const [key, t] of afterTables) {
    const old = beforeTables.get(key);
    if (!old) tables.push({ kind: 'added', title: t.title, beforeOrder: null, afterOrder: t.order, cells: t.cells.map((c) => cellChange('added', c, null, t)), columns: [] });
    else {
      const change = diffTable(old, t);
      if (change) tables.push(change);
    }
  }
  for (const [key, t] of beforeTables) {
    if (!afterTables.has(key)) tables.push({ kind: 'removed', title: t.title, beforeOrder: t.order, afterOrder: null, cells: t.cells.map((c) => cellChange('removed', null, c, t)), columns: [] });
  }
  tables.sort((a, b) => (a.afterOrder ?? a.beforeOrder ?? 0) - (b.afterOrder ?? b.beforeOrder ?? 0));
  return { tables, fields };
}

/** Tables keyed by title and occurrence ("部门预算收入总表#0"), so inserted tables do not shift the rest. */
function keyed(tables: Table[]): Map<string, Table> {
  const seen = new Map<string, number>();
  const out = new Map<string, Table>();
  for (const t of tables) {
    const title = t.title ?? '(untitled)';
    const n = seen.get(title) ?? 0;
    seen.set(title, n + 1);
    out.set(`${title}#${n}`, t);
  }
  return out;
}

function diffTable(before: Table, after: Table): TableChange | null {
  const at = (t: Table) => new Map(t.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const b = at(before);
  const a = at(after);
  const cells: CellChange[] = [];
  for (const [k, c] of a) {
    const old = b.get(k);
    if (!old) cells.push(cellChange('added', c, null, after));
    else if (old.text !== c.text) cells.push(cellChange('changed', c, old, after));
  }
  for (const [k, c] of b) if (!a.has(k)) cells.push(cellChange('removed', null, c, before));
  cells.sort((x, y) => x.row - y.row || x.col - y.col);
  const columns: string[] = [];
  const n = Math.max(before.columns.length, after.columns.length);
  for (let i = 0; i < n; i++) {
    const x = before.columns[i]?.path.join('/') ?? '∅';
    const y = after.columns[i]?.path.join('/') ?? '∅';
    if (x !== y) columns.push(`${x} → ${y}`);
  }
  if (cells.length === 0 && columns.length === 0) return null;
  return { kind: 'changed', title: after.title, beforeOrder: before.order, afterOrder: after.order, cells, columns };
}

function cellChange(kind: CellChange['kind'], after: Cell | null, before: Cell | null, table: Table): CellChange {
  const c = (after ?? before)!;
  return {
    kind,
    row: c.row,
    bodyRow: c.row >= table.headerRows ? c.row - table.headerRows + 1 : null,
    col: c.col,
    column: table.columns[c.col]?.path.join('/') ?? '',
    before: before?.text ?? null,
    after: after?.text ?? null,
    beforeProv: before?.prov ?? [],
    afterProv: after?.prov ?? [],
  };
}
