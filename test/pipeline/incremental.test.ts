import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/pipeline/diff-documents.js';
import { EXTRACTORS } from '../../extractors/index.js';
import { runCorpus, type DocumentEvent } from '../../src/pipeline/run-corpus.js';
import { STAGE_VERSIONS } from '../../src/pipeline/stage-versions.js';
import { openStore } from '../../src/store/index.js';
import { seedPath, tempDir } from '../support/corpus.js';
import { sqliteConnection } from '../../src/store/store.js';

const pdfText = EXTRACTORS['pdf-text'] as { version: string };
const released = pdfText.version;
afterEach(() => {
  pdfText.version = released;
});

describe('a re-run after a change', () => {
  it('re-extracts exactly the changed file and the documents of the bumped extractor, and the diff shows exactly what changed', async () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(docs);
    for (const seed of ['000_0018174054ff74da', '002_c52ee38ce6c6c3d2', '004_3c83e1ac369f3f17']) fs.copyFileSync(seedPath(seed), path.join(docs, `${seed}.txt`));
    const db = path.join(dir, 'g.sqlite');
    // jobs 0: parse on this thread, where the test can bump an extractor's version
    await runCorpus([docs], { db, jobs: 0 });

    const file004 = path.join(docs, '004_3c83e1ac369f3f17.txt');
    const lines = fs.readFileSync(file004, 'utf8').split('\n');
    expect(lines[234]).toBe('\t44.90'); // L235: 年度预算数 of 一、政府办-政务服务
    lines[234] = '\t44.99';
    fs.writeFileSync(file004, lines.join('\n'));
    pdfText.version = `${released}-fix`;

    const events: DocumentEvent[] = [];
    const second = await runCorpus([docs], { db, jobs: 0, onDocument: (e) => events.push(e) });
    expect(events.map((e) => [path.basename(e.source), e.outcome])).toEqual([
      ['000_0018174054ff74da.txt', 'unchanged'],
      ['002_c52ee38ce6c6c3d2.txt', 'changed'],
      ['004_3c83e1ac369f3f17.txt', 'changed'],
    ]);

    const store = openStore(db);
    const before = store.versionsAt(second.runId - 1);
    const after = store.versionsAt(second.runId);
    const bySource = (m: typeof before, name: string) => [...m.values()].find((v) => v.source.endsWith(name))!;

    const d004 = diffDocuments(bySource(before, '004_3c83e1ac369f3f17.txt').document, bySource(after, '004_3c83e1ac369f3f17.txt').document);
    expect(d004.fields).toEqual([]);
    expect(d004.tables).toHaveLength(1);
    expect(d004.tables[0]!.cells.map((c) => ({ kind: c.kind, bodyRow: c.bodyRow, column: c.column, before: c.before, after: c.after }))).toEqual([
      { kind: 'changed', bodyRow: 1, column: '年度预算数', before: '44.90', after: '44.99' },
    ]);
    const prov = d004.tables[0]!.cells[0]!.afterProv[0]!;
    expect(prov.kind === 'text' && prov.start.line).toBe(235);

    const d002 = diffDocuments(bySource(before, '002_c52ee38ce6c6c3d2.txt').document, bySource(after, '002_c52ee38ce6c6c3d2.txt').document);
    expect(d002.tables).toEqual([]);
    expect(d002.fields).toEqual([{ field: 'extractor', before: `pdf-text@${released}`, after: `pdf-text@${released}-fix` }]);

    expect(bySource(before, '000_0018174054ff74da.txt').runId).toBe(bySource(after, '000_0018174054ff74da.txt').runId);
    store.close();
  });
  it('re-extracts the documents stored by an older normalise or enrich stage, whatever their format, and only those', async () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(docs);
    for (const seed of ['000_0018174054ff74da', '001_655c0751f88457f2']) fs.copyFileSync(seedPath(seed), path.join(docs, `${seed}.txt`));
    const db = path.join(dir, 'g.sqlite');
    await runCorpus([docs], { db, jobs: 0 });
    const store = openStore(db);
    expect((sqliteConnection(store).prepare('select distinct stage_versions as v from document').all() as { v: string }[]).map((r) => r.v)).toEqual([STAGE_VERSIONS]);
    // as a database written before the last normalisation fix holds it
    sqliteConnection(store).prepare("update document set stage_versions = 'normalize@1.0.0 enrich@1.0.0' where source like '%655c0751%'").run();
    store.close();
    const events: DocumentEvent[] = [];
    await runCorpus([docs], { db, jobs: 0, onDocument: (e) => events.push(e) });
    expect(events.map((e) => [path.basename(e.source), e.outcome])).toEqual([
      ['000_0018174054ff74da.txt', 'unchanged'],
      ['001_655c0751f88457f2.txt', 'changed'],
    ]);
  });
});
