import type { Check, CheckRef, Document, Provenance } from '../model/index.js';

/**
 * Wording a reader would flag in a disclosure, each a `warning` with the place it is printed:
 * template placeholders left in (`XX局`, `××`), doubled punctuation (`。。`), text that did not
 * render (U+FFFD, private-use code points from a font without a map), and a table title or
 * heading dated a year other than the document's (`2023年度…决算表` in a 2024 决算).
 */
export function checkText(doc: Document): Check[] {
  const checks: Check[] = [];
  for (const piece of textPieces(doc)) {
    for (const rule of RULES) {
      const hit = rule.find(piece.text, doc.year);
      if (hit) checks.push(finding(rule.name, `${rule.what}: ${hit} in ${piece.label}`, piece));
    }
  }
  for (const piece of titledPieces(doc)) {
    const year = otherYear(piece.text, doc.year, doc.docKind);
    if (year) checks.push(finding('title-year', `${piece.label} is dated ${year}, the document ${doc.year}`, piece));
  }
  return checks;
}

interface TextPiece {
  text: string;
  label: string;
  tableOrder: number | null;
  /** A table cell's place; null for a title or block. */
  cell: { row: number; col: number } | null;
  blockOrder: number | null;
  prov: Provenance[];
}

interface TextRule {
  name: string;
  what: string;
  /** The offending text as quoted in the message, or null. */
  find: (text: string, year: number | null) => string | null;
}

/** `XX局`, `XX单位`, `XXXX年`, `××`: the blanks of a template nobody filled in. */
const PLACEHOLDER = /(?<![A-Za-z])(?:[XＸ]{2,}|[×✕]{2,})(?![A-Za-z])/u;
/** The same sentence mark twice (`。。`, `，，`); an ellipsis (`……`) and dashes are marks of their own. */
const DOUBLED = /([。，、；：？！])\1/u;
/** A character the producer's font did not map: the replacement character, or the private-use area. */
const UNRENDERED = /[\uFFFD\uE000-\uF8FF]/u;

const RULES: TextRule[] = [
  { name: 'placeholder', what: 'a template placeholder left in', find: (t) => around(t, PLACEHOLDER) },
  { name: 'doubled-punctuation', what: 'doubled punctuation', find: (t) => around(t, DOUBLED) },
  { name: 'unrendered-text', what: 'characters that did not render', find: (t) => around(t, UNRENDERED) },
];

/** The match with a few characters either side, quoted, so that a reader can find it. */
function around(text: string, re: RegExp): string | null {
  const m = re.exec(text);
  if (!m) return null;
  const from = Math.max(0, m.index - 6);
  const to = Math.min(text.length, m.index + m[0].length + 6);
  return `“${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}”`;
}

/**
 * A year printed in a title (`2023年`, `2023年度`) that is not the document's; prior-year
 * comparisons (上年, 与…相比) aside. A 预算 reports the year before where it reports a state or an
 * outcome: its assets at that year's end (2022年资产构成情况表 in a 2023 budget), its execution.
 */
function otherYear(text: string, year: number | null, kind: string | null): number | null {
  if (year === null || /相比|比较|对比|上年|同期/u.test(text)) return null;
  const pastState = kind === '预算' && /资产|执行|决算/u.test(text);
  // a span of years (2023-2025年) is no date of the document
  for (const m of text.matchAll(/(?<![-—~～至到]\s*)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)(?!\s*[-—~～至到])/gu)) {
    const y = Number(m[1]);
    if (y !== year && !(pastState && y === year - 1)) return y;
  }
  return null;
}

/** Every block's text and every table title and cell: where wording is printed. */
function textPieces(doc: Document): TextPiece[] {
  const out: TextPiece[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'table') continue;
    out.push({ text: b.text, label: b.type === 'heading' ? `the heading “${clip(b.text)}”` : `the text “${clip(b.text)}”`, tableOrder: null, cell: null, blockOrder: b.order, prov: b.prov });
  }
  for (const t of doc.tables) {
    const name = t.title ?? '(untitled)';
    if (t.title) out.push({ text: t.title, label: `the title of ${name}`, tableOrder: t.order, cell: null, blockOrder: null, prov: t.prov.slice(0, 1) });
    for (const c of t.cells) if (c.text) out.push({ text: c.text, label: `${name} row ${c.row + 1} column ${c.col + 1}`, tableOrder: t.order, cell: { row: c.row, col: c.col }, blockOrder: null, prov: c.prov });
  }
  return out;
}

/** Table titles and headings: what names a part of the document, and so carries its year. */
function titledPieces(doc: Document): TextPiece[] {
  const out: TextPiece[] = [];
  for (const t of doc.tables) if (t.title) out.push({ text: t.title, label: `the title ${t.title}`, tableOrder: t.order, cell: null, blockOrder: null, prov: t.prov.slice(0, 1) });
  // a heading that prints a table's title is that title, reported once
  const titles = doc.tables.map((t) => t.title).filter((t): t is string => !!t);
  for (const b of doc.blocks) if (b.type === 'heading' && !titles.some((t) => b.text.endsWith(t))) out.push({ text: b.text, label: `the heading ${clip(b.text)}`, tableOrder: null, cell: null, blockOrder: b.order, prov: b.prov });
  return out;
}

const clip = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}…` : s);

function finding(name: string, message: string, piece: TextPiece): Check {
  const ref: CheckRef = { role: piece.cell ? 'cell' : 'text', tableOrder: piece.tableOrder, row: piece.cell?.row ?? null, col: piece.cell?.col ?? null, blockOrder: piece.blockOrder, text: piece.text, value: null, unit: null, label: piece.label, prov: piece.prov };
  return { rule: 'text', name, status: 'fail', severity: 'warning', message, expected: null, actual: null, difference: null, unit: null, refs: [ref] };
}
