import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { RunLockedError } from '../../src/pipeline/run-lock.js';
import { seedPath, tempDir } from '../support/corpus.js';

describe('one writer per database', () => {
  it('refuses a second run while another live process holds the database, with a clear message', async () => {
    const db = path.join(tempDir(), 'g.sqlite');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(`${db}.lock`, String(holder.pid));
      await expect(runCorpus([seedPath('004_3c83e1ac369f3f17')], { db, jobs: 0 })).rejects.toThrow(RunLockedError);
      await expect(runCorpus([seedPath('004_3c83e1ac369f3f17')], { db, jobs: 0 })).rejects.toThrow(`another gongkai run (pid ${holder.pid}) is writing to ${db}`);
    } finally {
      holder.kill();
    }
  });

  it('takes over the lock of a process that is gone (killed, crashed)', async () => {
    const db = path.join(tempDir(), 'g.sqlite');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(`${db}.lock`, gone.stdout);
    const s = await runCorpus([seedPath('004_3c83e1ac369f3f17')], { db, jobs: 0 });
    expect(s.new).toBe(1);
    expect(fs.existsSync(`${db}.lock`)).toBe(false);
  });
});
