import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PART_BYTES } from '../../extractors/docx/read-package.js';
import { readZipDirectory, readZipEntry } from '../../extractors/zip/read-zip.js';
import { child, elements, parseXml, textOf, type XmlElement } from '../../extractors/docx/xml.js';
import type { DocxProvenance } from '../../src/model/index.js';
import { cleanText } from '../../src/normalize/clean-text.js';
import { extractDocument } from '../../src/pipeline/extract-document.js';
import { ALL_SEEDS, CORPUS } from '../support/corpus.js';

const FILES = [...ALL_SEEDS.map((s) => `${s}.docx`), '000_0018174054ff74da.bookmarks.docx'];
const ARTIFACTS = [/bookmark/, /_Toc|_GoBack|_Hlk/, /\bTC\s/, /PAGEREF/, /\\f/];
const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml']);

/** Block-level children with content controls read through, as ECMA-376 nests them. */
function flat(el: XmlElement): XmlElement[] {
  return elements(el).flatMap((e) => (WRAPPERS.has(e.name) ? flat(e) : [e]));
}

/** A paragraph's visible text, the simple way: every w:t, w:tab and w:br in it (no fields in cells here). */
function paragraphText(p: XmlElement): string {
  let s = '';
  const walk = (el: XmlElement) => {
    for (const c of elements(el)) {
      if (c.name === 'w:t') s += textOf(c);
      else if (c.name === 'w:tab') s += '\t';
      else if (c.name === 'w:br') s += '\n';
      else if (c.name !== 'w:instrText') walk(c);
    }
  };
  walk(p);
  return s;
}

/** The element a docx provenance points at: body block → row → cell → paragraph. */
function resolve(body: XmlElement, p: DocxProvenance): XmlElement {
  let el = flat(body).filter((e) => e.name === 'w:p' || e.name === 'w:tbl')[p.block]!;
  if (p.row !== undefined) el = flat(el).filter((e) => e.name === 'w:tr')[p.row]!;
  if (p.cell !== undefined) el = flat(el).filter((e) => e.name === 'w:tc')[p.cell]!;
  if (p.paragraph !== undefined) el = flat(el).filter((e) => e.name === 'w:p')[p.paragraph]!;
  return el;
}

describe.each(FILES)('%s', (file) => {
  const bytes = fs.readFileSync(path.join(CORPUS, 'rendered', file));
  const body = child(parseXml(readZipEntry(bytes, readZipDirectory(bytes).get('word/document.xml')!, MAX_PART_BYTES).toString('utf8')), 'w:body')!;
  const result = extractDocument(bytes);
  if (!result.ok) throw new Error(result.error);
  const { tables, blocks } = result.document;

  it('points every cell, header cells and merge continuations included, at the OOXML paragraphs it came from', () => {
    const cells = tables.flatMap((t) => t.cells.map((c) => ({ table: t.title, ...c })));
    expect(cells.length).toBeGreaterThan(100);
    for (const c of cells) {
      const where = `${c.table} r${c.row}c${c.col}`;
      expect(c.prov.length, where).toBeGreaterThan(0);
      const pieces = c.prov.map((p) => {
        if (p.kind !== 'docx' || p.table === undefined || p.row === undefined || p.cell === undefined || p.paragraph === undefined) throw new Error(`${where}: a paragraph of a table cell expected`);
        const el = resolve(body, p);
        expect(el.name, where).toBe('w:p');
        expect(resolve(body, { kind: 'docx', block: p.block }).name, where).toBe('w:tbl');
        return paragraphText(el);
      });
      expect(pieces.join('\n'), where).toBe(c.raw);
      expect(cleanText(pieces.join('\n')), where).toBe(c.text);
    }
  });

  it('points every table and prose block at its body element', () => {
    for (const b of blocks) {
      const p = b.prov[0]!;
      if (p.kind !== 'docx') throw new Error('docx provenance expected');
      const el = resolve(body, { kind: 'docx', block: p.block });
      if (b.type === 'table') expect(el.name).toBe('w:tbl');
      else expect(cleanText(paragraphText(el))).toBe(b.text);
    }
  });

  it('lets no bookmark or field code into any title or cell', () => {
    for (const t of tables) {
      for (const re of ARTIFACTS) expect(t.title ?? '').not.toMatch(re);
      for (const c of t.cells) for (const re of ARTIFACTS) expect(c.text, `${t.title} r${c.row}c${c.col}`).not.toMatch(re);
    }
  });

  it('keeps the true spans of the header cells', () => {
    const spanning = tables.flatMap((t) => t.cells.filter((c) => c.isHeader && (c.rowspan > 1 || c.colspan > 1)));
    // seed 003's tables have a one-row header (一级指标 …); the others have merged header cells
    if (file.startsWith('003')) expect(spanning.length).toBe(0);
    else expect(spanning.length).toBeGreaterThan(2);
    for (const t of tables) {
      // header cells tile the header: each (row, column) of the header is covered exactly once
      const covered = new Map<string, number>();
      for (const c of t.cells.filter((x) => x.row < t.headerRows)) {
        for (let r = c.row; r < c.row + c.rowspan; r++) for (let k = c.col; k < c.col + c.colspan; k++) covered.set(`${r},${k}`, (covered.get(`${r},${k}`) ?? 0) + 1);
      }
      expect([...covered.values()].every((n) => n === 1), `${t.title}`).toBe(true);
      expect(covered.size, `${t.title}`).toBe(t.headerRows * t.nCols);
    }
  });
});
