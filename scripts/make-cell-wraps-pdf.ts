/**
 * Writes test/extractors/pdf/fixtures/cell-wraps.pdf: a ruled table printed by headless Chromium
 * (Debian's chromium and fonts-noto-cjk) whose 说明 column is exactly 20 characters wide, so that
 * where each line ends is known: a source break one character short of the full width, text
 * that wraps on its own, a run-in numbered list (`1.…2.…3.…` with no break) whose `2.` the
 * printer moves to the next line, a list broken over lines in the source, and a short break in a
 * wide cell. CI never runs this; the test reads the committed PDF.
 *
 *   npx tsx scripts/make-cell-wraps-pdf.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test/extractors/pdf/fixtures/cell-wraps.pdf');

/** 60 different characters, cut to the lengths the rows need. */
const HAN = '预算资金按照项目进度拨付使用并接受财政监督检查确保资金安全有效完成年度工作任务提高公共服务质量和群众满意程度加强内部管理';
const han = (from: number, n: number) => HAN.slice(from, from + n);

/** Each row: its label and the 说明 cell's HTML. */
const ROWS: [string, string][] = [
  // 19 characters, then a break: the line ends one character short of the 20 that fit
  ['差一字换行', `${han(0, 19)}<br>${han(19, 25)}`],
  // 45 characters without a break: two full lines and a short one
  ['自动换行', han(0, 45)],
  // `1.` and 19 characters fill the line; `2.` does not fit after them and goes down
  ['行内编号', `1.${han(0, 19)}2.${han(20, 10)}3.${han(30, 8)}`],
  ['分行编号', `1.${han(0, 6)}<br>2.${han(6, 8)}<br>3.${han(14, 5)}`],
  ['短行换行', '本年<br>预算数'],
];

const HTML = `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: 160mm 120mm; margin: 8mm; }
body { margin: 0; font-family: "Noto Sans CJK SC"; font-size: 12px; }
table { border-collapse: collapse; } td, th { border: 1px solid #000; padding: 2px; vertical-align: top; text-align: left; }
td.wide { width: 240px; }
</style></head><body><p>单元格换行测试表</p><table>
<tr><th>项目</th><th>说明</th></tr>
${ROWS.map(([label, html]) => `<tr><td>${label}</td><td class="wide">${html}</td></tr>`).join('\n')}
</table></body></html>`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cell-wraps-'));
const html = path.join(dir, 'cell-wraps.html');
fs.writeFileSync(html, HTML);
execFileSync('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${OUT}`, '--no-pdf-header-footer', pathToFileURL(html).href], { stdio: 'ignore', timeout: 120_000 });
fs.rmSync(dir, { recursive: true, force: true });
console.log(`wrote ${path.relative(ROOT, OUT)}`);
