import type { Block, Check, CheckRef } from '../model/index.js';
import { decFromString, decToNumber, formatDec, subDec, sumDec, type Dec } from './decimal.js';
import { proseRuns, provOf, type ProseRun } from './prose-runs.js';

/**
 * `prose-procurement-sme`: what the 政府采购 paragraph says went to 中小企业 — in the projects
 * reserved for them (`在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额…`)
 * and in the other projects (`在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额…`) — are
 * two parts of the year's 政府采购金额 and together cannot exceed it. An excess of at most 0.01
 * 万元 is the rounding of the parts and passes; beyond, one amount is counted twice or misprinted
 * (an `error`). 小微企业 are 中小企业 too, so their line is no third part.
 */
export function checkProseProcurement(blocks: Block[]): Check[] {
  const checks: Check[] = [];
  for (const run of proseRuns(blocks)) {
    const total = find(run, TOTAL);
    const reserved = find(run, RESERVED);
    const other = find(run, OTHER);
    if (!total || !reserved || !other) continue;
    const together = sumDec([reserved.dec, other.dec]);
    const excess = subDec(together, total.dec);
    const pass = decToNumber(excess) <= 0.01 + 1e-9;
    const sum = `${reserved.printed} + ${other.printed} = ${formatDec(together)}万元`;
    checks.push({
      rule: 'prose',
      name: 'prose-procurement-sme',
      status: pass ? 'pass' : 'fail',
      severity: pass ? null : 'error',
      message: pass
        ? `中小企业 won ${sum}, within the 政府采购金额 ${total.printed}${decToNumber(excess) > 0 ? ' to the rounding of the parts' : ''}`
        : `the text says 中小企业 won ${reserved.printed} in the projects reserved for them and ${other.printed} in the other projects, ${formatDec(together)}万元 together — more than the whole 政府采购金额 ${total.printed}`,
      expected: decToNumber(total.dec),
      actual: decToNumber(together),
      difference: decToNumber(excess),
      unit: '万元',
      refs: [ref(run, 'total', total), ref(run, 'part', reserved), ref(run, 'part', other)],
    });
  }
  return checks;
}

const NUMBER = '((?:\\d{1,3}(?:,\\d{3})+|\\d{1,12})(?:\\.\\d+)?)万元';
const TOTAL = new RegExp(`政府采购(?:支出)?(?:总)?金额(?:[（(][^）)]{0,12}[）)])?(?:为|是)?${NUMBER}`, 'u');
const RESERVED = new RegExp(`在面向中小企业预留的?政府采购项目中[，,]?由中小企业供应商中标或成交的[，,]?(?:采购)?(?:金额|合同金额)(?:为)?${NUMBER}`, 'u');
const OTHER = new RegExp(`在其他政府采购项目中[，,]?由中小企业供应商中标或成交的[，,]?(?:采购)?(?:金额|合同金额)(?:为)?${NUMBER}`, 'u');

interface Figure {
  at: number;
  end: number;
  printed: string;
  dec: Dec;
}

function find(run: ProseRun, re: RegExp): Figure | null {
  const m = re.exec(run.text);
  if (!m) return null;
  const at = m.index + m[0].length - m[1]!.length - 2;
  return { at, end: m.index + m[0].length, printed: `${m[1]}万元`, dec: decFromString(m[1]!.replace(/,/g, ''))! };
}

function ref(run: ProseRun, role: 'total' | 'part', f: Figure): CheckRef {
  return { role, tableOrder: null, row: null, col: null, ...provOf(run, f.at, f.end), text: f.printed, value: decToNumber(f.dec), unit: '万元', label: `text: ${f.printed}` };
}
