import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/index.js';
import { extractDocumentAsync } from '../../src/pipeline/extract-document.js';
import { CORPUS } from '../support/corpus.js';
import { seedDocument, seedText } from './build-table.js';

const SEED = '000_0018174054ff74da';
const failed = (doc: Document, rule: string) => doc.checks!.filter((c) => c.rule === rule && c.status === 'fail').map((c) => [`${c.rule}/${c.name}`, c.severity, c.message]);
/** Text findings beyond seed 000's own （其中：…) (L1685), which every mutated copy keeps. */
const added = (doc: Document) => failed(doc, 'text').filter(([id]) => id !== 'text/unmatched-bracket');
/** Seed 000's text with one printed line changed. */
const mutated = (from: string, to: string) => {
  const text = seedText(SEED);
  expect(text).toContain(from);
  return seedDocument(SEED, text.replace(from, to));
};

describe('text checks (wording a reader would flag)', () => {
  it('find on seed 000 only its （其中：…) at L1685, printed there', () => {
    expect(failed(seedDocument(SEED), 'text').map(([id]) => id)).toEqual(['text/unmatched-bracket']);
  });

  it('fire on seed 002’s 。。 (L454), with the sentence as the place', () => {
    const doc = seedDocument('002_c52ee38ce6c6c3d2');
    const [check] = doc.checks!.filter((c) => c.rule === 'text');
    expect(check).toMatchObject({ name: 'doubled-punctuation', severity: 'warning', status: 'fail' });
    expect(check!.refs[0]).toMatchObject({ role: 'text', text: '3、绩效目标：为招商引资活动，提供优质公务接待服务。。' });
    expect(check!.refs[0]!.prov[0]).toMatchObject({ kind: 'text', start: { line: 454 } });
  });

  it('fire once one printed word is changed: a placeholder, a title dated another year, a character that did not render', () => {
    expect(added(mutated('目前我部门预算的编制', '目前XX局预算的编制'))).toEqual([
      ['text/placeholder', 'warning', 'a template placeholder left in: “…关规定，目前XX局预算的编制…” in the text “按照预算管理有关规定，目前XX局预算的编制实行综合预算管理，…”'],
    ]);
    expect(added(mutated(']部门预算收入总表', ']2021年部门预算收入总表'))).toEqual([
      ['text/title-year', 'warning', 'the title 2021年部门预算收入总表 is dated 2021, the document 2022'],
    ]);
    expect(added(mutated('1、收入说明', '1、收入说\uFFFD'))).toEqual([
      ['text/unrendered-text', 'warning', expect.stringContaining('characters that did not render: “1、收入说\uFFFD”')],
    ]);
  });

  it('leave a prior-year comparison and a 预算’s asset table of the year before alone', () => {
    expect(added(mutated(']部门预算收入总表', ']部门预算收入总表（与2021年对比）'))).toEqual([]);
    expect(added(mutated(']部门预算收入总表', ']2021年资产构成情况表'))).toEqual([]);
  });
});

describe('completeness checks (the nine tables, and why a table is empty)', () => {
  it('are silent on seed 000: all nine tables, the empty ones with 注：无…，空表列示', () => {
    expect(failed(seedDocument(SEED), 'completeness')).toEqual([]);
  });

  it('fire on the .docx rendering of seed 000, which prints the empty tables without their notes', async () => {
    const r = await extractDocumentAsync(new Uint8Array(fs.readFileSync(path.join(CORPUS, 'rendered', `${SEED}.docx`))));
    if (!r.ok) throw new Error(r.error);
    expect(failed(r.document, 'completeness').map(([id, , message]) => [id, message])).toEqual([
      ['completeness/empty-table-unexplained', '部门预算政府基金预算财政拨款支出表 is empty and says nowhere why (本部门无… / 空表说明)'],
      ['completeness/empty-table-unexplained', '部门预算国有资本经营预算财政拨款支出表 is empty and says nowhere why (本部门无… / 空表说明)'],
    ]);
  });

  it('fire when a note is taken out, and when a table is missing', () => {
    expect(failed(mutated('注：无国有资本经营预算财政拨款预算，空表列示。', ''), 'completeness').map(([id]) => id)).toEqual(['completeness/empty-table-unexplained']);
    const text = seedText(SEED);
    const [from, to] = [text.indexOf('[bookmark: _Toc_2_2_0000000008]'), text.indexOf('[bookmark: _Toc_2_2_0000000009]')];
    const doc = seedDocument(SEED, text.slice(0, from) + text.slice(to));
    expect(failed(doc, 'completeness')).toEqual([['completeness/missing-table', 'warning', 'the 预算 has no 部门预算国有资本经营预算财政拨款支出表, one of the nine tables it must publish']]);
  });

  it('ask nothing of a document that is no disclosure of the set (seed 003: 绩效目标表 only)', () => {
    expect(failed(seedDocument('003_fc1028512c8b7c0f'), 'completeness')).toEqual([]);
  });
});
