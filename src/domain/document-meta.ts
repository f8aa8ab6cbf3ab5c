import type { Document, Table } from '../model/index.js';

export interface DocumentMeta {
  org: { code: string | null; name: string | null };
  year: number | null;
  docKind: '预算' | '决算' | null;
}

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?\s*(?:预算|决算)/u;

/**
 * Org, fiscal year and 预算/决算 of a document: from the org/year lines above its tables first,
 * then from headings and prose such as `…办公室2019年部门预算公开` (seed 004 has no 预算年度 line).
 */
export function inferDocumentMeta(tables: Table[], texts: string[], orgLines: { code: string; name: string }[]): DocumentMeta {
  const org = orgLines[0] ?? null;
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
  return { org: { code: org?.code ?? null, name: org?.name ?? null }, year, docKind };
}

export type { Document };
