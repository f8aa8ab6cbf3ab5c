import { changedTableSettings, type InputFormat } from '../model/index.js';
import type { ExtractOptions } from './extract-document.js';

/**
 * The options that shaped a document's extraction, as the command-line flags that ask for them
 * (`--pages 1-3,7 --area 10,20,300,400 --method lattice --table-settings {"snapTolerancePt":3}`), '' for the defaults. Stored with the
 * document beside its stage versions: a run with other options re-extracts it. Only PDFs read
 * these options; any other format was extracted the same whatever they were, so it gets ''.
 * A password is named, never stored: a PDF that failed without one is read again with one.
 */
export function extractionFlags(format: InputFormat | string | null, options: ExtractOptions = {}): string {
  if (format !== 'pdf') return '';
  const flags: string[] = [];
  if (options.pages?.length) flags.push(`--pages ${pageRanges(options.pages)}`);
  if (options.area) flags.push(`--area ${options.area.join(',')}`);
  if (options.method && options.method !== 'auto') flags.push(`--method ${options.method}`);
  const settings = changedTableSettings(options.tableSettings ?? {});
  // keys sorted: the same settings given in another order are the same extraction
  if (Object.keys(settings).length) flags.push(`--table-settings ${JSON.stringify(Object.fromEntries(Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1))))}`);
  if (options.password !== undefined) flags.push('--password (given)');
  return flags.join(' ');
}

/** [1, 2, 3, 7] → `1-3,7`, as `--pages` takes it. */
function pageRanges(pages: number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return out.join(',');
}
