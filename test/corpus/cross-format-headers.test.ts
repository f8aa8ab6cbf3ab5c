import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/model/index.js';
import { extractDocument } from '../../src/pipeline/extract-document.js';
import { KNOWN_GOLDEN_DIFFERENCES, seedPath } from '../support/corpus.js';

function tables(seed: string): Table[] {
  const r = extractDocument(fs.readFileSync(seedPath(seed)));
  if (!r.ok) throw new Error(r.error);
  return r.document.tables;
}

/**
 * Seed 002 (a PDF conversion) and seed 000 (a Word export) print the same standard tables: the
 * header paths gongkai finds must agree, whatever the converter did to the header rows.
 */
describe('header paths agree across formats for the same table layout', () => {
  const word = tables('000_0018174054ff74da');
  const pdf = tables('002_c52ee38ce6c6c3d2');
  const kinds = [
    'budget_revenue_expenditure_summary',
    'budget_revenue_summary',
    'budget_expenditure_summary',
    'fiscal_appropriation_summary',
    'general_budget_expenditure',
    'general_budget_basic_expenditure',
    'gov_fund_expenditure',
    'soe_capital_expenditure',
    'three_public_expenses',
    'org_structure',
    'performance_targets',
  ];

  it.each(kinds)('%s', (kind) => {
    const w = word.find((t) => t.kind === kind)!;
    const p = pdf.find((t) => t.kind === kind)!;
    const known = KNOWN_GOLDEN_DIFFERENCES['002_c52ee38ce6c6c3d2']!.filter((d) => d.table === p.title);
    const expected = w.columns.map((c, i) => known.find((d) => d.column === i)?.exported ?? c.path);
    expect(p.columns.map((c) => c.path)).toEqual(expected);
  });
});
