import { describe, expect, it } from 'vitest';
import { classifyRows, findCodeColumns } from '../../src/domain/classification.js';
import { checkHierarchy } from '../../src/domain/hierarchy-checks.js';
import { layoutTable } from '../../src/domain/table-layout.js';
import { buildTable, lineOf, seedDocument, seedText } from './build-table.js';

const SEED = '000_0018174054ff74da';

function hierarchyOf(rows: string[][]) {
  const t = buildTable({ title: '部门预算支出总表', columns: ['科目编码', '科目名称', '合计', '基本支出'], rows });
  const layout = layoutTable(t);
  return checkHierarchy(layout, classifyRows(layout, findCodeColumns(layout)));
}

describe('checkHierarchy', () => {
  it('checks 类 = Σ 款, 款 = Σ 项 and 合计 = Σ 类 in every amount column, to the cent', () => {
    const checks = hierarchyOf([
      ['', '合计', '30.00', '10.00'],
      ['201', '一般公共服务支出', '30.00', '10.00'],
      ['20103', '政府办公厅（室）及相关机构事务', '30.00', '10.00'],
      ['2010301', '行政运行', '10.00', '10.00'],
      ['2010399', '其他政府办公厅（室）及相关机构事务支出', '20.01', ''],
    ]);
    expect(checks.map((c) => [c.name, c.status, c.refs[0]!.text, c.expected])).toEqual([
      ['class-sum', 'pass', '30.00', 30],
      ['class-sum', 'fail', '30.00', 30.01],
      ['total-of-classes', 'pass', '30.00', 30],
      ['class-sum', 'pass', '10.00', 10],
      ['class-sum', 'pass', '10.00', 10],
      ['total-of-classes', 'pass', '10.00', 10],
    ]);
    const fail = checks.find((c) => c.status === 'fail')!;
    expect(fail.rule).toBe('hierarchy');
    expect(fail.difference).toBeCloseTo(-0.01, 10);
    expect(fail.refs.map((r) => [r.role, lineOf(r.prov)])).toEqual([
      ['total', 102],
      ['part', 103],
      ['part', 104],
    ]);
  });

  it('counts blanks and dashes as nothing, and skips a parent whose children are not printed', () => {
    const checks = hierarchyOf([
      ['208', '社会保障和就业支出', '2.27', ''],
      ['20808', '抚恤', '—', ''],
      ['210', '卫生健康支出', '1.00', ''],
    ]);
    expect(checks.map((c) => [c.name, c.status, c.message])).toEqual([
      ['class-sum', 'fail', expect.stringContaining('printed 2.27, but its 1 parts add up to 0')],
    ]);
  });

  it('passes on every 科目 sum of seed 000, whose tables add up', () => {
    const doc = seedDocument(SEED);
    const checks = doc.checks!.filter((c) => c.rule === 'hierarchy');
    expect(checks.length).toBeGreaterThan(50);
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('mutation: one amount changed in the seed text fails the sum that covers it, pointing at that cell', () => {
    const text = seedText(SEED);
    const lines = text.split('\n');
    const title = lines.findIndex((l) => l.includes('部门预算支出总表'));
    // 2080501 行政单位离退休 in the 支出总表: its 合计 cell, 20.93 → 20.94
    const at = lines.findIndex((l, i) => i > title && l.trim() === '20.93');
    lines[at] = lines[at]!.replace('20.93', '20.94');
    const doc = seedDocument(SEED, lines.join('\n'));
    // the seed's own failures (e.g. its unmatched bracket) are not the mutation's
    const before = new Set(
      seedDocument(SEED)
        .checks!.filter((c) => c.status === 'fail')
        .map((c) => `${c.rule} ${c.message}`),
    );
    const failed = doc.checks!.filter(
      (c) => c.status === 'fail' && c.rule !== 'prose' && !before.has(`${c.rule} ${c.message}`),
    );
    const hierarchy = failed.find((c) => c.rule === 'hierarchy')!;
    expect(hierarchy.message).toContain('20805 行政事业单位养老支出');
    const part = hierarchy.refs.find((r) => r.text === '20.94')!;
    expect(part.role).toBe('part');
    expect(lineOf(part.prov)).toBe(at + 1);
    expect(hierarchy.refs.find((r) => r.role === 'total')!.text).toBe('62.59');
    // the row check of the same cell fails too: 合计 20.94 ≠ 基本支出 20.93 + 项目支出
    const row = failed.find((c) => c.rule === 'row-arithmetic' && c.refs.some((r) => r.text === '20.94'))!;
    expect(lineOf(row.refs.find((r) => r.role === 'total')!.prov)).toBe(at + 1);
    // nothing else in the document fails because of it
    expect(failed.every((c) => c.refs.some((r) => lineOf(r.prov) === at + 1))).toBe(true);
  });
});
