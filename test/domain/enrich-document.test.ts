import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enrichDocument } from '../../src/domain/enrich-document.js';
import { Document } from '../../src/model/index.js';
import { ALL_SEEDS, CORPUS } from '../support/corpus.js';
import { lineOf, seedDocument } from './build-table.js';

const docs = Object.fromEntries(ALL_SEEDS.map((s) => [s, seedDocument(s)]));

/**
 * Every failed check over the five seeds, each verified by hand against the seed text: the
 * seed, the rule, and `line:printed` of every non-blank cell or sentence it involves.
 */
const FINDINGS: [seed: string, rule: string, places: string][] = [
  // prose L1679 says 人员经费433.32万元; the 基本支出表 合计/人员经费 cell is 433.22
  ['000_0018174054ff74da', 'prose/prose-amount', '1679:433.32 1297:433.22'],
  // L1685: （其中：…公务用车运行维护费1.25万元) — a full-width bracket closed by a half-width one
  ['000_0018174054ff74da', 'text/unmatched-bracket', '1685:公务用车购置及运行维护费1.25万元（其中：公务用车购置费为0万元，公务用车运行维护费1.25万元)，公务用车购置费与上年持平，无增减变化；'],
  // 1085.26 + 67.53 + 66.87 + 55.13 = 1274.79, but the totals print 1274.78 (收支总表, 收入总表 ×3 columns, 支出总表, 财政拨款收支总表 ×2, 一般公共预算支出表)
  ['001_655c0751f88457f2', 'row-arithmetic/subtotal', '212:1274.78 26:1085.26 68:67.53 80:66.87 140:55.13'],
  ['001_655c0751f88457f2', 'hierarchy/total-of-classes', '270:1274.78 284:1085.26 354:67.53 396:66.87 438:55.13'],
  ['001_655c0751f88457f2', 'hierarchy/total-of-classes', '271:1274.78 285:1085.26 355:67.53 397:66.87 439:55.13'],
  ['001_655c0751f88457f2', 'hierarchy/total-of-classes', '272:1274.78 286:1085.26 356:67.53 398:66.87 440:55.13'],
  ['001_655c0751f88457f2', 'hierarchy/total-of-classes', '516:1274.78 526:1085.26 576:67.53 606:66.87 636:55.13'],
  // 支出总表 合计/基本支出 827.09, its 类 add up to 826.96; and 827.09 + 447.83 = 1274.92 ≠ 1274.78
  ['001_655c0751f88457f2', 'hierarchy/total-of-classes', '517:827.09 527:637.43 577:67.53 607:66.87 637:55.13'],
  ['001_655c0751f88457f2', 'row-arithmetic/column-total', '516:1274.78 517:827.09 518:447.83'],
  ['001_655c0751f88457f2', 'row-arithmetic/subtotal', '975:1274.78 696:1085.26 759:67.53 777:66.87 867:55.13'],
  ['001_655c0751f88457f2', 'row-arithmetic/subtotal', '976:1274.78 697:1085.26 760:67.53 778:66.87 868:55.13'],
  ['001_655c0751f88457f2', 'hierarchy/total-of-classes', '1055:1274.78 1062:1085.26 1097:67.53 1118:66.87 1139:55.13'],
  // 一般公共预算支出表 合计/基本支出 826.95, its 类 add up to 826.96
  ['001_655c0751f88457f2', 'hierarchy/total-of-classes', '1056:826.95 1063:637.43 1098:67.53 1119:66.87 1140:55.13'],
  // 基本支出表: 301 712.80 vs its 款 712.81; 302 92.90 vs its 款 92.91 (in 合计 and in 人员经费 / 公用经费)
  ['001_655c0751f88457f2', 'hierarchy/class-sum', '1192:712.80 1199:211.68 1206:221.71 1213:88.00 1220:67.53 1227:29.85 1234:37.02 1241:1.89 1248:55.13'],
  ['001_655c0751f88457f2', 'hierarchy/class-sum', '1255:92.90 1262:9.88 1269:26.48 1276:0.9 1283:1.56 1290:1.61 1297:18.00 1304:34.48'],
  ['001_655c0751f88457f2', 'hierarchy/class-sum', '1193:712.80 1200:211.68 1207:221.71 1214:88.00 1221:67.53 1228:29.85 1235:37.02 1242:1.89 1249:55.13'],
  ['001_655c0751f88457f2', 'hierarchy/class-sum', '1257:92.90 1264:9.88 1271:26.48 1278:0.9 1285:1.56 1292:1.61 1299:18.00 1306:34.48'],
  // all revenue is 一般公共预算, yet 支出总表 基本支出 827.09 ≠ 一般公共预算支出表 826.95
  ['001_655c0751f88457f2', 'cross-table/same-as-general-budget', '517:827.09 1056:826.95'],
  // 资产构成情况表: 四、文物和陈列品 原值 12.0480, but 其中：文物 0.00 and 陈列品 0.00
  ['002_c52ee38ce6c6c3d2', 'row-arithmetic/subtotal', '930:12.0480 931:0.00 932:0.00'],
  // prose L396: 2023年部门支出预算为8320.77万元; the 支出总表 合计 is 8900.03
  ['002_c52ee38ce6c6c3d2', 'prose/prose-amount', '396:8320.77 133:8900.03'],
  // L454 ends in 。。
  ['002_c52ee38ce6c6c3d2', 'text/doubled-punctuation', '454:3、绩效目标：为招商引资活动，提供优质公务接待服务。。'],
  // 资产总额 1186.08, but 32.63 + 330.54 + —— + 822.9 = 1186.07
  ['004_3c83e1ac369f3f17', 'row-arithmetic/subtotal', '1319:1186.08 1323:32.63 1331:330.54 1335:—— 1339:822.9'],
  // prose L1307: 上年末固定资产金额为1186.08元 — 元, where the table says 1186.08 万元
  ['004_3c83e1ac369f3f17', 'prose/prose-amount', '1307:1186.08 1319:1186.08'],
];

describe('enrichDocument over the five seeds', () => {
  it('reports exactly the disagreements printed in the seeds, each with every place it involves', () => {
    const found = ALL_SEEDS.flatMap((seed) =>
      docs[seed]!.checks!.filter((c) => c.status === 'fail').map((c): [string, string, string] => [
        seed,
        `${c.rule}/${c.name}`,
        c.refs
          .filter((r) => r.text !== '')
          .map((r) => `${lineOf(r.prov)}:${r.role === 'prose' ? r.value : r.text}`)
          .join(' '),
      ]),
    );
    expect(found).toEqual(FINDINGS);
  });

  it('passes every other check: a check that fires on consistent numbers would be a bug', () => {
    for (const seed of ALL_SEEDS) {
      const checks = docs[seed]!.checks!;
      expect(checks.length, seed).toBeGreaterThan(seed.startsWith('003') ? 10 : 25);
      expect(checks.filter((c) => c.status === 'pass').length, seed).toBe(checks.length - FINDINGS.filter(([s]) => s === seed).length);
    }
  });

  it('gives every amount cell a unit and a value in yuan where the table prints a unit, the printed digits kept', () => {
    for (const seed of ALL_SEEDS) {
      for (const t of docs[seed]!.tables) {
        for (const a of t.amounts!) {
          const cell = t.cells.find((c) => c.row === a.row && c.col === a.col)!;
          expect(a.printed).toBe(cell.text);
          expect(a.unit).toBe(t.unit);
          if (t.unit === '万元') expect(a.yuan, `${seed} ${t.title} ${a.printed}`).toBe(Number((a.value * 10000).toFixed(Math.max(0, a.decimals - 4))));
          else expect(a.yuan).toBeNull();
        }
      }
    }
    const assets = docs['002_c52ee38ce6c6c3d2']!.tables.find((t) => t.title === '2022年资产构成情况表')!;
    expect(assets.unit).toBeNull();
    expect(assets.amounts!.find((a) => a.printed === '2413.603435')).toMatchObject({ value: 2413.603435, decimals: 6, yuan: null, item: '合计', column: ['实有数', '原值'] });
  });

  it('reads the project info of 绩效目标表 as amounts (seed 003: 预算数 2.70 of 党史宣传研究工作经费)', () => {
    const t = docs['003_fc1028512c8b7c0f']!.tables[0]!;
    expect(t.amounts!.map((a) => [a.item, a.column.join('/'), a.printed, a.yuan])).toEqual([
      ['党史宣传研究工作经费', '预算数', '2.70', 27000],
      ['党史宣传研究工作经费', '财政资金', '2.70', 27000],
      ['党史宣传研究工作经费', '其他资金', '0', 0],
    ]);
  });

  it('parses the 指标值 of 绩效目标表 and the 评价标准 of the 工作活动 table', () => {
    const t = docs['002_c52ee38ce6c6c3d2']!.tables.find((x) => x.title === '泰盛商务大厦办公楼租金绩效目标表')!;
    expect(t.indicators!.map((v) => `${v.operator ?? ''}${v.number ?? ''}|${v.unit ?? ''}|${v.kind}`)).toContain('≤4.3|元/平米/天|number');
    expect(t.indicators!.filter((v) => v.raw === '比上年有所提高').every((v) => v.kind === 'text' && v.number === null)).toBe(true);
    // the project-info block of seed 003 is not an indicator row
    const t3 = docs['003_fc1028512c8b7c0f']!.tables[0]!;
    expect(t3.indicators!.map((v) => v.raw)).toEqual(['≥100本', '≥100本', '是否', '≥100%', '是否', '是否', '是否', '是否', '≥95%']);
    const activity = docs['004_3c83e1ac369f3f17']!.tables[0]!;
    expect(activity.indicators!.find((v) => v.raw === '80-90%')).toMatchObject({ kind: 'range', number: 80, upper: 90, unit: '%' });
  });

  it('is pure and leaves everything printed as it was', () => {
    const doc = docs['000_0018174054ff74da']!;
    const bare = { ...doc, checks: undefined, tables: doc.tables.map(({ rowInfo: _r, amounts: _a, indicators: _i, ...t }) => t) };
    const again = enrichDocument(structuredClone(bare));
    expect(again).toEqual(doc);
    expect(bare.tables[0]!.cells).toEqual(doc.tables[0]!.cells);
    expect(Document.parse(again)).toEqual(again);
  });
});

describe('enrichDocument on the .docx and .pdf renderings of the seeds (corpus/rendered)', () => {
  // prose, its wording and the notes under empty tables are not in the renderings
  const tableFindings = (doc: Document) =>
    doc.checks!.filter((c) => c.status === 'fail' && !['prose', 'text', 'completeness'].includes(c.rule)).map((c) => `${c.rule}/${c.name} ${c.refs.map((r) => r.text).filter(Boolean).join(' ')}`);

  it.each(['001_655c0751f88457f2', '002_c52ee38ce6c6c3d2', '004_3c83e1ac369f3f17'])('%s.docx fails exactly the table checks its text export fails (the renderings carry no prose)', async (seed) => {
    const { extractDocumentAsync } = await import('../../src/pipeline/extract-document.js');
    const r = await extractDocumentAsync(new Uint8Array(fs.readFileSync(path.join(CORPUS, 'rendered', `${seed}.docx`))));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(tableFindings(r.document)).toEqual(tableFindings(docs[seed]!));
    expect(tableFindings(r.document).length).toBeGreaterThan(0);
  }, 60_000);

  it('000.pdf: the 采购 label cut by the page break (`(2022年)`, p. 14) is one cell again, and the table passes its checks', async () => {
    const { extractDocumentAsync } = await import('../../src/pipeline/extract-document.js');
    const r = await extractDocumentAsync(new Uint8Array(fs.readFileSync(path.join(CORPUS, 'rendered', '000_0018174054ff74da.pdf'))));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const procurement = r.document.tables.find((t) => t.kind === 'procurement')!;
    expect(procurement.cells.some((c) => c.text === '运转类公用项目经费(2022年)')).toBe(true);
    expect(procurement.cells.some((c) => c.text === '(2022年)')).toBe(false);
    expect(tableFindings(r.document)).toEqual([]);
  }, 60_000);
});
