import type { Block, Check, CheckRef } from '../model/index.js';
import { decFromString, decToNumber, equalAt, formatDec, subDec, sumDec, type Dec } from './decimal.js';
import { proseRuns, provOf, type ProseRun } from './prose-runs.js';

/**
 * `prose-item-totals`: a 预算/决算 statement followed by `其中：` and numbered items each stating
 * the same figures (`一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元…其中：
 * 1、…年初预算为1560.05万元，支出决算为1511.89万元。2、…`) — for each figure (年初预算, 全年预算,
 * 决算) that the total and every item state, the items must add up to the total (a `hint` within
 * 0.01 万元, else an `error`). A figure some item does not state is not summed: the list may
 * name only some items of it.
 */
export function checkProseItemTotals(blocks: Block[]): Check[] {
  const checks: Check[] = [];
  for (const run of proseRuns(blocks)) {
    for (const m of run.text.matchAll(LIST_OPEN)) {
      const open = m.index!;
      const lead = leadFigures(run, open);
      if (lead.size === 0) continue;
      const items = numberedItems(run, open + m[0].length - 2);
      if (items.length < 2) continue;
      for (const [kind, total] of lead) {
        const parts = items.map((it) => figureIn(run, it.from, it.to, kind));
        if (parts.some((p) => p === null)) continue;
        checks.push(sumCheck(run, kind, total, parts as Figure[]));
      }
    }
  }
  return checks;
}

type Kind = '年初预算' | '全年预算' | '决算';

interface Figure {
  at: number;
  end: number;
  printed: string;
  dec: Dec;
}

/** `其中：1、`: a list of numbered items, each an item of the statement before it. */
const LIST_OPEN = /其中[：:]1[、.．]/gu;
/** How far before the list its total is looked for (characters): the statement and its reason. */
const LEAD_LOOK = 160;

const FIGURE: Record<Kind, RegExp> = {
  年初预算: /年初预算(?:数)?(?:为|是)?((?:\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.\d+)?)万元/gu,
  全年预算: /全年预算(?:数)?(?:为|是)?((?:\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.\d+)?)万元/gu,
  决算: /决算(?:数)?(?:为|是)((?:\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.\d+)?)万元/gu,
};

/** The figures of the statement the list belongs to: the last of each kind in its sentence(s) before `其中`, after the last section heading. */
function leadFigures(run: ProseRun, open: number): Map<Kind, Figure> {
  let from = Math.max(0, open - LEAD_LOOK);
  const heading = [...run.text.slice(from, open).matchAll(/[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、/gu)].at(-1);
  if (heading) from += heading.index! + heading[0].length;
  const out = new Map<Kind, Figure>();
  for (const kind of Object.keys(FIGURE) as Kind[]) {
    const f = [...run.text.slice(from, open).matchAll(FIGURE[kind])].at(-1);
    if (f) out.set(kind, figure(from + f.index! + f[0].length - f[1]!.length - 2, f[1]!));
  }
  return out;
}

/** The numbered items `1、…2、…` from `start` (at the `1`) on, each up to the next number or a section heading. */
function numberedItems(run: ProseRun, start: number): { from: number; to: number }[] {
  const marks: number[] = [start];
  const text = run.text;
  for (let n = 2; ; n++) {
    const re = new RegExp(`(?<=[。；;])${n}[、.．]`, 'gu');
    re.lastIndex = marks.at(-1)! + 1;
    const next = re.exec(text);
    const stop = sectionEnd(text, marks.at(-1)!);
    if (!next || next.index > stop) break;
    marks.push(next.index);
  }
  return marks.map((from, i) => ({ from, to: marks[i + 1] ?? sectionEnd(text, from) }));
}

/** Where a section of the explanation ends: its next heading (`六、`, `（四）`) or the run's end. */
function sectionEnd(text: string, from: number): number {
  const re = /[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、/gu;
  re.lastIndex = from;
  return re.exec(text)?.index ?? text.length;
}

/** The first figure of a kind an item states. */
function figureIn(run: ProseRun, from: number, to: number, kind: Kind): Figure | null {
  const re = new RegExp(FIGURE[kind].source, 'u');
  const f = re.exec(run.text.slice(from, to));
  return f ? figure(from + f.index + f[0].length - f[1]!.length - 2, f[1]!) : null;
}

function figure(at: number, number: string): Figure {
  return { at, end: at + number.length + 2, printed: `${number}万元`, dec: decFromString(number.replace(/,/g, ''))! };
}

function sumCheck(run: ProseRun, kind: Kind, total: Figure, parts: Figure[]): Check {
  const sum = sumDec(parts.map((p) => p.dec));
  const pass = equalAt(sum, total.dec, total.dec.scale);
  const diff = subDec(total.dec, sum);
  const severity = pass ? null : Math.abs(decToNumber(diff)) <= 0.01 + 1e-9 ? 'hint' : 'error';
  const what = `the ${parts.length} items listed after 其中`;
  return {
    rule: 'prose',
    name: 'prose-item-totals',
    status: pass ? 'pass' : 'fail',
    severity,
    message: pass
      ? `${kind} ${total.printed} = the ${kind} of ${what}`
      : `the text states ${kind} ${total.printed}, but the ${kind} of ${what} add up to ${formatDec(sum)}万元`,
    expected: decToNumber(sum),
    actual: decToNumber(total.dec),
    difference: decToNumber(diff),
    unit: '万元',
    refs: [ref(run, 'total', total), ...parts.map((p) => ref(run, 'part', p))],
  };
}

function ref(run: ProseRun, role: 'total' | 'part', f: Figure): CheckRef {
  return { role, tableOrder: null, row: null, col: null, ...provOf(run, f.at, f.end), text: f.printed, value: decToNumber(f.dec), unit: '万元', label: `text: ${f.printed}` };
}
