import type { Block, Check, TableRow } from '../model/index.js';
import { sameCheck, type Operand } from './check-builder.js';
import { decFromString } from './decimal.js';
import { proseRef, proseRuns, provOf, type ProseRun } from './prose-runs.js';
import { bareLabel } from './row-outline.js';
import { amountColumn, findTable, operandAt, type ReadTable } from './table-finders.js';

/**
 * 科目 named in the explanation against the tables: `一般公共服务支出（类）财政事务（款）行政运行（项）`
 * (or `卫生健康支出（210类）`) must be a row of the 一般公共预算财政拨款支出表 under that name, each
 * level under the one before it, with the code when one is printed (`prose-subject`, a warning
 * when it is not); and the `支出决算为1511.89万元` stated for it must be the row's 合计
 * (`prose-subject-amount`).
 */
export function checkProseSubjects(tables: ReadTable[], blocks: Block[]): Check[] {
  const table = findTable(tables, 'general_budget_expenditure') ?? findTable(tables, 'expenditure_summary');
  if (!table) return [];
  const checks: Check[] = [];
  for (const run of proseRuns(blocks)) {
    for (const m of run.text.matchAll(CHAIN)) {
      const pieces = chainPieces(m[0]);
      const from = m.index!;
      const to = from + m[0].length;
      const named = pieces.map((p) => `${p.name}（${p.code ?? ''}${p.level}）`).join('');
      const row = findChain(table, pieces);
      const side = proseRef(run, from, to, named);
      if (!row) {
        checks.push({ rule: 'prose', name: 'prose-subject', status: 'fail', severity: 'warning', message: `the text names ${named}, but ${table.layout.table.title ?? 'the 支出 table'} has no such 科目`, expected: null, actual: null, difference: null, unit: null, refs: [side] });
        continue;
      }
      const stated = statedAmount(run, to);
      const col = amountColumn(table, /^(?:合计|本年支出合计|决算数)$/u);
      const cell = col === undefined ? null : operandAt(table, row.row, col);
      // the text states 万元; a table in another unit is not compared here
      if (!stated || !cell || cell.ref.unit !== '万元') continue;
      const c = sameCheck('prose', 'prose-subject-amount', stated, cell, `${named} 决算`, ['prose', 'cell']);
      if (c) checks.push(c);
    }
  }
  return checks;
}

/** Up to three 科目 in a row, each a name with its level in brackets, a code optional: 卫生健康支出（210类）. */
export const CHAIN = /(?:\p{Script=Han}[\p{Script=Han}、]{1,29}?[（(]\d{0,7}[类款项][）)]){1,3}/gu;
export const PIECE = /([^（()）]+?)[（(](\d{0,7})([类款项])[）)]/gu;
const LEVELS = { 类: 1, 款: 2, 项: 3 } as const;

/** One 科目 of a chain: its name as a row label reads, the code printed with it, its level. */
export interface ChainPiece {
  name: string;
  code: string | null;
  level: '类' | '款' | '项';
}

/** The 科目 of a chain matched by CHAIN, in order. */
export function chainPieces(chain: string): ChainPiece[] {
  return [...chain.matchAll(PIECE)].map((p) => ({ name: bareLabel(p[1]!.replace(/^、+/u, '')), code: p[2] || null, level: p[3] as ChainPiece['level'] }));
}

/** The row of the last 科目 of a chain, found level by level under the one before; null when one is missing. */
export function findChain(t: ReadTable, pieces: ChainPiece[]): TableRow | null {
  let parent: string | null = null;
  let row: TableRow | null = null;
  for (const p of pieces) {
    const found: TableRow | undefined = t.rowInfo.find(
      (r) =>
        r.classification?.level === p.level &&
        r.label !== null &&
        bareLabel(r.label) === p.name &&
        (!p.code || r.classification.code === p.code) &&
        (parent === null || r.classification.parent === parent),
    );
    if (!found) return null;
    row = found;
    parent = found.classification!.code;
    if (LEVELS[p.level] === 3) break;
  }
  return row;
}

/**
 * The amount the text states for the 科目 just named: printed right after it (`住房保障支出（类）445.69万元`),
 * or, where the name heads an item of its own (`…购房补贴（项）。主要用于：…`), its
 * `支出决算为258.50万元` before the next 科目 is named.
 */
function statedAmount(run: ProseRun, after: number): Operand | null {
  const rest = run.text.slice(after, after + 200);
  let m = /^(\d+(?:\.\d+)?)万元/u.exec(rest);
  let at = 0;
  if (!m && /^[。：:]/u.test(rest)) {
    const next = rest.search(/[（(]\d{0,7}[类款项][）)]/u);
    m = /支出决算(?:数)?(?:为|是)(\d+(?:\.\d+)?)万元/u.exec(next >= 0 ? rest.slice(0, next) : rest);
    at = m?.index ?? 0;
  }
  if (!m) return null;
  const printed = m[0];
  const dec = decFromString(m[1]!)!;
  const from = after + at;
  return { dec, decimals: dec.scale, empty: false, ref: { tableOrder: null, row: null, col: null, ...provOf(run, from, from + printed.length), text: printed, value: Number(m[1]), unit: '万元', label: `text: ${printed}` } };
}
