/**
 * Row labels as printed in budget tables carry their place in an outline: `一、` items,
 * `（一）` and `1、` sub-items, `其中：` breakdowns, and totals (合计, 总计, 小计, 资产总额).
 * This module reads that outline; it knows nothing of amounts.
 */

/** Outline levels by numbering style, outermost first. */
const NUMBERING: [RegExp, number][] = [
  [/^[一二三四五六七八九十百]+[、．.]/u, 1],
  [/^[（(][一二三四五六七八九十百]+[）)]/u, 2],
  [/^\d+(?:[、．]|\.(?!\d))/u, 3],
  [/^[（(]\d+[）)]/u, 4],
  [/^[①-⑳]/u, 5],
];
const OF_WHICH = /^其中[:：]?/u;
const TOTAL_LABEL = /^(?:合计|总计|共计|资产总额|资产合计|.*小计)$/u;

const normalized = new Map<string, string>();

/** A label without white space, numbering, 其中, quotes and a trailing colon: what the row is about. */
export function normalizeLabel(label: string): string {
  let n = normalized.get(label);
  if (n === undefined) {
    if (normalized.size > 50_000) normalized.clear();
    normalized.set(label, (n = stripLabel(label)));
  }
  return n;
}

function stripLabel(label: string): string {
  let s = label.replace(/\s+/gu, '').replace(/[“”"‘’'「」]/gu, '');
  for (;;) {
    const before = s;
    for (const [re] of NUMBERING) s = s.replace(re, '');
    s = s.replace(OF_WHICH, '');
    if (s === before) break;
  }
  return s.replace(/[:：]$/u, '');
}

/** normalizeLabel without a trailing parenthesis (房屋（平方米） → 房屋) and with ASCII parentheses made full-width. */
export function bareLabel(label: string): string {
  return normalizeLabel(label)
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）')
    .replace(/（[^（）]*）$/u, '');
}

/** The numbering level of a label (1 for 一、, 3 for 1、 …), or null when it is not numbered. */
export function numberingLevel(label: string): number | null {
  const s = label.replace(/\s+/gu, '');
  for (const [re, level] of NUMBERING) if (re.test(s)) return level;
  return null;
}

/** True for a label that names a total (合计, 总计, “三公”经费小计, 资产总额). */
export function isTotalLabel(label: string): boolean {
  return TOTAL_LABEL.test(normalizeLabel(label));
}

/** A row that is the sum of other rows: `complete` is false for a lone `其中：` part (of which — not all of it). */
export interface OutlineGroup {
  parent: number;
  children: number[];
  complete: boolean;
  kind: 'numbered' | 'of-which';
}

/** The outline of a table's rows: leading total rows, top-level items, and parent → children groups. */
export interface Outline {
  totals: number[];
  top: number[];
  groups: OutlineGroup[];
}

/**
 * Reads the outline from row labels in order (rows with an empty label are continuation rows
 * and are skipped). Numbered rows nest by numbering style; a `其中：` row and the unnumbered
 * rows right after it are the breakdown of the row above — complete only when there are at
 * least two parts, since a lone 其中 names just a part (seed 002 L934: 其中：汽车 of 通用设备).
 */
export function readOutline(rows: { row: number; label: string }[]): Outline {
  const totals: number[] = [];
  const top: number[] = [];
  const groups = new Map<number, OutlineGroup>();
  const stack: { level: number; row: number }[] = [];
  let ofWhich: OutlineGroup | null = null;
  let lastItem: number | null = null;
  let started = false;
  const addChild = (parent: number, child: number, kind: OutlineGroup['kind']) => {
    let g = groups.get(parent);
    if (!g) groups.set(parent, (g = { parent, children: [], complete: kind === 'numbered', kind }));
    g.children.push(child);
    return g;
  };
  for (const { row, label } of rows) {
    const s = label.replace(/\s+/gu, '');
    if (s === '') continue;
    if (!started && isTotalLabel(s)) {
      totals.push(row);
      continue;
    }
    started = true;
    if (OF_WHICH.test(s) && lastItem !== null) {
      ofWhich = addChild(lastItem, row, 'of-which');
      ofWhich.complete = false;
      continue;
    }
    const level = numberingLevel(s);
    if (level === null && ofWhich) {
      ofWhich.children.push(row);
      ofWhich.complete = true;
      continue;
    }
    ofWhich = null;
    if (level === null) {
      top.push(row);
      lastItem = row;
      continue;
    }
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) addChild(parent.row, row, 'numbered');
    else top.push(row);
    stack.push({ level, row });
    lastItem = row;
  }
  return { totals, top, groups: [...groups.values()] };
}
