import type { Block, Cell, Column, Diagnostic, Document, Provenance, RawDocument, RawRow, RawTableBlock, RawTextBlock, Table, TableMeta } from '../model/index.js';
import { Document as DocumentSchema } from '../model/index.js';
import { isNumeric, parseAmount } from '../domain/amount.js';
import { inferDocumentMeta } from '../domain/document-meta.js';
import { classifyTableKind } from '../domain/table-kinds.js';
import { cleanText, cleanTitle } from './clean-text.js';
import { resolveHeaderLayout } from './header-paths.js';
import { parseMetaRow, type MetaLine } from './metadata-lines.js';
import { joinSplitRows } from './split-rows.js';

/** A table as printed, with the title that precedes it: the unit normalisation works on. */
interface TableGroup {
  title: RawTextBlock | null;
  rows: RawRow[];
  prov: Provenance[];
  blockIndex: number;
}

interface CleanRow {
  raw: RawRow;
  texts: string[];
}

/** The first cell words of a column-number row (栏次; 档次 is a common OCR/convert misreading). */
const COLUMN_NUMBER_ROW = new Set(['栏次', '档次']);
/** Header rows printed below a leading block of body rows (绩效目标表: project info first). */
const LATE_HEADER_FIRST_CELL = new Set(['一级指标']);
const MAX_HEADER_ROWS = 4;

/**
 * Raw blocks → canonical Document: tables get their titles, metadata lines, header paths and
 * clean body rows; prose is kept as blocks. Works on any format's RawDocument.
 */
export function normalizeDocument(raw: RawDocument): Document {
  const diagnostics: Diagnostic[] = [...raw.diagnostics];
  const groups = groupTables(raw);
  const tables: Table[] = [];
  const orgLines: { code: string; name: string }[] = [];
  const blocks: Block[] = [];
  const groupByBlock = new Map(groups.map((g) => [g.blockIndex, g]));
  const absorbed = new Set<number>();
  for (const g of groups) for (let k = g.blockIndex + 1; k < raw.blocks.length && raw.blocks[k]!.type === 'table' && !groupByBlock.has(k); k++) absorbed.add(k);

  raw.blocks.forEach((b, i) => {
    if (b.type !== 'table') {
      blocks.push({ order: blocks.length, type: b.type, text: cleanText(b.raw), tableOrder: null, prov: b.prov });
      return;
    }
    if (absorbed.has(i)) return;
    const g = groupByBlock.get(i)!;
    const { table, org, diagnostics: d } = buildTable(g, tables.length);
    tables.push(table);
    if (org) orgLines.push(org);
    diagnostics.push(...d);
    blocks.push({ order: blocks.length, type: 'table', text: table.title ?? '', tableOrder: table.order, prov: g.prov });
  });

  const texts = blocks.filter((b) => b.type !== 'table').map((b) => b.text);
  const meta = inferDocumentMeta(tables, texts, orgLines);
  return DocumentSchema.parse({
    schemaVersion: 1,
    format: raw.format,
    encoding: raw.encoding,
    extractor: raw.extractor,
    org: meta.org,
    year: meta.year,
    docKind: meta.docKind,
    blocks,
    tables,
    diagnostics,
  });
}

/**
 * Pairs each table with its title, the text block right before it. A table block that follows
 * another with nothing but blank lines between has no title of its own and continues it (the
 * 绩效目标 row and the indicator rows are two Word tables under one title).
 */
function groupTables(raw: RawDocument): TableGroup[] {
  const groups: TableGroup[] = [];
  let current: TableGroup | null = null;
  raw.blocks.forEach((b, i) => {
    if (b.type !== 'table') {
      current = null;
      return;
    }
    if (current) {
      current.rows.push(...b.rows);
      current.prov = [spanOf(current.prov[0], b.prov[0])];
      return;
    }
    const prev = raw.blocks[i - 1];
    const title = prev && prev.type !== 'table' && isTitleLike(prev.raw) ? prev : null;
    current = { title, rows: [...b.rows], prov: b.prov.slice(0, 1), blockIndex: i };
    groups.push(current);
  });
  return groups;
}

function isTitleLike(raw: string): boolean {
  const t = cleanTitle(raw);
  return t.length > 0 && t.length <= 80 && !/[。；;:：]$/u.test(t);
}

function spanOf(a: Provenance | undefined, b: Provenance | undefined): Provenance {
  if (a?.kind === 'text' && b?.kind === 'text') return { kind: 'text', start: a.start, end: b.end };
  return (a ?? b)!;
}

function buildTable(g: TableGroup, order: number): { table: Table; org: { code: string; name: string } | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let rows: CleanRow[] = g.rows.map((r) => ({ raw: r, texts: r.cells.map((c) => cleanText(c.raw)) }));

  // org / year / unit lines under the title
  const metaLines: MetaLine[] = [];
  while (rows.length) {
    const parsed = parseMetaRow(rows[0]!.texts);
    if (!parsed) break;
    metaLines.push(...parsed);
    rows = rows.slice(1);
  }
  const meta = tableMeta(metaLines);
  const orgLine = metaLines.find((l) => l.field === 'org');
  rows = rows.filter((r) => r.texts.some((t) => t !== ''));

  const width = tableWidth(rows);
  const { header, numbers, before, after } = splitHeader(rows, width);
  const layout = resolveHeaderLayout(header.map((r) => r.texts), numbers ? Math.max(width, numbers.texts.length) : width);
  const nCols = layout.paths.length;
  const place = g.title?.prov[0] ?? g.prov[0];
  for (const d of layout.diagnostics) diagnostics.push({ ...d, stage: 'normalize', ...(place ? { place } : {}) });

  const cells: Cell[] = [];
  header.forEach((r, ri) => {
    for (const pc of layout.rows[ri]!) {
      if (pc.mergedAbove) continue;
      const rc = r.raw.cells[pc.index]!;
      cells.push(makeCell(ri, pc.start, pc.text, rc.raw, rc.prov, true, pc.rowspan, pc.end - pc.start));
    }
  });
  if (numbers) numbers.raw.cells.forEach((rc, ci) => cells.push(makeCell(header.length, ci, numbers.texts[ci]!, rc.raw, rc.prov, true)));
  const headerRows = header.length + (numbers ? 1 : 0);

  const groupsAfter = joinSplitRows(after.map((r) => r.texts.length), nCols);
  const bodyRows: { raw: RawRow['cells']; texts: string[] }[] = [
    ...before.map((r) => ({ raw: r.raw.cells, texts: r.texts })),
    ...groupsAfter.map((ix) => ({ raw: ix.flatMap((i) => after[i]!.raw.cells), texts: ix.flatMap((i) => after[i]!.texts) })),
  ];
  bodyRows.forEach((r, bi) => {
    r.texts.forEach((text, ci) => cells.push(makeCell(headerRows + bi, ci, text, r.raw[ci]!.raw, r.raw[ci]!.prov, false)));
  });

  const columns: Column[] = layout.paths.map((path, index) => ({ index, path }));
  const title = g.title ? cleanTitle(g.title.raw) : null;
  const table: Table = {
    order,
    title,
    titleRaw: g.title?.raw ?? null,
    kind: classifyTableKind(title),
    unit: meta.unit ?? unitFromHeader(layout.paths),
    meta,
    columns,
    headerRows,
    nRows: bodyRows.length,
    nCols,
    cells,
    prov: [...(g.title ? g.title.prov : []), ...g.prov],
  };
  return { table, org: orgLine && orgLine.field === 'org' ? { code: orgLine.code, name: orgLine.name } : null, diagnostics };
}

function makeCell(row: number, col: number, text: string, raw: string, prov: Provenance[], isHeader: boolean, rowspan = 1, colspan = 1): Cell {
  return { row, col, rowspan, colspan, isHeader, text, raw, value: isHeader ? null : parseAmount(text), prov };
}

function tableMeta(lines: MetaLine[]): TableMeta {
  const meta: TableMeta = { org: null, year: null, unit: null, asOf: null };
  for (const l of lines) {
    if (l.field === 'org') meta.org ??= l.text;
    else if (l.field === 'year') meta.year ??= l.year;
    else if (l.field === 'unit') meta.unit ??= l.unit;
    else if (l.field === 'asOf') meta.asOf ??= l.date;
  }
  return meta;
}

/** A unit printed inside a header, e.g. 价值（金额单位：万元）. */
function unitFromHeader(paths: string[][]): string | null {
  for (const p of paths) for (const h of p) {
    const m = /单位[:：]\s*([^）)\s]+)/u.exec(h);
    if (m) return m[1]!;
  }
  return null;
}

/** The number of columns: the 栏次 row's, else the most common row length (ties: the wider). */
function tableWidth(rows: CleanRow[]): number {
  const numbers = rows.find((r) => COLUMN_NUMBER_ROW.has(r.texts[0] ?? ''));
  if (numbers) return numbers.texts.length;
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.texts.length, (counts.get(r.texts.length) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [len, n] of counts) if (n > bestCount || (n === bestCount && len > best)) [best, bestCount] = [len, n];
  return best;
}

/**
 * Header rows, the 栏次 row, and the body rows printed before and after the header. The header
 * is: everything above the 栏次 row; else a late header row (一级指标 …) with the rows before it
 * kept as body; else the first row, and each next row while the row above it is narrower than
 * the table (its merged cells need the row below) and it holds no numbers.
 */
function splitHeader(rows: CleanRow[], width: number): { header: CleanRow[]; numbers: CleanRow | null; before: CleanRow[]; after: CleanRow[] } {
  const n = rows.findIndex((r) => COLUMN_NUMBER_ROW.has(r.texts[0] ?? ''));
  if (n >= 0) return { header: rows.slice(0, n), numbers: rows[n]!, before: [], after: rows.slice(n + 1) };
  const late = rows.findIndex((r) => LATE_HEADER_FIRST_CELL.has(r.texts[0] ?? ''));
  if (late >= 0) return { header: [rows[late]!], numbers: null, before: rows.slice(0, late), after: rows.slice(late + 1) };
  if (rows.length === 0) return { header: [], numbers: null, before: [], after: [] };
  let h = 1;
  while (h < rows.length && h < MAX_HEADER_ROWS && rows[h - 1]!.texts.length < width && !rows[h]!.texts.some(isNumeric)) h++;
  return { header: rows.slice(0, h), numbers: null, before: [], after: rows.slice(h) };
}
