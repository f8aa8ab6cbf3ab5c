/**
 * Writes test/extractors/pdf/fixtures/merged-cut.pdf: a ruled table printed by headless Chromium
 * (Debian's chromium and fonts-noto-cjk) whose page breaks run through cells merged down over
 * three indicator rows (rowspan=3). Chromium leaves such a cut open under the merged cells and
 * rules off the indicator cells beside them. Page 1 ends after the second indicator row of
 * 1、招商引资 (its merged text all on page 1); page 2 ends after the first indicator row of
 * 2、安全管理, whose 内容描述 text runs on to page 3 beside the next indicator row.
 *
 *   npx tsx scripts/make-merged-cut-pdf.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test/extractors/pdf/fixtures/merged-cut.pdf');

const filler = (label: string, height: number) => `<tr style="height:${height}px"><td>${label}</td><td>填充内容</td><td></td><td></td></tr>`;

const HTML = `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: 160mm 90mm; margin: 8mm; }
body { margin: 0; font-family: "Noto Serif CJK SC", "Noto Sans CJK SC"; font-size: 10px; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #000; padding: 2px; vertical-align: top; }
thead { display: table-header-group; }
</style></head><body><table>
<thead><tr><th style="width:25%">职责活动</th><th style="width:35%">内容描述</th><th style="width:25%">绩效指标</th><th>指标值</th></tr></thead>
<tbody>
${filler("一、综合管理", 170)}
<tr style="height:40px"><td rowspan="3">1、招商引资</td><td rowspan="3">整理、分析招商引资工作动态</td><td>引进项目个数</td><td>30个</td></tr>
<tr style="height:40px"><td>招商活动开展次数</td><td>10次</td></tr>
<tr style="height:40px"><td>招商引资任务完成率</td><td>100%</td></tr>
${filler("二、安全生产", 175)}
<tr style="height:30px"><td rowspan="3">2、安全管理</td><td rowspan="3">1.建立开发区安全生产和环保责任制<br>2.组织安全生产和环保检查<br>3.协助开发区企业做好安全生产<br>4.宣传安全生产和环保法规<br>5.确保安全生产形势持续稳定</td><td>检查覆盖率</td><td>100%</td></tr>
<tr style="height:30px"><td>安全检查计划完成率</td><td>95%</td></tr>
<tr style="height:30px"><td>安全事故发生次数</td><td>0</td></tr>
${filler('三、其他事务', 30)}
</tbody></table></body></html>`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merged-cut-'));
const html = path.join(dir, 'merged-cut.html');
fs.writeFileSync(html, HTML);
execFileSync('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${OUT}`, '--no-pdf-header-footer', pathToFileURL(html).href], { stdio: 'ignore', timeout: 120_000 });
fs.rmSync(dir, { recursive: true, force: true });
console.log(`wrote ${path.relative(ROOT, OUT)}`);
