import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/model/index.js';
import { extractDocument } from '../../src/pipeline/extract-document.js';
import { seedPath } from '../support/corpus.js';

/**
 * Property: where the page breaks fall in a PDF conversion does not change the tables. Seed
 * 002's multi-page tables are taken apart into their header, body rows and repeated page
 * header, then printed again with the page breaks at other rows — and, at some breaks, a long
 * cell cut in two with its tail on the next page, as converters do — and must export exactly
 * as the original.
 */
const SEED = '002_c52ee38ce6c6c3d2';
const source = fs.readFileSync(seedPath(SEED), 'utf8');
const lines = source.split('\n');

const NUMBER_ROW = /^(栏\s*次|档次)\t/;
const PAGE_HEADER_LINE = /^(?:$|\d{3}\s|预算年度|单位：|\p{Script=Han}{1,8}$)/u;

interface PrintedTable {
  /** Lines before the first body row: title, metadata, header rows, 栏次 row. */
  head: string[];
  body: string[];
  /** What a continuation page prints before its body rows: metadata lines and repeated header rows. */
  pageHeader: string[];
  /** Line range [from, to) the table takes in the source. */
  from: number;
  to: number;
}

function printedTable(title: string): PrintedTable {
  const from = lines.findIndex((l) => l.replace(/^\d+、/, '') === title);
  let i = from;
  while (!NUMBER_ROW.test(lines[i]!)) i++;
  const head = lines.slice(from, i + 1);
  const body: string[] = [];
  let pageHeader: string[] = [];
  i++;
  for (;;) {
    while (i < lines.length && lines[i]!.includes('\t')) body.push(lines[i++]!);
    let k = i;
    while (k < lines.length && !lines[k]!.includes('\t') && PAGE_HEADER_LINE.test(lines[k]!)) k++;
    if (k >= lines.length || !lines[k]!.includes('\t') || lines[k - 1] !== '') break;
    let n = k;
    while (!NUMBER_ROW.test(lines[n]!)) n++;
    if (pageHeader.length === 0) pageHeader = lines.slice(i, n + 1);
    i = n + 1;
  }
  return { head, body, pageHeader, from, to: i };
}

/** A small deterministic generator, so a failure names the case that broke. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** The table printed again with breaks before the given body rows; `cut` splits a long cell at some breaks. */
function reprint(t: PrintedTable, breaks: number[], cut: boolean): string[] {
  const out = [...t.head];
  t.body.forEach((row, r) => {
    if (breaks.includes(r)) {
      const above = out[out.length - 1]!.split('\t');
      const longest = above.reduce((best, c, i) => (i > 0 && c.length > (above[best]?.length ?? 0) ? i : best), 1);
      let tail: string[] | null = null;
      if (cut && above[longest]!.length >= 6 && !/^[\d.,-]+$/.test(above[longest]!)) {
        const text = above[longest]!;
        const at = Math.floor(text.length / 2);
        above[longest] = text.slice(0, at);
        tail = above.map((_, i) => (i === longest ? text.slice(at) : ''));
        out[out.length - 1] = above.join('\t');
      }
      out.push(...t.pageHeader);
      if (tail) out.push(tail.join('\t'));
    }
    out.push(row);
  });
  return out;
}

function tablesOf(text: string): Table[] {
  const r = extractDocument(Buffer.from(text, 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.document.tables;
}

const exported = (t: Table) => {
  const rows: string[][] = [];
  for (const c of t.cells) if (c.row >= t.headerRows) (rows[c.row - t.headerRows] ??= [])[c.col] = c.text;
  return { title: t.title, columns: t.columns.map((c) => c.path), rows };
};

const original = tablesOf(source).map(exported);

describe.each(['部门预算收支总表', '部门预算收入总表', '部门预算财政拨款收支总表', '部门预算一般公共预算财政拨款基本支出表'])('%s', (title) => {
  const t = printedTable(title);
  const expected = original.find((o) => o.title === title)!;

  it('is recognised as a multi-page table of the seed', () => {
    expect(t.pageHeader.length).toBeGreaterThan(3);
    expect(t.body.length).toBe(expected.rows.length);
  });

  it.each([1, 2, 3, 4, 5, 6])('exports the same tables with the page breaks moved (case %i)', (n) => {
    const next = random(n * 7919 + title.length);
    const count = 1 + Math.floor(next() * 3);
    const breaks = [...new Set(Array.from({ length: count }, () => 1 + Math.floor(next() * (t.body.length - 1))))].sort((a, b) => a - b);
    const text = [...lines.slice(0, t.from), ...reprint(t, breaks, n % 2 === 0), ...lines.slice(t.to)].join('\n');
    const got = tablesOf(text).map(exported);
    expect(got).toEqual(original);
  });
});
