// Types for the shared scorer (copied verbatim from ../shared/score.mjs so tests run without ../shared).
export interface ScoreTotals {
  documents: number;
  matched_documents: number;
  table_recall: number;
  table_precision: number;
  fact_recall: number;
  fact_precision: number;
  fact_f1: number;
  cell_recall: number;
  cell_precision: number;
  meta_accuracy: number;
  gold_tables: number;
  gold_facts: number;
}
export interface DocScore {
  source: string;
  matched: boolean;
  missedTables: string[];
  extraTables: string[];
  factErrors: unknown[];
  table_recall: number;
  fact_f1: number;
  cell_recall: number;
  cell_precision: number;
  meta_accuracy: number;
}
export function scoreDocs(gold: unknown[], pred: unknown[]): { overall: ScoreTotals; documents: DocScore[] };
export function loadGoldDir(dir: string): unknown[];
