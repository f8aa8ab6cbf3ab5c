// scratch: npx tsx scripts/lib/score-scans.ts — per scan, the equal cells and amounts and the missed amounts
import { extractDocumentAsync } from '../../src/pipeline/extract-document.js';
import { compareScan, scanBytes, share, TABLE_SCANS } from './scan-goldens.js';

const only = process.argv.slice(2);
for (const s of TABLE_SCANS) {
  if (only.length && !only.includes(s.scan)) continue;
  const t0 = performance.now();
  const result = await extractDocumentAsync(scanBytes(s.scan));
  if (!result.ok) throw new Error(result.error);
  const t = compareScan(result.document, s.seed, s.tables);
  console.log(`${s.scan}: cells ${share(t.cells, t.allCells)}, amounts ${share(t.amounts, t.allAmounts)}, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const m of t.missed) console.log(`   ${m.want} → ${JSON.stringify(m.got)}`);
}
