import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/corpus.js';

const BIN = path.resolve(__dirname, '../../bin/gongkai.mjs');
const gongkai = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });

describe('gongkai run --method / -l / -t (tabula\'s lattice and stream switches)', () => {
  const dir = tempDir();
  // LibreOffice's print of a borderless table (scripts/make-pdf-fixtures.ts)
  fs.copyFileSync(path.resolve(__dirname, '../extractors/pdf/fixtures/unruled.pdf'), path.join(dir, 'unruled.pdf'));

  it('reads the unruled table with -t and with the default (auto), not with --method lattice', () => {
    const stream = gongkai(['run', 'unruled.pdf', '--db', 'out/t.sqlite', '--jobs', '0', '-t'], dir);
    expect(stream.status).toBe(0);
    expect(stream.stdout).toMatch(/; 1 tables, 25 cells;/);
    expect(gongkai(['run', 'unruled.pdf', '--db', 'out/auto.sqlite', '--jobs', '0'], dir).stdout).toMatch(/; 1 tables, 25 cells;/);
    expect(gongkai(['run', 'unruled.pdf', '--db', 'out/l.sqlite', '--jobs', '0', '--method', 'lattice'], dir).stdout).toMatch(/; 0 tables, 0 cells;/);
  });

  it('refuses an unknown method and two methods at once (exit 2)', () => {
    const bad = gongkai(['run', 'unruled.pdf', '--db', 'out/x.sqlite', '--method', 'guess'], dir);
    expect([bad.status, bad.stderr.trim()]).toEqual([2, 'gongkai: bad method "guess" (expected lattice, stream, auto)']);
    const both = gongkai(['run', 'unruled.pdf', '--db', 'out/x.sqlite', '-l', '-t'], dir);
    expect([both.status, both.stderr.trim()]).toEqual([2, 'gongkai: choose one table method, not lattice and stream']);
  });
});
