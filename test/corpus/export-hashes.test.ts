import { beforeAll, describe, expect, it } from 'vitest';
import { hashCorpusExport, readRecordedHashes, type ExportHash } from '../support/export-hashes.js';

/**
 * The shipped corpus's JSON export, hashed per document under the versions that made it
 * (test/corpus/export-hashes.json). A change to what a document exports must bump the version of
 * the stage that made it (its extractor, normalize or enrich), or re-runs keep the stale output:
 * the export changing while the versions stay is a failure here. After a bump the versions key
 * is new and has no hash yet: check the change (`gongkai diff`, the goldens), then record it with
 * `npm run record-export-hashes` (docs/usage.md, "Re-running after a parser fix").
 */
let hashes: ExportHash[];
const recorded = readRecordedHashes().documents;

beforeAll(async () => {
  hashes = await hashCorpusExport();
}, 600_000);

describe('the corpus export under its stage versions', () => {
  it('holds the documents recorded, no more and no fewer', () => {
    expect(hashes.map((h) => h.source).sort()).toEqual(Object.keys(recorded).sort());
  });

  it('is unchanged for every document whose versions are unchanged', () => {
    const changed = hashes.filter((h) => recorded[h.source]?.[h.versions] !== undefined && recorded[h.source]![h.versions] !== h.sha256);
    expect(
      changed.map((h) => `${h.source}: the export changed under ${h.versions} — bump the version of the stage that changed it`),
    ).toEqual([]);
  });

  it('has a hash recorded for the versions each document is made by now', () => {
    const unrecorded = hashes.filter((h) => recorded[h.source]?.[h.versions] === undefined);
    expect(unrecorded.map((h) => `${h.source}: nothing recorded for ${h.versions} (check the change, then npm run record-export-hashes)`)).toEqual([]);
  });
});
