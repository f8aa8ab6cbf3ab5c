import type { Check, CheckRef, CheckRule, CheckSeverity, Provenance } from '../model/index.js';
import { decToNumber, equalAt, formatDec, subDec, sumDec, type Dec } from './decimal.js';
import { headerPath, type TableLayout } from './table-layout.js';

/** A printed amount taking part in a check, with where it is. Blank and dash cells count as 0. */
export interface Operand {
  dec: Dec;
  /** Digits after the point as printed (0 for blank and dash). */
  decimals: number;
  /** Nothing printed (blank or dash). */
  empty: boolean;
  ref: Omit<CheckRef, 'role'>;
}

const ZERO: Dec = { units: 0n, scale: 0 };

/** The operand of a table cell, or null when the cell holds text that is not an amount. */
export function cellOperand(layout: TableLayout, row: number, col: number, rowLabel: string | null): Operand | null {
  const c = layout.cell(row, col);
  const text = c?.text ?? '';
  const a = layout.amount(row, col);
  if (a.kind === 'text') return null;
  const t = layout.table;
  const ref: Omit<CheckRef, 'role'> = {
    tableOrder: t.order,
    row,
    col,
    blockOrder: null,
    text,
    value: a.kind === 'number' ? a.value : null,
    unit: t.unit,
    label: [t.title ?? '(untitled)', rowLabel ?? `row ${row - t.headerRows + 1}`, headerPath(t, col).join('/')].join(' · '),
    prov: c?.prov ?? [],
  };
  return a.kind === 'number' ? { dec: a.dec, decimals: a.decimals, empty: false, ref } : { dec: ZERO, decimals: 0, empty: true, ref };
}

/** The largest difference, in the check's unit, that is rounding: a hint, not an error. */
const ROUNDING = 0.01;

/** The severity of a numeric check: none for a pass, `hint` within rounding, else `error`. */
export function severityOf(pass: boolean, difference: Dec): CheckSeverity | null {
  if (pass) return null;
  return Math.abs(decToNumber(difference)) <= ROUNDING + 1e-9 ? 'hint' : 'error';
}

/** Formats an amount for a message, with the digits it was printed with. */
export function show(d: Dec): string {
  return formatDec(d);
}

/**
 * total = Σ parts, compared at the precision the total is printed with (a 2-decimal total must
 * match its parts to the cent). Null when nothing at all is printed, or there are no parts.
 */
export function sumCheck(rule: CheckRule, name: string, total: Operand, parts: Operand[], what: string): Check | null {
  if (parts.length === 0) return null;
  if (total.empty && parts.every((p) => p.empty)) return null;
  const expected = sumDec(parts.map((p) => p.dec));
  const precision = total.empty ? Math.max(0, ...parts.map((p) => p.decimals)) : total.decimals;
  const pass = equalAt(expected, total.dec, precision);
  const diff = subDec(total.dec, expected);
  const printed = total.empty ? `nothing (${total.ref.text || 'blank'})` : show(total.dec);
  const message = pass
    ? `${what}: ${printed} = ${parts.length} parts summing to ${show(expected)}`
    : `${what}: printed ${printed}, but its ${parts.length} parts add up to ${show(expected)} (differs by ${show(diff)})`;
  return {
    rule,
    name,
    status: pass ? 'pass' : 'fail',
    severity: severityOf(pass, diff),
    message,
    expected: decToNumber(expected),
    actual: decToNumber(total.dec),
    difference: decToNumber(diff),
    unit: total.ref.unit,
    refs: [{ role: 'total', ...total.ref }, ...parts.map((p): CheckRef => ({ role: 'part', ...p.ref }))],
  };
}

/**
 * a = b where two places must print the same amount; compared at the coarser of the two
 * printed precisions. `a` is the value checked (actual), `b` the reference (expected).
 */
export function sameCheck(rule: CheckRule, name: string, a: Operand, b: Operand, what: string, roles: [CheckRef['role'], CheckRef['role']] = ['cell', 'cell']): Check | null {
  if (a.empty && b.empty) return null;
  const precision = Math.min(a.empty ? b.decimals : a.decimals, b.empty ? a.decimals : b.decimals);
  const pass = equalAt(a.dec, b.dec, precision);
  const diff = subDec(a.dec, b.dec);
  const message = pass
    ? `${what}: ${show(a.dec)} in both places`
    : `${what}: ${a.empty ? 'nothing' : show(a.dec)} at ${a.ref.label}, but ${b.empty ? 'nothing' : show(b.dec)} at ${b.ref.label} (differs by ${show(diff)})`;
  return {
    rule,
    name,
    status: pass ? 'pass' : 'fail',
    severity: severityOf(pass, diff),
    message,
    expected: decToNumber(b.dec),
    actual: decToNumber(a.dec),
    difference: decToNumber(diff),
    unit: b.ref.unit ?? a.ref.unit,
    refs: [
      { role: roles[0], ...a.ref },
      { role: roles[1], ...b.ref },
    ],
  };
}

/** The first position of a provenance list as `line N` / `page N` / `sheet S C7`, for messages. */
export function where(prov: Provenance[]): string {
  const p = prov[0];
  if (!p) return 'no position';
  if (p.kind === 'text') return `line ${p.start.line}`;
  if (p.kind === 'pdf') return `page ${p.page}`;
  if (p.kind === 'sheet') return `sheet ${p.sheet} ${p.cell}`;
  return `block ${p.block}`;
}
