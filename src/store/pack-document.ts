import type { Document, PackedDocument, PackedRow, Provenance } from '../model/index.js';

/** One row's values in its table's column order (src/model/packed-document.ts). */
export type Row = PackedRow;

/** The rows of a Document, in the order the store writes them (write-document.ts). Pure: runs in a worker. */
export function packDocument(doc: Document): PackedDocument {
  return {
    head: {
      format: doc.format,
      encoding: doc.encoding ?? null,
      extractorName: doc.extractor.name,
      extractorVersion: doc.extractor.version,
      docScope: doc.docScope ?? null,
      orgCode: doc.org.code ?? null,
      orgName: doc.org.name ?? null,
      year: doc.year ?? null,
      docKind: doc.docKind ?? null,
      schemaVersion: doc.schemaVersion,
      status: doc.diagnostics.some((d) => d.severity === 'error') ? 'partial' : 'ok',
      tables: doc.tables.length,
      cells: doc.tables.reduce((n, t) => n + t.cells.length, 0),
      ocrPages: doc.diagnostics.filter((d) => d.code === 'pdf-ocr-page').length,
    },
    blocks: doc.blocks.map((b) => [0, b.order, b.type, b.text, b.tableOrder, JSON.stringify(b.prov)]),
    tables: doc.tables.map((t) => {
      const [firstLine, lastLine] = lineRange(t.prov);
      const [firstPage, lastPage] = pageRange(t.prov);
      return {
        table: [0, t.order, t.title, t.titleRaw, t.kind, t.unit, t.meta.org, t.meta.year, t.meta.unit, t.meta.asOf, t.headerRows, t.nRows, t.nCols, t.panels ? JSON.stringify(t.panels) : null, JSON.stringify(t.prov), firstLine, lastLine, firstPage, lastPage],
        columns: t.columns.map((c) => [0, t.order, c.index, JSON.stringify(c.path), c.path.join('/')]),
        cells: t.cells.map((c) => {
          const p = c.prov[0];
          const text = p?.kind === 'text' ? p : null;
          const pdf = p?.kind === 'pdf' ? p : null;
          return [
            0, t.order, c.row, c.col, c.rowspan, c.colspan, c.isHeader ? 1 : 0, c.text, c.raw, c.value, JSON.stringify(c.prov), p?.kind ?? null,
            text?.start.line ?? null, text?.start.column ?? null, text?.start.offset ?? null, text?.end.line ?? null, text?.end.column ?? null, text?.end.offset ?? null,
            pdf?.page ?? null, pdf?.bbox[0] ?? null, pdf?.bbox[1] ?? null, pdf?.bbox[2] ?? null, pdf?.bbox[3] ?? null, c.confidence ?? null,
          ];
        }),
      };
    }),
    diagnostics: doc.diagnostics.map((d, k) => [0, k, d.severity, d.code, d.stage, d.message, d.place ? JSON.stringify(d.place) : null]),
    domain: doc.checks ? packDomain(doc) : null,
  };
}

function packDomain(doc: Document): NonNullable<PackedDocument['domain']> {
  const domain: NonNullable<PackedDocument['domain']> = {
    tables: doc.tables.map((t) => ({
      rows: (t.rowInfo ?? []).map((r) => {
        const c = r.classification;
        return [0, t.order, r.row, r.panel ?? 0, r.label, c?.system ?? null, c?.code ?? null, c?.level ?? null, c?.parent ?? null];
      }),
      amounts: (t.amounts ?? []).map((a) => [0, t.order, a.row, a.col, a.printed, a.value, a.decimals, a.unit, a.yuan, a.item, JSON.stringify(a.column), a.column.join('/'), a.panel ?? 0]),
      indicators: (t.indicators ?? []).map((v) => [0, t.order, v.row, v.col, v.kind, v.operator, v.number, v.upper, v.unit, v.raw]),
    })),
    checks: [],
  };
  (doc.checks ?? []).forEach((c, k) => {
    domain.checks.push({
      check: [0, k, c.rule, c.name, c.status, c.severity, c.message, c.expected, c.actual, c.difference, c.unit],
      refs: c.refs.map((r, j) => {
        const [line, page] = firstPlace(r.prov);
        return [0, k, j, r.role, r.tableOrder, r.row, r.col, r.blockOrder, r.text, r.value, r.unit, r.label, JSON.stringify(r.prov), line, page];
      }),
    });
  });
  return domain;
}

function lineRange(prov: Provenance[]): [number | null, number | null] {
  const text = prov.filter((p) => p.kind === 'text');
  if (!text.length) return [null, null];
  return [Math.min(...text.map((p) => p.start.line)), Math.max(...text.map((p) => p.end.line))];
}

function pageRange(prov: Provenance[]): [number | null, number | null] {
  const pages = prov.filter((p) => p.kind === 'pdf').map((p) => p.page);
  return pages.length ? [Math.min(...pages), Math.max(...pages)] : [null, null];
}

function firstPlace(prov: Provenance[]): [number | null, number | null] {
  const p = prov[0];
  return [p?.kind === 'text' ? p.start.line : null, p?.kind === 'pdf' ? p.page : null];
}

/** The row with its document id in the first place (a packed row is written once, so it is filled in place). */
export function withId(row: Row, id: number): Row {
  row[0] = id;
  return row;
}
