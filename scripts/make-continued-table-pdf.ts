/**
 * Writes test/extractors/pdf/fixtures/continued-table.pdf: three ruled tables printed by headless
 * Chromium (Debian's chromium and fonts-noto-cjk), each starting on a page of its own and going on
 * to the next page WITHOUT its header repeated (the header rows are plain rows, as producers
 * without a header-row setting print them), so only the grid continues:
 *
 * - 部门收入预算总表: a two-row header (科目编码 over 类/款/项), eleven rows on page 1, the rest and
 *   the 合计 row (合计 across the four code and name columns) on page 2;
 * - 部门支出预算总表: only its 合计 row goes on to page 2;
 * - 项目绩效目标表: the page cut runs through cells merged down over three rows (1、招商引资 and
 *   its 内容描述), one indicator row above the cut and two below it.
 *
 * CI never runs this; the test reads the committed PDF.
 *
 *   npx tsx scripts/make-continued-table-pdf.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test/extractors/pdf/fixtures/continued-table.pdf');

const INCOME: [string, string, string, string, string, string][] = [
  ['201', '', '', '一般公共服务支出', '1,200.00', '1,100.00'],
  ['201', '03', '', '政府办公厅（室）及相关机构事务', '1,200.00', '1,100.00'],
  ['201', '03', '01', '行政运行', '800.00', '800.00'],
  ['201', '03', '02', '一般行政管理事务', '250.00', '200.00'],
  ['201', '03', '50', '事业运行', '150.00', '100.00'],
  ['208', '', '', '社会保障和就业支出', '300.00', '300.00'],
  ['208', '05', '', '行政事业单位养老支出', '300.00', '300.00'],
  ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '200.00', '200.00'],
  ['208', '05', '06', '机关事业单位职业年金缴费支出', '100.00', '100.00'],
  ['210', '', '', '卫生健康支出', '90.00', '90.00'],
  ['210', '11', '', '行政事业单位医疗', '90.00', '90.00'],
  ['210', '11', '01', '行政单位医疗', '60.00', '60.00'],
  ['210', '11', '03', '公务员医疗补助', '30.00', '30.00'],
  ['221', '', '', '住房保障支出', '110.00', '110.00'],
  ['221', '02', '', '住房改革支出', '110.00', '110.00'],
  ['221', '02', '01', '住房公积金', '110.00', '110.00'],
];

const codeTable = (title: string, rows: string[][], total: [string, string], height: number) => `<p class="title">${title}</p>
<p>单位：万元</p>
<table>
<tr><td colspan="3">科目编码</td><td rowspan="2">科目名称</td><td rowspan="2">合计</td><td rowspan="2">财政拨款收入</td></tr>
<tr><td>类</td><td>款</td><td>项</td></tr>
${rows.map((r) => `<tr style="height:${height}px">${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}
<tr style="height:${height}px"><td colspan="4">合计</td><td>${total[0]}</td><td>${total[1]}</td></tr>
</table>`;

const HTML = `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: 160mm 100mm; margin: 8mm; }
body { margin: 0; font-family: "Noto Sans CJK SC"; font-size: 11px; }
p { margin: 0 0 4px 0; } p.title { font-size: 14px; text-align: center; break-before: page; }
p.title:first-child { break-before: auto; }
table { border-collapse: collapse; width: 100%; } td { border: 1px solid #000; padding: 2px; vertical-align: top; }
</style></head><body>
${codeTable('部门收入预算总表', INCOME, ['1,700.00', '1,600.00'], 20)}
${codeTable('部门支出预算总表', INCOME.slice(0, 11), ['1,500.00', '1,400.00'], 20)}
<p class="title">项目绩效目标表</p>
<table>
<tr><td style="width:22%">职责活动</td><td style="width:38%">内容描述</td><td style="width:25%">绩效指标</td><td>指标值</td></tr>
<tr style="height:215px"><td>一、综合管理</td><td>填充内容</td><td></td><td></td></tr>
<tr style="height:40px"><td rowspan="3">1、招商引资</td><td rowspan="3">整理、分析招商引资工作动态，制定招商工作计划</td><td>引进项目个数</td><td>30个</td></tr>
<tr style="height:40px"><td>招商活动开展次数</td><td>10次</td></tr>
<tr style="height:40px"><td>招商引资任务完成率</td><td>100%</td></tr>
<tr style="height:30px"><td>二、其他事务</td><td>填充内容</td><td></td><td></td></tr>
</table>
</body></html>`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'continued-table-'));
const html = path.join(dir, 'continued-table.html');
fs.writeFileSync(html, HTML);
execFileSync('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${OUT}`, '--no-pdf-header-footer', pathToFileURL(html).href], { stdio: 'ignore', timeout: 120_000 });
fs.rmSync(dir, { recursive: true, force: true });
console.log(`wrote ${path.relative(ROOT, OUT)}`);
