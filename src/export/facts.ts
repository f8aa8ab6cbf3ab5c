import type { Fact } from '../model/index.js';
import { FACT_COLUMNS, type Store } from '../store/index.js';
import { csvField } from './export-csv.js';
import { openOutput } from './output.js';

/** How facts are written: CSV (UTF-8 with BOM, like the per-table CSVs) or JSON Lines. */
export type FactFormat = 'csv' | 'jsonl';

/** The format an output file name asks for: `.jsonl`/`.ndjson` is JSON Lines, anything else CSV. */
export function factFormatOf(file: string): FactFormat {
  return /\.(?:jsonl|ndjson)$/i.test(file) ? 'jsonl' : 'csv';
}

/** One fact as a CSV line (prov stays a JSON string; empty fields for null). */
export function factCsvLine(f: Fact): string {
  return FACT_COLUMNS.map((k) => {
    const v = f[k];
    return v === null || v === undefined ? '' : csvField(String(v));
  }).join(',');
}

/** One fact as a JSON object (prov parsed, so that it is a list of provenance pieces). */
export function factJson(f: Fact): Record<string, unknown> {
  return { ...f, prov: JSON.parse(f.prov) };
}

/**
 * Writes every row of the `fact` view — one per amount cell — to `outFile` (`-`: standard
 * output), streaming; a file appears whole or not at all. Returns how many were written.
 */
export function writeFacts(store: Store, outFile: string, format: FactFormat = factFormatOf(outFile)): number {
  const out = openOutput(outFile);
  let n = 0;
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length) out.write(buffer.join(''));
    buffer = [];
  };
  try {
    if (format === 'csv') buffer.push('\ufeff' + FACT_COLUMNS.join(',') + '\r\n');
    for (const f of store.facts()) {
      buffer.push(format === 'csv' ? factCsvLine(f) + '\r\n' : JSON.stringify(factJson(f)) + '\n');
      if (++n % 5000 === 0) flush();
    }
    flush();
    out.commit();
  } catch (e) {
    out.abort();
    throw e;
  }
  return n;
}
