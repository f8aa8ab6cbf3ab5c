import type { Provenance, RawDocument, RawRow, RawTableBlock, RawTextBlock } from '../model/index.js';
import { cleanText, cleanTitle } from './clean-text.js';
import { isMetaLabelled, parseMetaParagraph, type MetaLine } from './metadata-lines.js';
import { findTitleInGrid } from './title-in-grid.js';

/** One logical table: its title, the metadata lines printed around it, and the printed pieces (pages) of it. */
export interface TableGroup {
  title: RawTextBlock | null;
  meta: MetaLine[];
  layout: RawTableBlock['layout'];
  /** Each piece's rows; later pieces are continuations (next page, or the next Word table under the same title). */
  parts: RawRow[][];
  prov: Provenance[];
  /** Index of the group's first table block in the raw document. */
  firstBlock: number;
  /** Where each continuation piece starts (its block's first provenance): a piece stitched on. */
  joins: Provenance[];
  /** Where the title was read from the table's own first row (title-in-grid.ts), else null. */
  titleInGrid: Provenance | null;
}

export interface GroupedBlocks {
  groups: TableGroup[];
  /** Raw blocks that were read as part of a table (its metadata lines, repeated page headers). */
  consumed: Set<number>;
}

/**
 * Pairs tables with their titles and stitches continuations. The text block before a table
 * (past any metadata lines) is its title; a table without one of its own — prose right above
 * it — takes the nearest heading above, if no table has taken it yet (`二、部门决算单位构成`,
 * then `纳入…编制范围的单位包括：`, then the table: corpus/real 2024 决算 p.4–5). A table that
 * follows another table with nothing but metadata lines between — a page header repeated by a
 * PDF, or nothing at all, as between the two Word tables of a 绩效目标表 — continues it.
 */
export function groupTables(raw: RawDocument): GroupedBlocks {
  const groups: TableGroup[] = [];
  const consumed = new Set<number>();
  let current: TableGroup | null = null;
  let title: { block: RawTextBlock; index: number } | null = null;
  let heading: RawTextBlock | null = null;
  let pendingMeta: { lines: MetaLine[]; index: number }[] = [];

  raw.blocks.forEach((b, i) => {
    if (b.type === 'table') {
      const metaIndexes = pendingMeta.map((m) => m.index);
      // a title printed inside the grid starts a table of its own, whatever is above it
      const inner = findTitleInGrid(b);
      if (inner) title = { block: inner.title, index: i };
      const rows = inner?.rows ?? b.rows;
      if (current && current.layout === b.layout && !inner) {
        current.parts.push(rows);
        current.prov = mergeSpan(current.prov, b.prov[0]);
        if (b.prov[0]) current.joins.push(b.prov[0]);
        metaIndexes.forEach((k) => consumed.add(k));
      } else {
        current = {
          title: title?.block ?? heading,
          meta: pendingMeta.flatMap((m) => m.lines),
          layout: b.layout,
          parts: [rows],
          prov: b.prov.slice(0, 1),
          firstBlock: i,
          joins: [],
          titleInGrid: inner ? (inner.title.prov[0] ?? b.prov[0] ?? null) : null,
        };
        metaIndexes.forEach((k) => consumed.add(k));
        groups.push(current);
        heading = null;
      }
      title = null;
      pendingMeta = [];
      return;
    }
    const text = cleanText(b.raw);
    // a line that reads as metadata is metadata in whatever size it is set: a PDF page whose
    // free text is mostly 9 pt (a table cell cut by the page break and read as prose) makes its
    // 10.5 pt 预算年度 line a heading (Chromium's print of seed 000, p. 11)
    const meta = b.type === 'paragraph' || b.type === 'heading' ? readMeta(text, pendingMeta) : null;
    if (meta) {
      if ('tail' in meta) appendOrgTail(pendingMeta, meta.tail, i);
      else pendingMeta.push({ lines: meta.lines, index: i });
      return;
    }
    current = null;
    pendingMeta = [];
    title = b.type !== 'toc' && isTitleLike(b.raw) ? { block: b, index: i } : null;
    if (isHeading(b)) heading = b;
  });
  return { groups, consumed };
}

/** Metadata lines, or the wrapped tail of the org line above (`430 秦皇岛…机关事务服` / `务中心`). */
function readMeta(text: string, pending: { lines: MetaLine[] }[]): { lines: MetaLine[] } | { tail: string } | null {
  const lines = parseMetaParagraph(text);
  if (lines) return { lines };
  const last = pending[pending.length - 1]?.lines;
  const lastLine = last?.[last.length - 1];
  // a cover's 目录 follows its 预算主管部门 line: no wrapped name
  if (lastLine?.field === 'org' && /^\p{Script=Han}{1,8}$/u.test(text) && !/[表况算]$/u.test(text) && text !== '目录') return { tail: text };
  return null;
}

function appendOrgTail(pending: { lines: MetaLine[]; index: number }[], tail: string, index: number): void {
  const entry = pending[pending.length - 1]!;
  const org = entry.lines[entry.lines.length - 1]!;
  if (org.field !== 'org') return;
  entry.lines[entry.lines.length - 1] = { ...org, name: org.name + tail, text: org.text + tail };
  pending.push({ lines: [], index });
}

function isTitleLike(raw: string): boolean {
  const t = cleanTitle(raw);
  return t.length > 0 && t.length <= 80 && !/[。；;:：]$/u.test(t) && !isMetaLabelled(t);
}

/** A section heading: set as one, or a short numbered line (`二、部门决算单位构成`) that is no sentence. */
const NUMBERED_HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)/u;
function isHeading(b: RawTextBlock): boolean {
  if (b.type === 'toc' || !isTitleLike(b.raw)) return false;
  const t = cleanText(b.raw);
  return (b.type === 'heading' || NUMBERED_HEADING.test(t)) && t.length <= 40 && !/[。，,；;]/u.test(t);
}

function spanOf(a: Provenance | undefined, b: Provenance | undefined): Provenance {
  if (a?.kind === 'text' && b?.kind === 'text') return { kind: 'text', start: a.start, end: b.end };
  return (a ?? b)!;
}

/** A table's provenance: its first piece's start to its last piece's end. */
function mergeSpan(prov: Provenance[], next: Provenance | undefined): Provenance[] {
  return [spanOf(prov[0], next)];
}
