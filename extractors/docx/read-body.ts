import type { Diagnostic, DocxProvenance, RawBlock, RawCell, RawCoveredCell, RawRow, RawTableBlock } from '../../src/model/index.js';
import { child, elements, textOf, type XmlElement } from './xml.js';
import type { StyleSheet } from './read-styles.js';

/**
 * WordprocessingML body → raw blocks, in document order. Reads the XML itself rather than
 * through mammoth: mammoth 1.13 drops every rowspan and the header of a table that has a
 * bookmark directly inside w:tbl ("unexpected non-row element in table"), which government
 * files have all over. Element references are ECMA-376 Part 1 §17 (w:p §17.3.1.22, w:tbl §17.4.38).
 */

/** Containers that only wrap content and are read through: content controls (§17.5.2), custom XML (§17.5.1), smart tags. */
const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:smartTag', 'w:ins', 'w:moveTo']);

interface FieldState {
  /** 'code' until w:fldChar separate, then 'result' (§17.16.18). */
  phase: 'code' | 'result';
  instr: string;
}

interface ReadContext {
  styles: StyleSheet;
  diagnostics: Diagnostic[];
  /** Open complex fields; carried over paragraphs (a TOC field's result spans many), reset per cell. */
  fields: FieldState[];
}

/** What one paragraph holds once field codes, deleted and hidden text are left out. */
interface ParagraphText {
  text: string;
  /** A TC field, a _Toc bookmark or a heading style: what Word would list in a table of contents. */
  heading: boolean;
  /** A table-of-contents entry: TOC style, inside a TOC field's result, or a PAGEREF field. */
  toc: boolean;
}

/** The body's blocks; tables in `grid` layout with true spans. */
export function readBody(body: XmlElement, styles: StyleSheet): { blocks: RawBlock[]; diagnostics: Diagnostic[] } {
  const ctx: ReadContext = { styles, diagnostics: [], fields: [] };
  const blocks: RawBlock[] = [];
  let block = 0;
  let table = 0;
  for (const el of unwrap(elements(body))) {
    if (el.name === 'w:p') {
      const p = readParagraph(el, ctx);
      const prov: DocxProvenance = { kind: 'docx', block };
      if (p.text.trim() !== '') blocks.push({ type: p.toc ? 'toc' : p.heading ? 'heading' : 'paragraph', raw: p.text, prov: [prov] });
      block++;
    } else if (el.name === 'w:tbl') {
      blocks.push(readTable(el, block, table, ctx));
      block++;
      table++;
    }
  }
  if (ctx.fields.length) ctx.diagnostics.push(warning('docx-field-unclosed', `${ctx.fields.length} field(s) left open at the end of the body`));
  return { blocks, diagnostics: ctx.diagnostics };
}

/** Block-level content with content controls and custom XML read through. */
function unwrap(els: XmlElement[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const el of els) {
    if (WRAPPERS.has(el.name)) out.push(...unwrap(elements(el)));
    else out.push(el);
  }
  return out;
}

function readTable(tbl: XmlElement, block: number, table: number, ctx: ReadContext): RawTableBlock {
  // rows may sit inside content controls or custom XML; bookmarks, permission marks and
  // proofing marks between rows (§17.13.6.2 allows them there) are not rows and are skipped
  const trs = unwrap(elements(tbl)).filter((e) => e.name === 'w:tr');
  const gridCols = elements(child(tbl, 'w:tblGrid') ?? { name: '', attrs: {}, children: [] }).filter((e) => e.name === 'w:gridCol').length;
  const rows: RawRow[] = [];
  /** Regions open for w:vMerge continuation, by their first grid column. */
  let open = new Map<number, RawCell>();
  trs.forEach((tr, r) => {
    const trPr = child(tr, 'w:trPr');
    const isHeader = onOff(child(trPr, 'w:tblHeader'));
    let col = intVal(child(trPr, 'w:gridBefore')) ?? 0;
    const cells: RawCell[] = [];
    const covered: RawCoveredCell[] = [];
    const nextOpen = new Map<number, RawCell>();
    unwrap(elements(tr))
      .filter((e) => e.name === 'w:tc')
      .forEach((tc, c) => {
        const tcPr = child(tc, 'w:tcPr');
        const span = Math.max(1, intVal(child(tcPr, 'w:gridSpan')) ?? 1);
        const vMerge = child(tcPr, 'w:vMerge');
        const hMerge = child(tcPr, 'w:hMerge');
        const place: DocxProvenance = { kind: 'docx', block, table, row: r, cell: c };
        const content = readCell(tc, place, ctx);
        const last = cells[cells.length - 1];
        // legacy horizontal merge (§17.4.22): a "continue" cell widens the cell before it
        if (hMerge && hMerge.attrs['w:val'] !== 'restart' && last && last.col! + last.colspan! === col) {
          last.colspan! += span;
          col += span;
          return;
        }
        if (vMerge && vMerge.attrs['w:val'] !== 'restart') {
          const origin = open.get(col);
          if (origin && origin.colspan === span) {
            origin.rowspan! += 1;
            covered.push({ col, colspan: span, prov: content.prov });
            nextOpen.set(col, origin);
            if (content.raw.trim() !== '') ctx.diagnostics.push(warning('docx-merged-text-dropped', `text in a cell that continues a vertical merge is not shown by Word: ${JSON.stringify(content.raw.slice(0, 40))}`, place));
            col += span;
            return;
          }
          ctx.diagnostics.push(warning('docx-vmerge-without-origin', `table ${table} row ${r} cell ${c} continues a vertical merge, but no merged cell of the same columns is above it; read as a cell of its own`, place));
        }
        const cell: RawCell = { raw: content.raw, prov: content.prov, col, rowspan: 1, colspan: span, isHeader };
        cells.push(cell);
        if (vMerge) nextOpen.set(col, cell);
        col += span;
      });
    open = nextOpen;
    rows.push({ cells, prov: [{ kind: 'docx', block, table, row: r }], ...(covered.length ? { covered } : {}) });
  });
  const width = Math.max(gridCols, ...rows.flatMap((row) => row.cells.map((c) => c.col! + c.colspan!)));
  if (gridCols && width > gridCols) ctx.diagnostics.push(warning('docx-grid-overflow', `table ${table} has cells past its ${gridCols} grid columns (up to ${width})`, { kind: 'docx', block, table }));
  return { type: 'table', layout: 'grid', rows, prov: [{ kind: 'docx', block, table }] };
}

/**
 * A cell's paragraphs joined with "\n" (as Word's text export prints them), one provenance
 * piece per paragraph. A table nested in the cell is read into the cell, one line per nested
 * cell, and reported.
 */
function readCell(tc: XmlElement, place: DocxProvenance, ctx: ReadContext): { raw: string; prov: DocxProvenance[] } {
  const lines: string[] = [];
  const prov: DocxProvenance[] = [];
  ctx.fields = [];
  let paragraph = 0;
  for (const el of unwrap(elements(tc))) {
    if (el.name === 'w:p') {
      lines.push(readParagraph(el, ctx).text);
      prov.push({ ...place, paragraph: paragraph++ });
    } else if (el.name === 'w:tbl') {
      ctx.diagnostics.push(warning('docx-nested-table', 'a table nested inside a table cell; its cells are read into the outer cell, one line each', place));
      const nested = readTable(el, place.block, place.table!, { ...ctx, diagnostics: [] });
      for (const row of nested.rows) for (const c of row.cells) if (c.raw.trim() !== '') lines.push(c.raw);
      prov.push({ ...place });
    }
  }
  if (ctx.fields.length) {
    ctx.diagnostics.push(warning('docx-field-unclosed', 'a field left open at the end of a table cell', place));
    ctx.fields = [];
  }
  if (prov.length === 0) prov.push({ ...place });
  return { raw: lines.join('\n'), prov };
}

function readParagraph(p: XmlElement, ctx: ReadContext): ParagraphText {
  const pPr = child(p, 'w:pPr');
  const style = ctx.styles.paragraph(child(pPr, 'w:pStyle')?.attrs['w:val']);
  const outline = intVal(child(pPr, 'w:outlineLvl'));
  const out: ParagraphText = {
    text: '',
    heading: style.heading || (outline !== undefined && outline < 9),
    toc: style.toc || ctx.fields.some((f) => /^\s*TOC\b/.test(f.instr) && f.phase === 'result'),
  };
  readInline(elements(p), ctx, out, false);
  return out;
}

/** Inline content: runs and what wraps them (hyperlinks, fields, content controls, insertions). */
function readInline(els: XmlElement[], ctx: ReadContext, out: ParagraphText, hidden: boolean): void {
  for (const el of els) {
    switch (el.name) {
      case 'w:r':
        readRun(el, ctx, out, hidden);
        break;
      case 'w:hyperlink':
      case 'w:fldSimple':
      case 'w:sdt':
      case 'w:sdtContent':
      case 'w:customXml':
      case 'w:smartTag':
      case 'w:ins':
      case 'w:moveTo':
      case 'w:dir':
      case 'w:bdo':
        if (el.name === 'w:fldSimple') noteField(el.attrs['w:instr'] ?? '', out);
        readInline(elements(el), ctx, out, hidden);
        break;
      case 'w:bookmarkStart':
        if (/^_Toc/.test(el.attrs['w:name'] ?? '')) out.heading = true;
        break;
      default:
        // w:del, w:moveFrom (deleted text), bookmarks, comments, proofing marks, w:pPr: no text
        break;
    }
  }
}

function readRun(r: XmlElement, ctx: ReadContext, out: ParagraphText, hiddenAround: boolean): void {
  const rPr = child(r, 'w:rPr');
  const hidden = hiddenAround || onOff(child(rPr, 'w:vanish'));
  for (const el of elements(r)) {
    if (el.name === 'w:fldChar') {
      const type = el.attrs['w:fldCharType'];
      if (type === 'begin') ctx.fields.push({ phase: 'code', instr: '' });
      else if (type === 'separate') {
        const f = ctx.fields[ctx.fields.length - 1];
        if (f) {
          f.phase = 'result';
          noteField(f.instr, out);
        }
      } else if (type === 'end') {
        const f = ctx.fields.pop();
        if (f && f.phase === 'code') noteField(f.instr, out);
      }
      continue;
    }
    if (el.name === 'w:instrText') {
      const f = ctx.fields[ctx.fields.length - 1];
      if (f && f.phase === 'code') f.instr += textOf(el);
      continue;
    }
    if (hidden || ctx.fields.some((f) => f.phase === 'code')) continue;
    switch (el.name) {
      case 'w:t':
        out.text += textOf(el);
        break;
      case 'w:tab':
      case 'w:ptab':
        out.text += '\t';
        break;
      case 'w:br': {
        const type = el.attrs['w:type'];
        if (type !== 'page' && type !== 'column') out.text += '\n';
        break;
      }
      case 'w:cr':
        out.text += '\n';
        break;
      case 'w:noBreakHyphen':
        out.text += '-';
        break;
      case 'w:sym': {
        // symbol-font characters live in the private use area (F0xx); only real characters are text
        const code = parseInt(el.attrs['w:char'] ?? '', 16);
        if (Number.isFinite(code) && (code < 0xe000 || code > 0xf8ff)) out.text += String.fromCodePoint(code);
        break;
      }
      default:
        // w:softHyphen, w:drawing, w:pict, w:object, mc:AlternateContent, footnote references: no flowing text
        break;
    }
  }
}

/** What a field's code says about its paragraph: TC marks a heading, PAGEREF and TOC a contents entry. */
function noteField(instr: string, out: ParagraphText): void {
  if (/^\s*TC\b/.test(instr)) out.heading = true;
  else if (/^\s*(?:PAGEREF|TOC)\b/.test(instr)) out.toc = true;
}

/** An on/off property (§17.17.4): present means on unless its value says off. */
function onOff(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = el.attrs['w:val'];
  return v === undefined || !['0', 'false', 'off'].includes(v);
}

function intVal(el: XmlElement | undefined): number | undefined {
  const v = el?.attrs['w:val'];
  if (v === undefined) return undefined;
  const n = parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function warning(code: string, message: string, place?: DocxProvenance): Diagnostic {
  return { severity: 'warning', code, stage: 'extract', message, ...(place ? { place } : {}) };
}
