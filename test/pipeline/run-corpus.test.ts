import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { dumpContent } from '../support/db-dump.js';
import { describe, expect, it } from 'vitest';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { seedPath, tempDir } from '../support/corpus.js';

describe('runCorpus', () => {
  it('gives the same database content when run twice, and reports the second run as unchanged', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.sqlite');
    const files = [seedPath('000_0018174054ff74da'), seedPath('004_3c83e1ac369f3f17')];
    const first = await runCorpus(files, { db });
    expect([first.new, first.unchanged, first.failed]).toEqual([2, 0, 0]);
    const before = dumpContent(db);
    const second = await runCorpus(files, { db });
    expect([second.new, second.changed, second.unchanged, second.failed]).toEqual([0, 0, 2, 0]);
    expect(dumpContent(db)).toEqual(before);
    const forced = await runCorpus(files, { db, force: true });
    expect(forced.changed).toBe(2);
    expect(dumpContent(db)).toEqual(before);
  });

  it('records files that are not disclosures with a clear reason and goes on with the batch', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in');
    fs.mkdirSync(input);
    fs.writeFileSync(path.join(input, 'a-empty.txt'), '');
    fs.writeFileSync(path.join(input, 'b-prose.txt'), '这是一段普通的说明文字，没有任何表格。\n第二段。\n');
    fs.writeFileSync(path.join(input, 'c-random.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    fs.copyFileSync(seedPath('000_0018174054ff74da'), path.join(input, 'd-seed.txt'));
    fs.writeFileSync(path.join(input, 'e-fake.pdf'), '%PDF-1.7\n1 0 obj\n');
    fs.writeFileSync(path.join(input, '.hidden.txt'), 'ignored');
    // a 200 MB file (sparse: no disk used) is refused by its size, without reading it
    fs.closeSync(fs.openSync(path.join(input, 'f-huge.txt'), 'w'));
    fs.truncateSync(path.join(input, 'f-huge.txt'), 200 * 1024 * 1024);
    fs.symlinkSync(path.join(dir, 'nowhere.txt'), path.join(input, 'g-dangling.txt'));
    fs.writeFileSync(path.join(input, 'h-gbk.txt'), Buffer.from(fs.readFileSync(path.resolve(__dirname, '../fixtures/encodings/000.gb18030.txt'))));
    fs.writeFileSync(path.join(input, 'i-zip.docx'), Buffer.from('PK\x03\x04not really a zip', 'latin1'));
    const db = path.join(dir, 'g.sqlite');
    const events: { source: string; outcome: string; error?: string }[] = [];
    const s = await runCorpus([input], { db, onDocument: (e) => events.push(e) });
    expect(s.files).toBe(9);
    expect(s.new).toBe(2);
    expect(s.failed).toBe(7);
    const reason = (name: string) => events.find((e) => e.source.endsWith(name))?.error;
    expect(reason('a-empty.txt')).toBe('empty file');
    expect(reason('b-prose.txt')).toMatch(/^not a disclosure: text without any table rows/);
    expect(reason('c-random.txt')).toMatch(/^not a disclosure: .*not text/);
    expect(reason('e-fake.pdf')).toMatch(/PDF/);
    expect(reason('f-huge.txt')).toMatch(/^file too large \(209715200 bytes/);
    expect(reason('g-dangling.txt')).toBe('cannot read file: ENOENT');
    expect(reason('h-gbk.txt')).toBeUndefined();
    expect(reason('i-zip.docx')).toMatch(/zip|docx/i);
    const conn = new Database(db, { readonly: true });
    const rows = conn.prepare('select source, status, error from document order by source').all() as { source: string; status: string; error: string | null }[];
    conn.close();
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'ok', 'failed', 'failed', 'failed', 'ok', 'failed']);
    expect(rows.filter((r) => r.status === 'failed').every((r) => r.error && r.error.length > 5)).toBe(true);
  });
});
