import fs from 'node:fs';
import type { Cell, Document, Table } from '../../src/model/index.js';
import { extractDocument } from '../../src/pipeline/extract-document.js';
import { classifyTableKind } from '../../src/domain/table-kinds.js';
import { seedPath } from '../support/corpus.js';

/**
 * A table built in memory: one header row of paths joined with "/", then body rows; cell (r, c)
 * of the body sits on source line 100 + r, so that checks can be asserted to point at lines.
 */
export function buildTable(spec: { title: string; unit?: string | null; columns: string[]; rows: string[][]; order?: number; kind?: string }): Table {
  const cells: Cell[] = [];
  const at = (line: number, column: number, length: number) => [
    { kind: 'text' as const, start: { line, column, offset: line * 100 + column }, end: { line, column: column + length, offset: line * 100 + column + length } },
  ];
  spec.columns.forEach((c, i) => cells.push({ row: 0, col: i, rowspan: 1, colspan: 1, isHeader: true, text: c, raw: c, value: null, prov: at(1, i + 1, c.length) }));
  spec.rows.forEach((r, ri) => r.forEach((text, ci) => cells.push({ row: ri + 1, col: ci, rowspan: 1, colspan: 1, isHeader: false, text, raw: text, value: null, prov: at(100 + ri, ci + 1, text.length) })));
  return {
    order: spec.order ?? 0,
    title: spec.title,
    titleRaw: spec.title,
    kind: spec.kind ?? classifyTableKind(spec.title),
    unit: spec.unit === undefined ? '万元' : spec.unit,
    meta: { org: null, year: null, unit: spec.unit ?? null, asOf: null },
    columns: spec.columns.map((c, index) => ({ index, path: c.split('/') })),
    headerRows: 1,
    nRows: spec.rows.length,
    nCols: spec.columns.length,
    cells,
    prov: at(1, 1, 1),
  };
}

/** A document around tables and prose paragraphs (paragraph k on line 1000 + k). */
export function buildDocument(tables: Table[], paragraphs: string[] = [], year = 2022): Document {
  return {
    schemaVersion: 1,
    format: 'word-text',
    encoding: 'utf-8',
    extractor: { name: 'test', version: '0' },
    org: { code: '434', name: '政府办' },
    year,
    docKind: '预算',
    blocks: paragraphs.map((text, k) => ({
      order: k,
      type: /^[一二三四五六七八九十]+、/.test(text) && text.length < 30 && !/万元/.test(text) ? 'heading' : 'paragraph',
      text,
      tableOrder: null,
      prov: [{ kind: 'text', start: { line: 1000 + k, column: 1, offset: 0 }, end: { line: 1000 + k, column: text.length + 1, offset: text.length } }],
    })),
    tables: tables.map((t, i) => ({ ...t, order: i })),
    diagnostics: [],
  };
}

/** A seed through the real pipeline (extract → normalize → enrich), from its file or from changed text. */
export function seedDocument(seed: string, text?: string): Document {
  const bytes = text === undefined ? fs.readFileSync(seedPath(seed)) : Buffer.from(text, 'utf8');
  const r = extractDocument(new Uint8Array(bytes));
  if (!r.ok) throw new Error(`${seed}: ${r.error}`);
  return r.document;
}

/** The seed's text. */
export function seedText(seed: string): string {
  return fs.readFileSync(seedPath(seed), 'utf8');
}

/** The first text line of a provenance list. */
export function lineOf(prov: { kind: string; start?: { line: number } }[]): number | null {
  const p = prov[0];
  return p && p.kind === 'text' && p.start ? p.start.line : null;
}
