import { describe, expect, it } from 'vitest';
import { enrichDocument } from '../../src/domain/enrich-document.js';
import { buildDocument, buildTable, lineOf, seedDocument } from './build-table.js';

const basic = (personnel: string) =>
  buildTable({
    title: '部门预算一般公共预算财政拨款基本支出表',
    columns: ['支出部门经济分类科目/科目编码', '支出部门经济分类科目/科目名称', '一般公共预算基本支出/合计', '一般公共预算基本支出/人员经费', '一般公共预算基本支出/公用经费'],
    rows: [
      ['', '合计', '481.87', personnel, '48.65'],
      ['302', '商品和服务支出', '48.65', '', '48.65'],
      ['30201', '办公费', '8.25', '', '8.25'],
      ['30299', '其他商品和服务支出', '40.40', '', '40.40'],
    ],
  });
const prose = (tables: ReturnType<typeof basic>[], paragraphs: string[]) => enrichDocument(buildDocument(tables, paragraphs)).checks!.filter((c) => c.rule === 'prose');

describe('checkProse', () => {
  it('matches a stated amount to the cell it describes and reports a mismatch with both places', () => {
    const [check] = prose([basic('433.22')], ['2022年预算支出为929.90万元，其中：基本支出481.87万元，主要是人员经费433.32万元。']);
    expect(check).toMatchObject({ status: 'fail', name: 'prose-amount', expected: 433.22, actual: 433.32, unit: '万元' });
    expect(check!.difference).toBeCloseTo(0.1, 10);
    expect(check!.refs.map((r) => [r.role, lineOf(r.prov), r.value])).toEqual([
      ['prose', 1000, 433.32],
      ['cell', 100, 433.22],
    ]);
  });

  it('compares at the coarser printed precision: 3万元 is a table 3.00, 92.9 is 92.90', () => {
    expect(prose([basic('433.22')], ['机关运行经费共计安排48.6万元。', '其中：办公费8.25万元。']).map((c) => c.status)).toEqual(['fail', 'pass']);
    expect(prose([basic('433.22')], ['人员经费433万元。']).map((c) => c.status)).toEqual(['pass']);
  });

  it('compares in yuan: a table in 万元 and prose in 元 only agree when the yuan agree', () => {
    const assets = buildTable({ title: '部门固定资产占用情况表', columns: ['项目', '数量', '价值（金额单位：万元）'], rows: [['资产总额', '', '1186.08']] });
    const [check] = prose([assets], ['本部门上年末固定资产金额为1186.08元（详见下表）。']);
    expect(check).toMatchObject({ status: 'fail', expected: 1186.08, unit: '万元' });
    expect(check!.actual).toBeCloseTo(0.118608, 10);
  });

  it('checks only what a table states; amounts no table has are not claims', () => {
    expect(prose([basic('433.22')], ['主要为专项业务活动费19.40万元，新媒体运行维护费5万元。'])).toEqual([]);
  });

  it('seed 000: 人员经费 433.32 (L1679) against the 基本支出表 433.22 (L1297) is the one failure; the other statements agree', () => {
    const checks = seedDocument('000_0018174054ff74da').checks!.filter((c) => c.rule === 'prose');
    expect(checks.length).toBeGreaterThan(20);
    expect(checks.filter((c) => c.status === 'fail').map((c) => c.refs.map((r) => `${lineOf(r.prov)}:${r.value}`))).toEqual([['1679:433.32', '1297:433.22']]);
  });

  it('seed 002: the 2023 支出预算 8320.77 (L396) against the 支出总表 8900.03 (L133)', () => {
    const failed = seedDocument('002_c52ee38ce6c6c3d2').checks!.filter((c) => c.rule === 'prose' && c.status === 'fail');
    expect(failed.map((c) => c.refs.map((r) => `${lineOf(r.prov)}:${r.value}`))).toEqual([['396:8320.77', '133:8900.03']]);
    expect(failed[0]!.message).toContain('8320.77万元');
  });

  it('seed 001: 三公经费 18.9 is the 小计, not the 合计 98.9 that adds 会议费; 公务接待费 under 机关运行经费 is the 基本支出 item', () => {
    const checks = seedDocument('001_655c0751f88457f2').checks!.filter((c) => c.rule === 'prose');
    expect(checks.every((c) => c.status === 'pass')).toBe(true);
    expect(checks.find((c) => c.message.startsWith('三公经费'))!.refs[1]!.label).toContain('“三公”经费小计');
    expect(checks.find((c) => c.message.startsWith('公务接待费'))!.refs[1]!.label).toContain('30217 公务接待费');
  });
});

describe('checkProse: totals named in a 决算 explanation', () => {
  // as in putuo-2024-final-accounts-finance.pdf pp. 6 and 13: 总计 adds the balances to 本年合计
  const summary = buildTable({
    title: '收入支出决算总表',
    columns: ['收入/项目', '收入/决算数', '支出/项目', '支出/决算数'],
    rows: [
      ['一、一般公共预算财政拨款收入', '2,940.05', '一、一般公共服务支出', '2,940.05'],
      ['本年收入合计', '2,940.05', '本年支出合计', '2,940.05'],
      ['年初结转和结余', '55.34', '年末结转和结余', '55.34'],
      ['总计', '2,995.39', '总计', '2,995.39'],
    ],
  });
  const fiscal = buildTable({
    title: '财政拨款收入支出决算总表',
    columns: ['收入/项目', '收入/决算数', '支出/项目', '支出/合计'],
    rows: [
      ['一、一般公共预算财政拨款', '2,940.05', '一、一般公共服务支出', '2,940.05'],
      ['年初财政拨款结转和结余', '21.63', '年末财政拨款结转和结余', '21.63'],
      ['总计', '2,961.68', '总计', '2,961.68'],
    ],
  });
  const soe = buildTable({ title: '国有资本经营预算财政拨款支出决算表', columns: ['科目编码', '科目名称', '合计'], rows: [] });
  const checks = (paragraph: string) => enrichDocument(buildDocument([summary, fiscal, soe], [paragraph], 2024)).checks!.filter((c) => c.rule === 'prose');
  const verdicts = (paragraph: string) => checks(paragraph).map((c) => [c.status, c.severity, c.refs[1]!.label]);

  it('reads 收入支出总计 as the 总计 row, not 本年支出合计', () => {
    expect(verdicts('本单位2024年度收入支出总计2995.39万元。')).toEqual([['pass', null, '收入支出决算总表 · 总计 · 支出/决算数']]);
    expect(verdicts('本单位2024年度收入支出总计2995.30万元。')).toEqual([['fail', 'error', '收入支出决算总表 · 总计 · 支出/决算数']]);
  });

  it('reads 财政拨款收入支出总计 as the 财政拨款 summary’s 总计: the printed 0.3万元 is an error of the source', () => {
    expect(verdicts('本单位2024年度财政拨款收入支出总计2961.68万元。')).toEqual([['pass', null, '财政拨款收入支出决算总表 · 总计 · 支出/合计']]);
    expect(verdicts('本单位2024年度财政拨款收入支出总计0.3万元。')).toEqual([['fail', 'error', '财政拨款收入支出决算总表 · 总计 · 支出/合计']]);
  });

  it('a rounding difference of 0.01 is a hint', () => {
    expect(verdicts('本单位2024年度收入支出总计2995.38万元。')).toEqual([['fail', 'hint', '收入支出决算总表 · 总计 · 支出/决算数']]);
  });

  it('never reads 国有资本经营预算拨款支出 as the whole 支出: with its table empty, 0万元 is not compared', () => {
    expect(checks('国有资本经营预算拨款支出预算0万元，比上年持平。')).toEqual([]);
  });
});
