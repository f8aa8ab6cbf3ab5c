import type { Document, NormalizeVocabulary } from '../model/index.js';

/** A title naming the fiscal year of a budget or final account: `2024年度部门决算`, `2025年预算`. */
const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?\s*(?:预算|决算)/u;
/**
 * A cover title naming the org before the year: `上海市普陀区财政局2024年度部门决算`,
 * `中共上海市普陀区委社会工作部 2024 年度部门决算`. `上海市普陀区2025年区级部门预算` names the
 * district's collection of budgets, not an org, and does not match.
 */
const COVER_TITLE = /^(\p{Script=Han}[^\d\s]{1,60}?)\s*(?:19|20)\d{2}\s*年度?\s*(?:部门|单位)\s*(?:预算|决算)(?:公开)?$/u;

/** What normalisation reads a document's org, year and 预算/决算 by (src/normalize/document-meta.ts). */
export const DOCUMENT_META_WORDS: NormalizeVocabulary['documentMeta'] = {
  yearInTitle: YEAR_IN_TITLE,
  coverTitle: COVER_TITLE,
  coverBlocks: 30,
  budgetWord: /预算/u,
  finalWord: /决算/u,
};

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
