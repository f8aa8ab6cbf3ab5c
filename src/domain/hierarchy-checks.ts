import type { Check, TableRow } from '../model/index.js';
import { cellOperand, sumCheck, type Operand } from './check-builder.js';
import { isTotalLabel } from './row-outline.js';
import { headerPath, type TableLayout } from './table-layout.js';

/**
 * Hierarchy of 科目 codes within a table, per amount column: 类 = Σ its 款, 款 = Σ its 项, and
 * the 合计 row = Σ 类. A code whose children are not printed in the table is not checked.
 */
export function checkHierarchy(layout: TableLayout, rowInfo: TableRow[]): Check[] {
  const coded = rowInfo.filter((r) => r.classification);
  if (coded.length === 0) return [];
  const byCode = new Map<string, TableRow>();
  for (const r of coded) if (!byCode.has(r.classification!.code)) byCode.set(r.classification!.code, r);
  const children = new Map<string, TableRow[]>();
  for (const r of byCode.values()) {
    const p = r.classification!.parent;
    if (p && byCode.has(p)) children.set(p, [...(children.get(p) ?? []), r]);
  }
  const total = rowInfo.find((r) => !r.classification && r.label !== null && isTotalLabel(r.label));
  const classes = [...byCode.values()].filter((r) => r.classification!.level === '类');
  const title = layout.table.title ?? '(untitled)';
  const checks: Check[] = [];
  for (const col of layout.amountColumns) {
    const column = headerPath(layout.table, col).join('/');
    const operands = (rows: TableRow[]) => rows.map((r) => cellOperand(layout, r.row, col, label(r)));
    for (const [code, kids] of children) {
      const parent = byCode.get(code)!;
      const [p, ...parts] = operands([parent, ...kids]);
      if (!p || parts.some((x) => !x)) continue;
      const level = kids[0]!.classification!.level ?? 'child';
      const c = sumCheck('hierarchy', 'class-sum', p, parts as Operand[], `${title} · ${column} · ${label(parent)}: ${parent.classification!.level} = Σ ${level}`);
      if (c) checks.push(c);
    }
    if (total && classes.length) {
      const [p, ...parts] = operands([total, ...classes]);
      if (!p || parts.some((x) => !x)) continue;
      const c = sumCheck('hierarchy', 'total-of-classes', p, parts as Operand[], `${title} · ${column} · ${total.label}: 合计 = Σ 类`);
      if (c) checks.push(c);
    }
  }
  return checks;
}

function label(r: TableRow): string {
  return [r.classification?.code, r.label].filter(Boolean).join(' ');
}
