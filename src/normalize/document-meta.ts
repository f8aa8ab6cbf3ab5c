import type { Document, NormalizeVocabulary, Table } from '../model/index.js';
import { parseMetaParagraph } from './metadata-lines.js';

type MetaWords = NormalizeVocabulary['documentMeta'];

export interface DocumentMeta {
  org: { code: string | null; name: string | null };
  year: number | null;
  docKind: Document['docKind'];
}

/** An org line as read by normalisation: a code and name (`434政府办`), or a labelled name with no code. */
export interface OrgLine {
  code: string | null;
  name: string;
}

/** How far into the prose the words of the document kind are counted. */
const KIND_BLOCKS = 50;

/**
 * Org, fiscal year and 预算/决算 of a document: from the org/year lines above its tables first,
 * then from headings and prose such as `…办公室2019年部门预算公开` (seed 004 has no 预算年度 line).
 */
export function inferDocumentMeta(tables: Table[], texts: string[], orgLines: OrgLine[], words: MetaWords): DocumentMeta {
  const org = inferOrg(texts, orgLines, words);
  let year: number | null = null;
  for (const t of tables) {
    if (t.meta.year) {
      year = Number(t.meta.year);
      break;
    }
  }
  if (year === null) {
    for (const s of [...tables.map((t) => t.title ?? ''), ...texts]) {
      const m = words.yearInTitle.exec(s);
      if (m) {
        year = Number(m[1]);
        break;
      }
    }
  }
  const all = [...tables.map((t) => t.title ?? ''), ...texts.slice(0, KIND_BLOCKS)].join('\n');
  const final = count(all, words.finalWord);
  const budget = count(all, words.budgetWord);
  const docKind = final === 0 && budget === 0 ? null : final > budget ? '决算' : '预算';
  return { org, year, docKind };
}

/**
 * The org: a coded org line above a table (`434政府办`: code and name) first; else a labelled
 * org line (`编制部门：…` under a table, `预算主管部门：…` / `预算单位：…` on the cover), with no
 * code; else the org a cover title names (`上海市普陀区财政局2024年度部门决算`). A code is
 * never made up: it stays null when none is printed.
 */
export function inferOrg(texts: string[], orgLines: OrgLine[], words: MetaWords): DocumentMeta['org'] {
  const coded = orgLines.find((l) => l.code !== null);
  if (coded) return { code: coded.code, name: coded.name };
  const labelled = orgLines[0] ?? firstLabelledOrg(texts);
  if (labelled) return { code: null, name: labelled.name };
  for (const t of texts.slice(0, words.coverBlocks)) {
    const m = words.coverTitle.exec(t.trim());
    if (m) return { code: null, name: m[1]!.trim() };
  }
  return { code: null, name: null };
}

/** The first labelled org line of the prose (a bare `100人…` in prose is no coded org line). */
function firstLabelledOrg(texts: string[]): OrgLine | null {
  for (const text of texts) {
    const line = parseMetaParagraph(text)?.find((l) => l.field === 'org' && l.code === null);
    if (line?.field === 'org') return { code: null, name: line.name };
  }
  return null;
}

function count(text: string, word: RegExp): number {
  const all = new RegExp(word.source, `${word.flags}g`);
  return (text.match(all) ?? []).length;
}
