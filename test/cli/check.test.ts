import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedPath, tempDir } from '../support/corpus.js';

const BIN = path.resolve(__dirname, '../../bin/gongkai.mjs');
const gongkai = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });

describe('gongkai check and export --format facts', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'docs'));
  for (const seed of ['000_0018174054ff74da', '002_c52ee38ce6c6c3d2', '003_fc1028512c8b7c0f']) fs.copyFileSync(seedPath(seed), path.join(dir, 'docs', `${seed}.txt`));

  it('lists every failed check with both sides and their file:line, and exits 0', { timeout: 60_000 }, () => {
    expect(gongkai(['run', 'docs', '--quiet', '--jobs', '0'], dir).status).toBe(0);
    const r = gongkai(['check'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('docs/000_0018174054ff74da.txt: ');
    expect(r.stdout).toMatch(/ERROR {2}prose\/prose-amount {2}人员经费: the text says 433\.32万元, but .* is 433\.22万元/);
    expect(r.stdout).toMatch(/prose {2}docs\/000_0018174054ff74da\.txt:1679 .*人员经费433\.32万元/);
    expect(r.stdout).toMatch(/cell {3}docs\/000_0018174054ff74da\.txt:1297 {2}部门预算一般公共预算财政拨款基本支出表 · 合计 · 一般公共预算基本支出\/人员经费 = 433\.22 万元/);
    expect(r.stdout).toMatch(/docs\/002_c52ee38ce6c6c3d2\.txt:396 .*8320\.77万元/);
    expect(r.stdout).toMatch(/docs\/002_c52ee38ce6c6c3d2\.txt:930 {2}2022年资产构成情况表 · 四、文物和陈列品 · 实有数\/原值 = 12\.0480/);
    // seed 003 adds up: it is not listed
    expect(r.stdout).not.toContain('003_fc1028512c8b7c0f');
    expect(r.stdout).toMatch(/WARNING {2}text\/doubled-punctuation {2}doubled punctuation: “…公务接待服务。。”/);
    // seed 000 L1685 prints （其中：…1.25万元) — a full-width bracket closed by a half-width one
    expect(r.stdout).toMatch(/WARNING {2}text\/unmatched-bracket {2}an unmatched bracket or quote \(（ closed by \)\)/);
    expect(r.stdout).toMatch(/3 documents checked: \d+ checks, \d+ passed, 5 failed/);
  });

  it('narrows to one document with --doc and lists passed checks too with --all', { timeout: 60_000 }, () => {
    const r = gongkai(['check', '--doc', '003_fc', '--all'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('docs/003_fc1028512c8b7c0f.txt: 15 checks, 0 failed');
    expect(r.stdout).toMatch(/pass {3}row-arithmetic\/project-funds/);
    expect(r.stdout).toMatch(/1 documents checked: 15 checks, 15 passed, 0 failed/);
    expect(gongkai(['check', '--doc', 'no-such-document'], dir).status).toBe(2);
  });

  it('exports the facts as CSV and JSON Lines', { timeout: 60_000 }, () => {
    const csv = gongkai(['export', '--format', 'facts', '--out', 'out/facts.csv'], dir);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toMatch(/wrote \d+ facts to out\/facts\.csv/);
    const header = fs.readFileSync(path.join(dir, 'out', 'facts.csv'), 'utf8').split('\r\n')[0]!;
    expect(header).toContain('source,sha256,org_code,org_name,year,doc_kind,doc_scope,table_kind,table_title,code_system,code,code_level,parent_code,item,column_header,value_basis,printed,amount,unit,amount_yuan');
    expect(gongkai(['export', '--format', 'facts', '--out', 'out/facts.jsonl'], dir).status).toBe(0);
    const first = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'facts.jsonl'), 'utf8').split('\n')[0]!);
    expect(first).toMatchObject({ source: 'docs/000_0018174054ff74da.txt', table_kind: 'budget_revenue_expenditure_summary', printed: '929.90', amount_yuan: 9299000 });
    expect(gongkai(['export', '--format', 'facts'], dir).status).toBe(2);
  });
});

describe('gongkai check --severity and --format json', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'docs'));
  // seed 001: its totals disagree with their parts by 0.01 (rounding) in 13 places and by 0.13–0.14 in 3
  fs.copyFileSync(seedPath('001_655c0751f88457f2'), path.join(dir, 'docs', '001.txt'));

  it('tells rounding (hint) from a disagreement (error), and --severity error shows the errors only', { timeout: 60_000 }, () => {
    expect(gongkai(['run', 'docs', '--quiet', '--jobs', '0'], dir).status).toBe(0);
    const all = gongkai(['check'], dir).stdout;
    expect(all.match(/^ {2}HINT /gmu)).toHaveLength(13);
    expect(all.match(/^ {2}ERROR /gmu)).toHaveLength(3);
    const errors = gongkai(['check', '--severity', 'error'], dir);
    expect(errors.status).toBe(0);
    expect(errors.stdout.match(/^ {2}[A-Z]+ /gmu)).toEqual(['  ERROR ', '  ERROR ', '  ERROR ']);
    expect(errors.stdout).toContain('docs/001.txt: ');
    expect(errors.stdout).toMatch(/16 failed \(3 at error or above\)/);
    expect(errors.stdout).toMatch(/ERROR {2}hierarchy\/total-of-classes {2}部门预算支出总表 · 基本支出 · 合计: .*printed 827\.09, but its 4 parts add up to 826\.96/);
    expect(gongkai(['check', '--severity', 'fatal'], dir).status).toBe(2);
  });

  it('gives each finding as JSON: rule id, severity, the printed values and both sides with their places', { timeout: 60_000 }, () => {
    const r = gongkai(['check', '--format', 'json', '--severity', 'error'], dir);
    expect(r.status).toBe(0);
    const findings = JSON.parse(r.stdout) as { ruleId: string; severity: string; expected: number; actual: number; refs: { role: string; printed: string; place: string }[] }[];
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['hierarchy/total-of-classes', 'error'],
      ['row-arithmetic/column-total', 'error'],
      ['cross-table/same-as-general-budget', 'error'],
    ]);
    const cross = findings[2]!;
    expect([cross.actual, cross.expected]).toEqual([827.09, 826.95]);
    expect(cross.refs.map((x) => [x.role, x.printed, x.place])).toEqual([
      ['cell', '827.09', 'docs/001.txt:517'],
      ['cell', '826.95', 'docs/001.txt:1056'],
    ]);
  });
});
