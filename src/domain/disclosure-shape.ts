import type { Document, Table } from '../model/index.js';

/**
 * Words a budget table's title, header or unit prints (收入, 支出, 科目, 合计, 万元 …). A table of
 * file sizes or of counts has numbers too; what makes a table a budget's is that it says what
 * its numbers are in a budget's own words.
 */
const BUDGET_WORDS = /预算|决算|收入|支出|经费|金额|资金|拨款|合计|总计|小计|科目|资产|采购|绩效|指标|财政|三公|元/u;

/**
 * Whether a budget reader would recognise a table: its kind is known (by title or header), or
 * it prints amounts and its title, unit or header says, in a budget's words, what they are.
 */
export function isBudgetTable(table: Table): boolean {
  if (table.kind !== 'other') return true;
  if (!table.amounts?.length) return false;
  const words = [table.title ?? '', table.unit ?? '', ...table.columns.map((c) => c.path.join('/'))].join('\n').replace(/\s+/g, '');
  return BUDGET_WORDS.test(words);
}

/**
 * Why an enriched document with tables is not a disclosure, or null when it is: none of its
 * tables is one a budget reader recognises (a MANIFEST.tsv of file sizes has a table with
 * numbers, but nothing says they are amounts of a budget).
 */
export function notADisclosure(doc: Document): string | null {
  if (doc.tables.some(isBudgetTable)) return null;
  const first = doc.tables[0];
  const header = first ? first.columns.map((c) => c.path.join('/')).join(' | ').replace(/\s+/g, ' ') : '';
  const shown = header.length > 80 ? `${header.slice(0, 79)}…` : header;
  return `no budget table — ${doc.tables.length} table(s) without a budget title, header or unit${shown ? ` (${shown})` : ''}`;
}
