import { describe, expect, it } from 'vitest';
import { lineOf, seedDocument, seedText } from './build-table.js';

const cross = (seed: string, text?: string) => seedDocument(seed, text).checks!.filter((c) => c.rule === 'cross-table');

describe('checkCrossTable on the seeds', () => {
  it('seeds 000 and 002: the nine tables agree wherever they must', () => {
    for (const seed of ['000_0018174054ff74da', '002_c52ee38ce6c6c3d2']) {
      const checks = cross(seed);
      expect(new Set(checks.map((c) => c.name))).toEqual(
        new Set(['revenue-total', 'expenditure-total', 'class-total', 'general-budget-revenue', 'general-budget-total', 'basic-total', 'same-as-general-budget']),
      );
      expect(checks.filter((c) => c.status === 'fail'), seed).toEqual([]);
    }
  });

  it('seed 001: the 支出总表 prints 基本支出 827.09 (L517) where the 一般公共预算财政拨款支出表 prints 826.95 (L1056), all revenue being 一般公共预算', () => {
    const failed = cross('001_655c0751f88457f2').filter((c) => c.status === 'fail');
    expect(failed.map((c) => [c.name, ...c.refs.map((r) => `${lineOf(r.prov)}:${r.text}`)])).toEqual([['same-as-general-budget', '517:827.09', '1056:826.95']]);
  });

  it('mutation: the 基本支出表 合计 changed → 一般公共预算财政拨款支出表 基本支出 ≠ 基本支出表 合计, pointing at both cells', () => {
    const seed = '000_0018174054ff74da';
    const lines = seedText(seed).split('\n');
    const title = lines.findIndex((l) => l.includes('部门预算一般公共预算财政拨款基本支出表'));
    const at = lines.findIndex((l, i) => i > title && l.trim() === '481.87');
    lines[at] = lines[at]!.replace('481.87', '481.78');
    const failed = cross(seed, lines.join('\n')).filter((c) => c.status === 'fail');
    expect(failed.map((c) => [c.name, ...c.refs.map((r) => r.text)])).toEqual([['basic-total', '481.87', '481.78']]);
    expect(lineOf(failed[0]!.refs[1]!.prov)).toBe(at + 1);
  });
});
