import type { Document, Table } from '../model/index.js';
import { parseMetaParagraph } from '../normalize/metadata-lines.js';

export interface DocumentMeta {
  org: { code: string | null; name: string | null };
  year: number | null;
  docKind: '预算' | '决算' | null;
}

/** An org line as read by normalisation: a code and name (`434政府办`), or a labelled name with no code. */
export interface OrgLine {
  code: string | null;
  name: string;
}

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?\s*(?:预算|决算)/u;
/**
 * A cover title naming the org before the year: `上海市普陀区财政局2024年度部门决算`,
 * `中共上海市普陀区委社会工作部 2024 年度部门决算`. `上海市普陀区2025年区级部门预算` names the
 * district's collection of budgets, not an org, and does not match.
 */
const COVER_TITLE = /^(\p{Script=Han}[^\d\s]{1,60}?)\s*(?:19|20)\d{2}\s*年度?\s*(?:部门|单位)\s*(?:预算|决算)(?:公开)?$/u;
/** How far into the prose a cover title is looked for. */
const COVER_BLOCKS = 30;

/**
 * Org, fiscal year and 预算/决算 of a document: from the org/year lines above its tables first,
 * then from headings and prose such as `…办公室2019年部门预算公开` (seed 004 has no 预算年度 line).
 */
export function inferDocumentMeta(tables: Table[], texts: string[], orgLines: OrgLine[]): DocumentMeta {
  const org = inferOrg(texts, orgLines);
  let year: number | null = null;
  for (const t of tables) {
    if (t.meta.year) {
      year = Number(t.meta.year);
      break;
    }
  }
  if (year === null) {
    for (const s of [...tables.map((t) => t.title ?? ''), ...texts]) {
      const m = YEAR_IN_TITLE.exec(s);
      if (m) {
        year = Number(m[1]);
        break;
      }
    }
  }
  const all = [...tables.map((t) => t.title ?? ''), ...texts.slice(0, 50)].join('\n');
  const final = (all.match(/决算/gu) ?? []).length;
  const budget = (all.match(/预算/gu) ?? []).length;
  const docKind = final === 0 && budget === 0 ? null : final > budget ? '决算' : '预算';
  return { org, year, docKind };
}

/**
 * The org: a coded org line above a table (`434政府办`: code and name) first; else a labelled
 * org line (`编制部门：…` under a table, `预算主管部门：…` / `预算单位：…` on the cover), with no
 * code; else the org a cover title names (`上海市普陀区财政局2024年度部门决算`). A code is
 * never made up: it stays null when none is printed.
 */
export function inferOrg(texts: string[], orgLines: OrgLine[]): DocumentMeta['org'] {
  const coded = orgLines.find((l) => l.code !== null);
  if (coded) return { code: coded.code, name: coded.name };
  const labelled = orgLines[0] ?? firstLabelledOrg(texts);
  if (labelled) return { code: null, name: labelled.name };
  for (const t of texts.slice(0, COVER_BLOCKS)) {
    const m = COVER_TITLE.exec(t.trim());
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

export type { Document };

/** `部门预算`, `单位决算`, `区级单位预算` — what a disclosure calls itself. */
const SCOPE = /(部门|单位)\s*(?:预算|决算)/u;

/**
 * 部门 (a department's budget, its units consolidated) or 单位 (one unit's own budget): the
 * first of the first headings and paragraphs that names one (the cover: `上海市普陀区2025年区级单位预算`,
 * `上海市普陀区财政局2024年度部门决算`), else the table titles (`部门预算收支总表`); null when
 * nothing does. Shanghai's unit budgets title their tables without either word (财务收支预算总表).
 */
export function inferDocScope(tableTitles: (string | null)[], texts: string[]): '部门' | '单位' | null {
  for (const s of [...texts.slice(0, 50), ...tableTitles]) {
    const m = s ? SCOPE.exec(s.replace(/\s+/g, '')) : null;
    if (m) return m[1] as '部门' | '单位';
  }
  return null;
}
