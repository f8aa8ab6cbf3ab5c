/**
 * Writes bench/fixtures/long-disclosure.pdf: one long 部门预算 disclosure (60+ pages) for the PDF
 * benchmark, made from the seeds' golden tables (corpus/*.gold.json) the way
 * scripts/render-corpus.ts renders them — HTML with real <table>s → LibreOffice .docx → .pdf.
 * It plays a consolidated disclosure of a department with many units: the budget tables of seed
 * 002 with their body rows printed several times (amounts scaled, so each copy differs), then the
 * 绩效目标表 of seeds 000, 002 and 003, seed 004's activity table twice and the procurement and
 * fixed-asset tables — long tables cross pages with their header rows repeated. Needs
 * LibreOffice (see render-corpus.ts); the benchmark reads the committed file.
 *
 *   npx tsx scripts/make-long-pdf.ts            # --keep DIR keeps the HTML and the .docx in DIR
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { renderHtml } from './render-corpus.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.join(ROOT, 'corpus');
const OUT = path.join(ROOT, 'bench', 'fixtures', 'long-disclosure.pdf');

type Gold = Parameters<typeof renderHtml>[0];
type GoldTable = Gold['tables'][number];

/** Budget tables whose body rows are printed this many times (the 科目 lists of many units). */
const REPEAT = 4;
const LONG_KINDS = new Set(['budget_revenue_summary', 'budget_expenditure_summary', 'general_budget_expenditure', 'general_budget_basic_expenditure']);

const gold = (seed: string): Gold => JSON.parse(fs.readFileSync(path.join(CORPUS, `${seed}.gold.json`), 'utf8')) as Gold;

/** Two-decimal amounts scaled by `factor`: each repeated block prints its own figures. */
const scale = (row: string[], factor: number) => row.map((c) => (/^\d+\.\d{2}$/.test(c) ? (Number(c) * factor).toFixed(2) : c));

function lengthen(t: GoldTable): GoldTable {
  if (!LONG_KINDS.has(t.kind) || t.rows.length === 0) return t;
  const rows = Array.from({ length: REPEAT }, (_, k) => t.rows.map((r) => scale(r, 1 + k * 0.013))).flat();
  return { ...t, rows };
}

function main(): void {
  const keepAt = process.argv.indexOf('--keep');
  const work = keepAt > 0 ? path.resolve(process.argv[keepAt + 1]!) : fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-long-pdf-'));
  fs.mkdirSync(work, { recursive: true });
  const [s000, s001, s002, s003, s004] = ['000_0018174054ff74da', '001_655c0751f88457f2', '002_c52ee38ce6c6c3d2', '003_fc1028512c8b7c0f', '004_3c83e1ac369f3f17'].map(gold);
  const targets = (g: Gold) => g.tables.filter((t) => t.kind === 'performance_targets');
  const activity = s004!.tables.find((t) => t.kind === 'activity_performance_targets')!;
  const tables: GoldTable[] = [
    ...s002!.tables.filter((t) => t.kind !== 'performance_targets').map(lengthen),
    ...[s000!, s002!, s003!, s001!].flatMap(targets),
    activity,
    { ...activity, rows: activity.rows.map((r) => scale(r, 1.05)) },
  ];
  const doc: Gold = { ...s002!, tables };
  const html = path.join(work, 'long-disclosure.html');
  fs.writeFileSync(html, renderHtml(doc, fs.readFileSync(path.join(CORPUS, '002_c52ee38ce6c6c3d2.txt'), 'utf8')));
  const profile = `-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`;
  const soffice = (args: string[]) => run('soffice', [profile, '--headless', '--norestore', ...args], { timeout: 600_000 });
  void soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, html])
    .then(() => soffice(['--convert-to', 'pdf', '--outdir', work, path.join(work, 'long-disclosure.docx')]))
    .then(async () => {
      fs.mkdirSync(path.dirname(OUT), { recursive: true });
      fs.copyFileSync(path.join(work, 'long-disclosure.pdf'), OUT);
      const { stdout } = await run('pdfinfo', [OUT]).catch(() => ({ stdout: '' }));
      const pages = /Pages:\s+(\d+)/.exec(stdout)?.[1] ?? '?';
      console.log(`${path.relative(ROOT, OUT)}: ${tables.length} tables, ${pages} pages, ${fs.statSync(OUT).size} bytes`);
      if (keepAt < 0) fs.rmSync(work, { recursive: true, force: true });
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}

main();
