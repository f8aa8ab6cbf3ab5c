import path from 'node:path';
import fs from 'node:fs';
import type { Cell, Diagnostic, Provenance, Table } from '../model/index.js';
import { diffDocuments } from '../pipeline/diff-documents.js';
import type { FailedCheck, FailedCheckRef, SearchHit, Store, StoredDocumentInfo } from '../store/index.js';
import { readSourceView, type SourceView } from './source-view.js';
import { LOW_CONFIDENCE } from '../../extractors/pdf/ocr/ocr-confidence.js';

/** One row of the review index. `failedChecks` is null when the database has no checks table. */
export interface IndexEntry {
  id: number;
  source: string;
  format: string | null;
  status: string;
  error: string | null;
  org: { code: string | null; name: string | null };
  year: number | null;
  docKind: string | null;
  tables: number;
  failedChecks: number | null;
  changedCells: number;
}

export interface IndexPage {
  page: 'index';
  db: string;
  hasChecks: boolean;
  documents: IndexEntry[];
}

/** A cell as the page shows it; `id` is "table.row.col". */
export interface ReviewCell {
  id: string;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  isHeader: boolean;
  text: string;
  prov: Provenance[];
  /** Read by OCR: its confidence (0–1). */
  confidence?: number;
  /** Read by OCR and to be checked against the scan: below LOW_CONFIDENCE, or flagged by a diagnostic (ocr-not-an-amount). */
  doubtful?: true;
}

export interface ReviewTable {
  order: number;
  title: string | null;
  kind: string;
  unit: string | null;
  meta: Table['meta'];
  columns: string[][];
  headerRows: number;
  nRows: number;
  nCols: number;
  cells: ReviewCell[];
  prov: Provenance[];
}

/** A reference of a check to a cell (tableOrder/row/col) or a sentence of prose (blockOrder). */
export type ReviewCheckRef = FailedCheckRef;

export type ReviewCheck = FailedCheck;

export interface DocumentPage {
  page: 'document';
  doc: IndexEntry & { encoding: string | null; extractor: string; sha256: string; bytes: number };
  nav: { prev: number | null; next: number | null };
  source: SourceView;
  tables: ReviewTable[];
  /** Failed checks; null when the database has no checks table. */
  checks: ReviewCheck[] | null;
  diagnostics: Diagnostic[];
  /** Cells changed by the last re-extraction ("table.row.col" → old text), when there was one. */
  changed: Record<string, string | null>;
}

/** A changed cell of a re-extracted document, for the run view. */
export interface ChangedCell {
  table: string;
  tableOrder: number | null;
  kind: 'added' | 'removed' | 'changed';
  bodyRow: number | null;
  row: number;
  col: number;
  column: string;
  before: string | null;
  after: string | null;
}

export interface RunsPage {
  page: 'runs';
  runs: { id: number; startedAt: string; finishedAt: string | null; toolVersion: string; counts: Record<string, number> | null }[];
  changes: { id: number; source: string; beforeRun: number; afterRun: number; beforeExtractor: string; afterExtractor: string; fields: string[]; cells: ChangedCell[] }[];
}

function toEntry(d: StoredDocumentInfo, failed: Map<number, number> | null, changedCells: number): IndexEntry {
  return {
    id: d.id,
    source: d.source,
    format: d.format,
    status: d.status,
    error: d.error,
    org: d.org,
    year: d.year,
    docKind: d.docKind,
    tables: d.tables,
    failedChecks: failed ? (failed.get(d.id) ?? 0) : null,
    changedCells,
  };
}

/** Cells changed by the last re-extraction of each document that was re-extracted. */
function changesOf(store: Store, docs: StoredDocumentInfo[]): Map<number, RunsPage['changes'][number]> {
  const out = new Map<number, RunsPage['changes'][number]>();
  for (const d of docs) {
    const change = store.lastChange(d.id);
    if (!change) continue;
    const diff = diffDocuments(change.before.document, change.after.document);
    const fields = diff.fields.map((f) => `${f.field}: ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`);
    if (change.before.status !== change.after.status) fields.unshift(`status: ${change.before.status} → ${change.after.status}`);
    out.set(d.id, {
      id: d.id,
      source: d.source,
      beforeRun: change.before.runId,
      afterRun: change.after.runId,
      beforeExtractor: change.before.extractor,
      afterExtractor: change.after.extractor,
      fields,
      cells: diff.tables.flatMap((t) =>
        t.cells.map((c) => ({
          table: t.title ?? '(untitled)',
          tableOrder: t.afterOrder,
          kind: c.kind,
          bodyRow: c.bodyRow,
          row: c.row,
          col: c.col,
          column: c.column,
          before: c.before,
          after: c.after,
        })),
      ),
    });
  }
  return out;
}

/** One hit of the full-text search, with the review page it leads to: the document page, with `#c=` (a row's label cell), `#t=` (a table) or `#L` (a prose line) when known. */
export type ReviewSearchHit = SearchHit & { href: string };

/**
 * The search page. Searching needs the database, so only the served review (`gongkai review`)
 * answers a query; a site written to disk (`--out`) has the page without one (`served` false).
 */
export interface SearchPage {
  page: 'search';
  db: string;
  served: boolean;
  query: string;
  hits: ReviewSearchHit[];
  /** More hits exist than `hits` holds. */
  more: boolean;
}

/** Hits shown on one search page: enough to scan, few enough to stay a page. */
export const SEARCH_PAGE_HITS = 200;

function searchHref(h: SearchHit): string {
  const doc = `doc-${h.documentId}.html`;
  if (h.kind === 'row' && h.tableOrd !== null && h.row !== null && h.col !== null) return `${doc}#c=${h.tableOrd}.${h.row}.${h.col}`;
  if (h.kind !== 'prose' && h.tableOrd !== null) return `${doc}#t=${h.tableOrd}`;
  if (h.kind === 'prose' && h.line !== null) return `${doc}#L${h.line}`;
  return doc;
}

/** Reads what the review pages show from one store. */
export class ReviewData {
  constructor(
    private readonly store: Store,
    /** The database file, as shown on the index. */
    private readonly dbName: string,
    /** Where relative source paths are resolved. */
    private readonly sourceRoot: string,
  ) {}

  /** The real paths of the files and folders the runs were given: sources are shown only from inside them. */
  private runRoots(): string[] {
    const roots = new Set<string>();
    for (const run of this.store.listRuns()) {
      for (const p of Array.isArray((run.options as { paths?: unknown })?.paths) ? ((run.options as { paths: unknown[] }).paths) : []) {
        if (typeof p !== 'string') continue;
        try {
          roots.add(fs.realpathSync(path.resolve(this.sourceRoot, p)));
        } catch {
          // gone since: nothing under it can be shown anyway
        }
      }
    }
    return [...roots];
  }

  documents(): StoredDocumentInfo[] {
    return this.store.listDocuments();
  }

  indexPage(): IndexPage {
    const docs = this.documents();
    const failed = this.store.failedCheckCounts();
    const changes = changesOf(this.store, docs);
    return {
      page: 'index',
      db: this.dbName,
      hasChecks: failed !== null,
      documents: docs.map((d) => toEntry(d, failed, changes.get(d.id)?.cells.length ?? 0)),
    };
  }

  /** The page of one document id; undefined when there is no such document. */
  documentPage(id: number): DocumentPage | undefined {
    const docs = this.documents();
    const i = docs.findIndex((d) => d.id === id);
    const info = docs[i];
    if (!info) return undefined;
    const document = this.store.readDocument(id);
    const change = changesOf(this.store, [info]).get(id);
    const changed: Record<string, string | null> = {};
    for (const c of change?.cells ?? []) if (c.tableOrder !== null && c.kind !== 'removed') changed[`${c.tableOrder}.${c.row}.${c.col}`] = c.before;
    const failed = this.store.failedCheckCounts();
    return {
      page: 'document',
      doc: {
        ...toEntry(info, failed, change?.cells.length ?? 0),
        encoding: info.encoding,
        extractor: `${info.extractorName}@${info.extractorVersion}`,
        sha256: info.sha256,
        bytes: info.bytes,
      },
      nav: { prev: docs[i - 1]?.id ?? null, next: docs[i + 1]?.id ?? null },
      source: readSourceView(info, this.sourceRoot, this.runRoots()),
      tables: (document?.tables ?? []).map((t) => toReviewTable(t, ocrFlagged(document?.diagnostics ?? []))),
      checks: this.store.failedChecks(id),
      diagnostics: document?.diagnostics ?? [],
      changed,
    };
  }

  /** The search page for `query` (through the store's full-text index); `served` false gives the page without hits. */
  searchPage(query: string, served: boolean): SearchPage {
    const q = served ? query.trim() : '';
    const hits = q ? this.store.search(q, SEARCH_PAGE_HITS + 1) : [];
    return {
      page: 'search',
      db: this.dbName,
      served,
      query: q,
      hits: hits.slice(0, SEARCH_PAGE_HITS).map((h) => ({ ...h, href: searchHref(h) })),
      more: hits.length > SEARCH_PAGE_HITS,
    };
  }

  runsPage(): RunsPage {
    const runs = this.store.listRuns().slice(-20).reverse();
    return {
      page: 'runs',
      runs: runs.map((r) => ({ id: r.id, startedAt: r.startedAt, finishedAt: r.finishedAt, toolVersion: r.toolVersion, counts: r.counts })),
      changes: [...changesOf(this.store, this.documents()).values()],
    };
  }
}

/** The places (page and box) of the cells OCR diagnostics flag. */
function ocrFlagged(diagnostics: readonly Diagnostic[]): Set<string> {
  return new Set(diagnostics.flatMap((d) => (d.code.startsWith('ocr-') && d.place?.kind === 'pdf' && d.place.ocr ? [pdfPlaceKey(d.place)] : [])));
}

const pdfPlaceKey = (p: Extract<Provenance, { kind: 'pdf' }>) => `${p.page}:${p.bbox.join(',')}`;

function toReviewTable(t: Table, flagged: Set<string> = new Set()): ReviewTable {
  return {
    order: t.order,
    title: t.title,
    kind: t.kind,
    unit: t.unit,
    meta: t.meta,
    columns: t.columns.map((c) => c.path),
    headerRows: t.headerRows,
    nRows: t.nRows,
    nCols: t.nCols,
    cells: t.cells.map((c: Cell) => {
      const cell: ReviewCell = { id: `${t.order}.${c.row}.${c.col}`, row: c.row, col: c.col, rowspan: c.rowspan, colspan: c.colspan, isHeader: c.isHeader, text: c.text, prov: c.prov };
      if (c.confidence === undefined) return cell;
      const doubtful = c.confidence < LOW_CONFIDENCE || c.prov.some((p) => p.kind === 'pdf' && flagged.has(pdfPlaceKey(p)));
      return { ...cell, confidence: c.confidence, ...(doubtful ? { doubtful: true as const } : {}) };
    }),
    prov: t.prov,
  };
}
