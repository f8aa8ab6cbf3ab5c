/**
 * `npm run record-export-hashes`: records the corpus export's hashes under the current stage
 * versions in test/corpus/export-hashes.json, after a version bump whose changes were checked.
 * It never overwrites a hash recorded under the same versions: an export that changed while no
 * version did is refused, naming the documents — bump the stage that changed them first.
 */
import fs from 'node:fs';
import { HASHES_FILE, hashCorpusExport, readRecordedHashes } from '../test/support/export-hashes.js';

const recorded = readRecordedHashes();
const hashes = await hashCorpusExport();
const unbumped = hashes.filter((h) => {
  const was = recorded.documents[h.source]?.[h.versions];
  return was !== undefined && was !== h.sha256;
});
if (unbumped.length > 0) {
  for (const h of unbumped) console.error(`record-export-hashes: ${h.source}: the export changed under ${h.versions}, already recorded — bump the version of the stage that changed it`);
  process.exit(1);
}
const documents: Record<string, Record<string, string>> = {};
// only the current versions are kept: an older key can never match again
for (const h of [...hashes].sort((a, b) => a.source.localeCompare(b.source))) documents[h.source] = { [h.versions]: h.sha256 };
const added = hashes.filter((h) => recorded.documents[h.source]?.[h.versions] === undefined).length;
fs.writeFileSync(HASHES_FILE, JSON.stringify({ about: recorded.about, documents }, null, 2) + '\n');
console.log(`record-export-hashes: ${hashes.length} documents, ${added} hashes recorded anew → ${HASHES_FILE}`);
