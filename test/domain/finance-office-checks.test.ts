import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrichDocument } from '../../src/domain/enrich-document.js';
import type { Document } from '../../src/model/index.js';
import { extractDocumentAsync } from '../../src/pipeline/extract-document.js';
import { CORPUS } from '../support/corpus.js';
import { seedDocument, seedText } from './build-table.js';

/**
 * The rules added for a finance office's checklist, each on the real Shanghai PDFs: where it fires
 * on what is printed, where it fires after one printed word or figure is changed (the document's
 * line changed and enriched again), and where it stays silent.
 */
const docs: Record<string, Document> = {};
beforeAll(async () => {
  for (const [key, file] of Object.entries({
    finance: 'putuo-2024-final-accounts-finance.pdf',
    social: 'putuo-2024-final-accounts-social-work.pdf',
    office: 'putuo-2025-dept-budget-office.pdf',
    commerce: 'putuo-2025-unit-budget-commerce.pdf',
  })) {
    const r = await extractDocumentAsync(new Uint8Array(fs.readFileSync(path.join(CORPUS, 'real', file))));
    if (!r.ok) throw new Error(`${file}: ${r.error}`);
    docs[key] = r.document;
  }
}, 120_000);

const failed = (doc: Document, name: string) => doc.checks!.filter((c) => c.name === name && c.status === 'fail').map((c) => [`${c.rule}/${c.name}`, c.severity, c.message]);
const passed = (doc: Document, name: string) => doc.checks!.filter((c) => c.name === name && c.status === 'pass').map((c) => c.message);

/** The document with one printed line changed, enriched again. */
function mutated(doc: Document, from: string, to: string): Document {
  const at = doc.blocks.findIndex((b) => b.text.includes(from));
  expect(at, `a line printing ${from}`).toBeGreaterThanOrEqual(0);
  const blocks = doc.blocks.map((b, i) => (i === at ? { ...b, text: b.text.replace(from, to) } : b));
  return enrichDocument({ ...doc, blocks, checks: undefined });
}

describe('unmatched brackets and quotes (text/unmatched-bracket)', () => {
  it('fire on the 商务委 unit budget: （款) and （类) in items 11–16', () => {
    expect(failed(docs.commerce!, 'unmatched-bracket')).toHaveLength(6);
    expect(failed(docs.commerce!, 'unmatched-bracket')[0]).toEqual(['text/unmatched-bracket', 'warning', 'an unmatched bracket or quote (（ closed by )): “11.“卫生健康支出（类）行政事业单位医疗（款)行政单位医疗（项）”63.19万元，主要用于行政单位医疗金缴纳。”']);
  });

  it('fire on seed 000 L1685, （其中：… closed by )', () => {
    expect(failed(seedDocument('000_0018174054ff74da'), 'unmatched-bracket').map(([, , m]) => m)).toEqual([expect.stringContaining('（ closed by )): “公务用车购置及运行维护费1.25万元（其中：')]);
  });

  it('fire once one bracket is changed, and are silent on the office budget and on seed 001', () => {
    expect(failed(docs.office!, 'unmatched-bracket')).toEqual([]);
    expect(failed(seedDocument('001_655c0751f88457f2'), 'unmatched-bracket')).toEqual([]);
    const doc = mutated(docs.office!, '（包括实行', '(包括实行');
    expect(failed(doc, 'unmatched-bracket')).toEqual([['text/unmatched-bracket', 'warning', expect.stringContaining('(包括实行公务员管理的事业单位）开支的离退休经费')]]);
  });

  it('leave a list number closed on its own alone (1）…)', () => {
    expect(failed(mutated(docs.office!, '1.根据区政府领导', '1）根据区政府领导'), 'unmatched-bracket')).toEqual([]);
  });
});

describe('a template’s instruction left in (text/template-instruction)', () => {
  it('fires under both empty fund tables of the 社会工作部 决算, once each', () => {
    expect(failed(docs.social!, 'template-instruction').map(([, , m]) => m)).toEqual([
      expect.stringContaining('无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明'),
      expect.stringContaining('无国有资本经营预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明'),
    ]);
  });

  it('fires once an instruction is printed, and is silent on the 财政局 决算', () => {
    expect(failed(docs.finance!, 'template-instruction')).toEqual([]);
    const doc = mutated(docs.finance!, '主要原因是', '（请根据实际情况填写）主要原因是');
    expect(failed(doc, 'template-instruction')).toEqual([['text/template-instruction', 'warning', expect.stringContaining('（请根据实际情况填写）主要原因是')]]);
  });
});

describe('the year in prose (text/prose-year)', () => {
  it('is silent on the four real files: 截至2024年12月31日 in a 2024 决算, 截至2024年8月31日 in a 2025 预算', () => {
    for (const doc of Object.values(docs)) expect(failed(doc, 'prose-year')).toEqual([]);
  });

  it('fires on an as-of date of another year, and on the document’s subject dated another year', () => {
    expect(failed(mutated(docs.finance!, '截至2024年12月31日', '截至2023年12月31日'), 'prose-year')).toEqual([
      ['text/prose-year', 'warning', 'the text dates the state it reports in 2023, the document is the 2024 决算: “（三）国有资产占有使用情况说明截至2023年12月31日，”'],
    ]);
    expect(failed(mutated(docs.office!, '截至2024年8月31日', '截至2023年8月31日'), 'prose-year').map(([id]) => id)).toEqual(['text/prose-year']);
    expect(failed(mutated(docs.finance!, '上海市普陀区财政局2024年度财政拨款', '上海市普陀区财政局2023年度财政拨款'), 'prose-year')).toEqual([
      ['text/prose-year', 'warning', 'the text dates its own figures in 2023, the document is the 2024 决算: “四、财政拨款收入支出决算总体情况说明上海市普陀区财政局2023年度财政拨款收入支出总计0.3万元。”'],
    ]);
  });

  it('leaves a comparison with the year before alone', () => {
    expect(failed(mutated(docs.finance!, '截至2024年12月31日', '截至2024年12月31日，比2023年'), 'prose-year')).toEqual([]);
  });
});

describe('the organisation’s name (text/org-name)', () => {
  it('is silent on the four real files', () => {
    for (const doc of Object.values(docs)) expect(failed(doc, 'org-name')).toEqual([]);
  });

  it('fires on a heading without 普陀区, and on prose whose subject is the short name', () => {
    expect(failed(mutated(docs.office!, '上海市普陀区人民政府办公室机构设置', '上海市人民政府办公室机构设置'), 'org-name')).toEqual([
      ['text/org-name', 'warning', 'the heading “上海市人民政府办公室机构设置” names the organisation 上海市人民政府办公室, elsewhere 上海市普陀区人民政府办公室'],
    ]);
    expect(failed(mutated(docs.finance!, '上海市普陀区财政局2024年度政府采购', '上海市财政局2024年度政府采购'), 'org-name').map(([id]) => id)).toEqual(['text/org-name']);
  });
});

describe('what a 项 is used for (prose/prose-purpose)', () => {
  it('fires on the 社会工作部’s 住房公积金 explained as 医疗保险', () => {
    expect(failed(docs.social!, 'prose-purpose')).toEqual([['prose/prose-purpose', 'warning', '住房公积金（项） is said to be used for “事业单位医疗保险支出”, which is what another 项 pays for']]);
  });

  it('fires once a purpose is changed, and is silent on the 财政局 决算', () => {
    expect(failed(docs.finance!, 'prose-purpose')).toEqual([]);
    expect(failed(mutated(docs.finance!, '职人员住房公积金', '职人员职业年金'), 'prose-purpose').map(([, , m]) => m)).toEqual(['住房公积金（项） is said to be used for “缴纳在职人员职业年金”, which is what another 项 pays for']);
  });
});

describe('三公 prose against a 三公 table with items as columns (prose/prose-three-public)', () => {
  it('maps 年初预算 to the 预算数 column and 支出决算 to the 决算数 column of the 决算 三公 table', () => {
    expect(passed(docs.finance!, 'prose-three-public')).toEqual([
      '三公经费 预算数: 0.95 in both places',
      '三公经费 决算数: 0.00 in both places',
      '因公出国（境）费 决算数: 0.00 in both places',
      '公务用车购置及运行费 决算数: 0.00 in both places',
      '公务接待费 决算数: 0.00 in both places',
    ]);
    expect(failed(docs.finance!, 'prose-three-public')).toEqual([]);
  });

  it('fires when the 决算 is stated as the 预算 figure: 0.95 is in the 预算数 column, the 决算数 column is blank', () => {
    expect(failed(mutated(docs.finance!, '支出决算为0.00万元，完成预算的', '支出决算为0.95万元，完成预算的'), 'prose-three-public')).toEqual([
      ['prose/prose-three-public', 'error', '三公经费 决算数: 0.95 at text: 0.95万元, but nothing at 财政拨款“三公”经费支出决算表 · row 1 · 财政拨款“三公”经费/合计/决算数 (differs by 0.95)'],
    ]);
  });

  it('reads the Shanghai 预算 table (one figure per item, 机关运行经费 beside them)', () => {
    expect(passed(docs.office!, 'prose-three-public')).toContain('机关运行经费 预算数: 213.28 in both places');
    expect(failed(mutated(docs.office!, '公务接待费28.50万元', '公务接待费25.80万元'), 'prose-three-public').map(([id, sev]) => [id, sev])).toEqual([['prose/prose-three-public', 'error']]);
  });
});

describe('决算 against 预算 in words (prose/prose-comparison, prose-completion)', () => {
  it('compare each 预算/决算 pair with its word, with or without a completion figure', () => {
    expect(passed(docs.finance!, 'prose-comparison')).toHaveLength(12);
    expect(failed(docs.finance!, 'prose-comparison')).toEqual([]);
    expect(failed(mutated(docs.finance!, '年初预算为135.90万元', '年初预算为134.90万元'), 'prose-comparison')).toEqual([
      ['prose/prose-comparison', 'error', 'the text says 决算小于, but 决算 135.25万元 大于 预算 134.90万元'],
    ]);
  });

  it('read 基本持平 as within 1% of the budget', () => {
    expect(failed(mutated(docs.finance!, '年初预算为10.00万元', '年初预算为12.00万元'), 'prose-comparison')).toEqual([
      ['prose/prose-comparison', 'error', 'the text says 决算与预算基本持平, but 决算 10.00万元 小于 预算 12.00万元'],
    ]);
  });

  it('take a completion against the budget it names: 完成年初预算 of a 年初预算 of 0', () => {
    expect(failed(docs.social!, 'prose-completion')).toEqual([
      ['prose/prose-completion', 'error', 'the text says 完成年初预算的95.89%, but that 预算 is 0万元: no share can be taken of it (95.89% is of 321.02万元)'],
    ]);
    expect(failed(mutated(docs.social!, '完成年初预算的', '完成全年预算的'), 'prose-completion')).toEqual([]);
  });
});

describe('a change in words against both years’ figures (prose/prose-change-amount)', () => {
  const SEED = '002_c52ee38ce6c6c3d2';
  it('passes seed 002’s 三公 change: 374.46 − 367.45 = 7.01', () => {
    expect(passed(seedDocument(SEED), 'prose-change-amount')).toEqual([
      '增加7.01万元, as 三公经费: 374.46万元 (2023) − 367.45万元 (2022) = 7.01万元',
      '增加6.98万元, as 公务用车运行维护费: 55.58万元 (2023) − 48.6万元 (2022) = 6.98万元',
    ]);
  });

  it('fires once the word or the amount is changed', () => {
    const text = seedText(SEED);
    expect(text).toContain('总体比 2022 年增加 7.01 万元');
    const down = seedDocument(SEED, text.replace('总体比 2022 年增加 7.01 万元', '总体比 2022 年减少 7.01 万元'));
    expect(failed(down, 'prose-change-amount')).toEqual([['prose/prose-change-amount', 'error', 'the text says 减少7.01万元, but 三公经费: 374.46万元 (2023) − 367.45万元 (2022) = 7.01万元']]);
    const off = seedDocument(SEED, text.replace('总体比 2022 年增加 7.01 万元', '总体比 2022 年增加 7.02 万元'));
    expect(failed(off, 'prose-change-amount').map(([id, sev]) => [id, sev])).toEqual([['prose/prose-change-amount', 'hint']]);
  });

  it('is silent where a year’s figure is not stated (the four real files)', () => {
    for (const doc of Object.values(docs)) expect(doc.checks!.filter((c) => c.name === 'prose-change-amount')).toEqual([]);
  });
});

describe('a figure split by 其中 (prose/prose-parts)', () => {
  it('fires on the 财政局’s 政府采购: 4.79 + 0 + 246.47 = 251.26, printed 251.25', () => {
    expect(failed(docs.finance!, 'prose-parts')).toEqual([['prose/prose-parts', 'hint', 'the text states 251.25万元, but the 3 parts it lists after 其中 add up to 251.26万元']]);
  });

  it('fires once a part is changed, and passes the 商务委’s 38.20 = 7.80 + 0 + 30.40', () => {
    expect(passed(docs.commerce!, 'prose-parts')).toEqual(['38.20万元 = the 3 parts it lists after 其中']);
    expect(failed(mutated(docs.commerce!, '政府采购服务预算30.40万', '政府采购服务预算30.50万'), 'prose-parts').map(([id, sev]) => [id, sev])).toEqual([['prose/prose-parts', 'error']]);
  });

  it('leaves a list whose parts are split again alone (seed 002: 其中 … 其中)', () => {
    expect(seedDocument(SEED_002).checks!.filter((c) => c.name === 'prose-parts' && c.status === 'fail')).toEqual([]);
  });
});
const SEED_002 = '002_c52ee38ce6c6c3d2';

describe('completeness by the Shanghai set the document belongs to', () => {
  const withoutBasic = (doc: Document) => enrichDocument({ ...doc, tables: doc.tables.filter((t) => !t.title?.includes('基本支出')), checks: undefined });

  it('is silent on the 部门 and the 单位 budget, which print all nine', () => {
    expect(failed(docs.office!, 'missing-table')).toEqual([]);
    expect(failed(docs.commerce!, 'missing-table')).toEqual([]);
  });

  it('names a missing table by its own set: 部门… in the 部门预算, 预算单位… in the 单位预算', () => {
    expect(failed(withoutBasic(docs.office!), 'missing-table')).toEqual([['completeness/missing-table', 'warning', 'the 部门预算 has no 部门一般公共预算基本支出部门预算经济分类预算表, one of the nine tables it must publish']]);
    expect(failed(withoutBasic(docs.commerce!), 'missing-table')).toEqual([['completeness/missing-table', 'warning', 'the 单位预算 has no 预算单位一般公共预算基本支出部门预算经济分类预算表, one of the nine tables it must publish']]);
  });
});

describe('a percentage of nothing (prose/prose-change, prose-completion)', () => {
  it('fires on the 社会工作部’s four 增长100.00% over a year before of 0 (the unit was set up in 2024)', () => {
    expect(failed(docs.social!, 'prose-change')).toEqual([
      ['prose/prose-change', 'error', "the text says 增长100.00%, but the year before's figure is 307.82万元 − 307.82万元 = 0: a change from 0 has no percentage"],
      ['prose/prose-change', 'error', "the text says 增长100.00%, but the year before's figure is 307.82万元 − 307.82万元 = 0: a change from 0 has no percentage"],
      ['prose/prose-change', 'error', "the text says 增长100.00%, but the year before's figure is 307.82万元 − 307.82万元 = 0: a change from 0 has no percentage"],
      ['prose/prose-change', 'error', "the text says 增长100.00%, but the year before's figure is 10.23万元 − 10.23万元 = 0: a change from 0 has no percentage"],
    ]);
  });

  it('fires once a change is all of this year’s figure, and is silent on the 财政局’s three changes', () => {
    expect(failed(docs.finance!, 'prose-change')).toEqual([]);
    expect(passed(docs.finance!, 'prose-change')).toHaveLength(3);
    expect(failed(mutated(docs.finance!, '增加2.55万元', '增加184.65万元'), 'prose-change')).toEqual([
      ['prose/prose-change', 'error', "the text says 增长1.40%, but the year before's figure is 184.65万元 − 184.65万元 = 0: a change from 0 has no percentage"],
    ]);
  });

  it('fires on the 财政局’s 三公 items 完成预算的0% whose 预算数 the table prints blank, and passes 公务接待费 (0.00 of 0.95)', () => {
    expect(failed(docs.finance!, 'prose-completion')).toEqual([
      ['prose/prose-completion', 'error', 'the text says 因公出国（境）费 完成预算的0%, but its 预算数 in the 三公 table is blank: no share can be taken of it'],
      ['prose/prose-completion', 'error', 'the text says 公务用车购置及运行费 完成预算的0%, but its 预算数 in the 三公 table is blank: no share can be taken of it'],
    ]);
    expect(passed(docs.finance!, 'prose-completion')).toContain('0% is 公务接待费 决算 0.00 of its 预算数 0.95 (0.00%)');
  });

  it('recomputes an item’s completion once its 决算 is changed', () => {
    expect(failed(mutated(docs.finance!, '公务接待费支出决算为0.00万元', '公务接待费支出决算为0.10万元'), 'prose-completion')).toContainEqual([
      'prose/prose-completion',
      'error',
      'the text says 0%, but 公务接待费 决算 0.10 of its 预算数 0.95 is 10.53%',
    ]);
  });
});

describe('numbered items against the total they are listed under (prose/prose-item-totals)', () => {
  it('fires on the 财政局’s 11 items: 年初预算 add up to 2993.93 (printed 2993.92), 决算 to 2940.06 (printed 2940.05)', () => {
    expect(failed(docs.finance!, 'prose-item-totals')).toEqual([
      ['prose/prose-item-totals', 'hint', 'the text states 年初预算 2993.92万元, but the 年初预算 of the 11 items listed after 其中 add up to 2993.93万元'],
      ['prose/prose-item-totals', 'hint', 'the text states 决算 2940.05万元, but the 决算 of the 11 items listed after 其中 add up to 2940.06万元'],
    ]);
  });

  it('passes the 社会工作部’s 9 items (全年预算 321.02, 决算 307.82; its items state no 年初预算), and fires once one item’s figure is changed', () => {
    expect(passed(docs.social!, 'prose-item-totals')).toEqual(['全年预算 321.02万元 = the 全年预算 of the 9 items listed after 其中', '决算 307.82万元 = the 决算 of the 9 items listed after 其中']);
    expect(failed(mutated(docs.social!, '全年预算为52.00万元', '全年预算为52.10万元'), 'prose-item-totals')).toEqual([
      ['prose/prose-item-totals', 'error', 'the text states 全年预算 321.02万元, but the 全年预算 of the 9 items listed after 其中 add up to 321.12万元'],
    ]);
  });

  it('is silent on the budgets, which list no items under a 预算/决算 statement', () => {
    expect(docs.office!.checks!.filter((c) => c.name === 'prose-item-totals')).toEqual([]);
    expect(docs.commerce!.checks!.filter((c) => c.name === 'prose-item-totals')).toEqual([]);
  });
});

describe('比 … 持平 (text/comparison-wording)', () => {
  it('fires on the office’s and the 商务委’s 比2024年预算(执行数)持平, twice each', () => {
    expect(failed(docs.office!, 'comparison-wording').map(([, , m]) => m)).toEqual([
      '“比2024年预算持平” mixes two wordings: 与…持平, or 比…增加/减少: “政府性基金拨款支出预算0万元，比2024年预算持平；”',
      '“比2024年预算持平” mixes two wordings: 与…持平, or 比…增加/减少: “国有资本经营预算拨款支出预算0万元，比2024年预算持平。”',
    ]);
    expect(failed(docs.commerce!, 'comparison-wording').map(([id, sev]) => [id, sev])).toEqual([
      ['text/comparison-wording', 'warning'],
      ['text/comparison-wording', 'warning'],
    ]);
  });

  it('fires once 与 is changed to 比, and is silent on the 决算s, which write 与…持平 and 比…增加/减少', () => {
    expect(failed(docs.finance!, 'comparison-wording')).toEqual([]);
    expect(failed(docs.social!, 'comparison-wording')).toEqual([]);
    expect(failed(mutated(docs.finance!, '决算数与2023年度持平', '决算数比2023年度持平'), 'comparison-wording').map(([, , m]) => m)).toEqual([expect.stringContaining('“比2023年度持平” mixes two wordings')]);
  });
});

describe('持平 explained by a change (text/flat-with-change)', () => {
  it('fires on the 财政局’s 财政拨款收入支出总计持平, whose reason is that less was paid', () => {
    expect(failed(docs.finance!, 'flat-with-change')).toEqual([
      ['text/flat-with-change', 'warning', 'the text says 持平 (no change), but the reason it gives speaks of a change (减少): “财政拨款收入支出总计持平。主要原因：基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付。”'],
    ]);
  });

  it('fires once a reason speaks of a change, and is silent on reasons that do not (商务委’s 三公) and on 无增减变化 (seed 000)', () => {
    expect(failed(docs.commerce!, 'flat-with-change')).toEqual([]);
    expect(failed(seedDocument('000_0018174054ff74da'), 'flat-with-change')).toEqual([]);
    expect(failed(mutated(docs.commerce!, '此部分预算由区外办统一安排', '此部分预算由区外办统一压减'), 'flat-with-change').map(([, , m]) => m)).toEqual([expect.stringContaining('speaks of a change (压减)')]);
  });
});

describe('what went to 中小企业 against the whole 政府采购 (prose/prose-procurement-sme)', () => {
  it('fires on the 社会工作部: 21.07 in the reserved projects and 21.07 again in the other projects, of a 政府采购金额 of 21.07', () => {
    expect(failed(docs.social!, 'prose-procurement-sme')).toEqual([
      ['prose/prose-procurement-sme', 'error', 'the text says 中小企业 won 21.07万元 in the projects reserved for them and 21.07万元 in the other projects, 42.14万元 together — more than the whole 政府采购金额 21.07万元'],
    ]);
  });

  it('passes the 财政局’s 246.47 + 4.79 of 251.25 (0.01 over: the rounding of its parts), and fires once the other projects’ amount is changed', () => {
    expect(passed(docs.finance!, 'prose-procurement-sme')).toEqual(['中小企业 won 246.47万元 + 4.79万元 = 251.26万元, within the 政府采购金额 251.25万元 to the rounding of the parts']);
    expect(failed(mutated(docs.finance!, '成交的，采购金额4.79万元', '成交的，采购金额14.79万元'), 'prose-procurement-sme').map(([id, sev]) => [id, sev])).toEqual([['prose/prose-procurement-sme', 'error']]);
  });

  it('is silent on the budgets, which state no 中小企业 outcome', () => {
    expect(docs.office!.checks!.filter((c) => c.name === 'prose-procurement-sme')).toEqual([]);
    expect(docs.commerce!.checks!.filter((c) => c.name === 'prose-procurement-sme')).toEqual([]);
  });
});

describe('the contents against the headings (text/contents-heading)', () => {
  it('fires on both 决算s: the contents’ 十一、其他重要事项说明 is 十一、其他重要事项的情况说明 in the text', () => {
    for (const doc of [docs.finance!, docs.social!]) {
      expect(failed(doc, 'contents-heading')).toEqual([['text/contents-heading', 'warning', 'the contents name section 十一 of 第三部分 “其他重要事项说明”, the text “其他重要事项的情况说明”']]);
    }
  });

  it('is silent once the entry is printed as the heading, and fires once another entry is changed', () => {
    expect(failed(mutated(docs.finance!, '十一、其他重要事项说明', '十一、其他重要事项的情况说明'), 'contents-heading')).toEqual([]);
    expect(failed(mutated(docs.finance!, '十、预算绩效管理情况', '十、预算绩效工作情况'), 'contents-heading').map(([, , m]) => m)).toEqual([
      'the contents name section 十 of 第三部分 “预算绩效工作情况”, the text “预算绩效管理情况”',
      'the contents name section 十一 of 第三部分 “其他重要事项说明”, the text “其他重要事项的情况说明”',
    ]);
  });

  it('leaves contents without parts alone (the budgets number sections inside sections anew)', () => {
    expect(docs.office!.checks!.filter((c) => c.name === 'contents-heading')).toEqual([]);
    expect(docs.commerce!.checks!.filter((c) => c.name === 'contents-heading')).toEqual([]);
  });
});

describe('a project note’s fields (completeness/project-note)', () => {
  it('fires on the office’s project note: a 实施主体 that names no doer, no amount under 六、年度预算安排, a 绩效目标表 referred to and not printed', () => {
    expect(failed(docs.office!, 'project-note')).toEqual([
      ['completeness/project-note', 'warning', 'the project note “区政府督查及建议提案工作业务经费项目经费情况说明” says under 三、实施主体 what is done, not who does it: “主要完成区委、区政府年度重点工作任务书印制工作，使全区各单位进一步明晰自身目标任…”'],
      ['completeness/project-note', 'warning', 'the project note “区政府督查及建议提案工作业务经费项目经费情况说明” states no amount under 六、年度预算安排: “结合区政府重点工作推进情况，根据合同条款，按时拨付资金。”'],
      ['completeness/project-note', 'warning', 'the project note “区政府督查及建议提案工作业务经费项目经费情况说明” refers its 七、绩效目标 to a 绩效目标表 (“详见单位的项目绩效目标表”), and the document prints none'],
    ]);
  });

  it('is silent once an amount is stated, and fires on a field emptied', () => {
    expect(failed(mutated(docs.office!, '按时拨付资金。', '按时拨付资金，共计120.00万元。'), 'project-note').map(([, , m]) => m)).toEqual([
      expect.stringContaining('under 三、实施主体 what is done'),
      expect.stringContaining('refers its 七、绩效目标 to a 绩效目标表'),
    ]);
    // the doer named: 由区政府办公室负责 … — the field answers who
    expect(failed(mutated(docs.office!, '主要完成区委、区政府年度重点工作任务书印制工作', '由区政府办公室负责完成区委、区政府年度重点工作任务书印制工作'), 'project-note').map(([, , m]) => m)).not.toContainEqual(expect.stringContaining('实施主体'));
    expect(failed(mutated(docs.office!, '2025全年度。', ''), 'project-note').map(([, , m]) => m)).toContain('the project note “区政府督查及建议提案工作业务经费项目经费情况说明” has nothing under 五、实施周期');
  });

  it('is silent on documents without a project note', () => {
    for (const doc of [docs.finance!, docs.social!, docs.commerce!]) expect(doc.checks!.filter((c) => c.name === 'project-note')).toEqual([]);
  });
});

describe('the thousands separator (text/number-format)', () => {
  it('fires on amounts printed without it where the explanation prints most with it: 商务委 3136.40 and 11381.60, the office’s 6626', () => {
    expect(failed(docs.commerce!, 'number-format').map(([, , m]) => String(m).split(' ')[0])).toEqual(['3136.40万元', '11381.60万元']);
    expect(failed(docs.office!, 'number-format')).toEqual([['text/number-format', 'warning', '6626万元 is printed without the thousands separator the text prints its other amounts with: “涉及项目预算资金6626万元。”']]);
  });

  it('is silent once the separator is printed, and on the 决算s, which print none', () => {
    expect(failed(mutated(docs.office!, '资金6626万元', '资金6,626万元'), 'number-format')).toEqual([]);
    expect(failed(docs.finance!, 'number-format')).toEqual([]);
    expect(failed(docs.social!, 'number-format')).toEqual([]);
  });

  it('fires once a separator is dropped', () => {
    expect(failed(mutated(docs.office!, '9,101.68万元', '9101.68万元'), 'number-format').map(([, , m]) => String(m).split(' ')[0])).toEqual(['9101.68万元', '6626万元']);
  });
});

describe('an item listed as what 人员经费 or 公用经费 paid for (prose/prose-listed-item)', () => {
  it('fires on 社会工作部’s 邮电费 (0.00) and 财政局’s 个人农业生产补贴 (blank); the items with an amount pass', () => {
    expect(failed(docs.social!, 'prose-listed-item')).toEqual([['prose/prose-listed-item', 'warning', 'the text lists 邮电费 among what 公用经费 mainly paid for, but 一般公共预算财政拨款基本支出决算表 prints 0.00 for it']]);
    expect(failed(docs.finance!, 'prose-listed-item')).toEqual([['prose/prose-listed-item', 'warning', 'the text lists 个人农业生产补贴 among what 人员经费 mainly paid for, but 一般公共预算财政拨款基本支出决算表 prints blank for it']]);
    expect(passed(docs.social!, 'prose-listed-item')).toContain("公用经费's 办公费: listed in the text, 3.78 in the table");
    expect(passed(docs.finance!, 'prose-listed-item')).toHaveLength(22);
  });

  it('fires once a listed item is swapped for one the table prints 0.00 for, and not for a name the table does not print', () => {
    expect(failed(mutated(docs.social!, '办公费、邮电费', '办公费、印刷费'), 'prose-listed-item').map(([, , m]) => m)).toEqual([
      'the text lists 印刷费 among what 公用经费 mainly paid for, but 一般公共预算财政拨款基本支出决算表 prints 0.00 for it',
    ]);
    expect(failed(mutated(docs.social!, '办公费、邮电费', '办公费、日常开支'), 'prose-listed-item')).toEqual([]);
  });

  it('is silent on the 预算s, which print no such list', () => {
    expect(docs.office!.checks!.filter((c) => c.name === 'prose-listed-item')).toEqual([]);
    expect(docs.commerce!.checks!.filter((c) => c.name === 'prose-listed-item')).toEqual([]);
  });
});

describe('a 项 said to be 基本支出 or 项目支出 (prose/prose-expense-kind)', () => {
  it('fires on 财政局’s 一般行政管理事务, 基本支出 in the text, 项目支出 in the table', () => {
    expect(failed(docs.finance!, 'prose-expense-kind')).toEqual([
      ['prose/prose-expense-kind', 'warning', '一般行政管理事务（项） is said to be used for 基本支出, but the table prints 基本支出 blank and 项目支出 10.00'],
    ]);
    expect(passed(docs.finance!, 'prose-expense-kind')).toEqual(['行政运行（项） is said to be 基本支出, and the table prints 基本支出 1,503.52']);
  });

  it('passes once the text says 项目支出, and fires on 社会工作部 once its 项目支出 is called 基本支出', () => {
    const fixed = mutated(docs.finance!, '宣传等基本支出', '宣传等项目支出');
    expect(failed(fixed, 'prose-expense-kind')).toEqual([]);
    expect(passed(fixed, 'prose-expense-kind')).toContain('一般行政管理事务（项） is said to be 项目支出, and the table prints 项目支出 10.00');
    expect(failed(docs.social!, 'prose-expense-kind')).toEqual([]);
    expect(failed(mutated(docs.social!, '设项目支出。', '设基本支出。'), 'prose-expense-kind').map(([, , m]) => m)).toEqual([
      '其他社会工作事务支出（项） is said to be used for 基本支出, but the table prints 基本支出 blank and 项目支出 202.24',
    ]);
  });
});

describe('one paragraph comparing with a year on two bases (text/comparison-base)', () => {
  it('fires on the 商务委: 收入 against the 2024年预算执行数, 支出 against the 2024年预算', () => {
    expect(failed(docs.commerce!, 'comparison-base')).toEqual([
      [
        'text/comparison-base',
        'warning',
        expect.stringMatching(/^the paragraph compares with “2024年预算执行数” and with “2024年预算”, two bases for one year: “…预算37,151.47万元.*比2024年预算执行数增加24,558.18万元；” \/ “.*比2024年预算增加24,491.71万元。”$/u),
      ],
    ]);
    expect(docs.commerce!.checks!.find((c) => c.name === 'comparison-base')!.refs.map((r) => r.prov[0]!.kind === 'pdf' && r.prov[0]!.page)).toEqual([7, 7]);
  });

  it('is silent on the office budget, which compares with the 2024年预算 only, and fires once one comparison names the 执行数', () => {
    expect(failed(docs.office!, 'comparison-base')).toEqual([]);
    expect(failed(mutated(docs.office!, '比2024年预算减少2,389.52万', '比2024年预算执行数减少2,389.52万'), 'comparison-base').map(([id]) => id)).toEqual(['text/comparison-base']);
    // 与2023年度相比 names no base: nothing to compare
    expect(failed(docs.finance!, 'comparison-base')).toEqual([]);
  });
});

describe('a full stop inside a sentence (text/sentence-cut)', () => {
  it('fires on the 商务委’s （三）公务接待费1.00万元。与2024年预算持平', () => {
    expect(failed(docs.commerce!, 'sentence-cut')).toEqual([
      ['text/sentence-cut', 'warning', 'a full stop cuts a sentence: “与2024年预算持平” has no subject; it belongs to the sentence before: “（三）公务接待费1.00万元。与2024年预算持平，”'],
    ]);
  });

  it('fires once a comma of the office budget is made a full stop, and is silent on 与2023年度相比，… opening a sentence', () => {
    expect(failed(docs.office!, 'sentence-cut')).toEqual([]);
    expect(failed(mutated(docs.office!, '28.50万元，与2024年预算持平', '28.50万元。与2024年预算持平'), 'sentence-cut').map(([id]) => id)).toEqual(['text/sentence-cut']);
    expect(failed(docs.finance!, 'sentence-cut')).toEqual([]);
    expect(docs.finance!.blocks.some((b) => /与2023年度相比，/u.test(b.text))).toBe(true);
  });
});
