import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPanels } from '../../src/normalize/panels.js';
import { extractDocumentAsync } from '../../src/pipeline/extract-document.js';
import { CORPUS } from '../support/corpus.js';

describe('findPanels', () => {
  it('finds side-by-side copies of one set of columns by their lowest header labels', () => {
    expect(findPanels([['经济分类科目编码'], ['科目名称'], ['决算数'], ['经济分类科目编码'], ['科目名称'], ['决算数']])).toEqual([0, 3]);
    expect(findPanels([['人员经费', '科目编码'], ['人员经费', '金额'], ['公用经费', '科目编码'], ['公用经费', '金额']])).toEqual([0, 2]);
  });

  it('leaves a table of one panel, and halves whose columns differ, alone', () => {
    expect(findPanels([['科目编码'], ['科目名称'], ['合计'], ['人员经费'], ['公用经费']])).toBeNull();
    expect(findPanels([['收入', '项目'], ['收入', '预算数'], ['支出', '项目'], ['支出', '合计'], ['支出', '基本支出']])).toBeNull();
    expect(findPanels([[], [], [], []])).toBeNull();
    expect(findPanels([['合计', '预算数'], ['合计', '决算数'], ['公务接待费', '预算数'], ['公务接待费', '决算数']])).toBeNull();
  });

  it('marks the two-panel tables of a real 决算: 收入 beside 支出 in the summary, 人员经费 beside 公用经费 in the 基本支出 table', async () => {
    const r = await extractDocumentAsync(new Uint8Array(fs.readFileSync(path.join(CORPUS, 'real', 'putuo-2024-final-accounts-social-work.pdf'))));
    if (!r.ok) throw new Error(r.error);
    const marked = r.document.tables.filter((t) => t.panels).map((t) => [t.title, t.panels]);
    expect(marked).toEqual([
      ['收入支出决算总表', [0, 2]],
      ['一般公共预算财政拨款基本支出决算表', [0, 3]],
    ]);
  });
});
