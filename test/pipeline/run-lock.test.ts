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

  it('a lock that exists but names no process is not taken while it is fresh (it is never empty when gongkai writes it)', async () => {
    const db = path.join(tempDir(), 'g.sqlite');
    fs.writeFileSync(`${db}.lock`, '');
    await expect(runCorpus([seedPath('004_3c83e1ac369f3f17')], { db, jobs: 0 })).rejects.toThrow(`${db} is locked by ${db}.lock, which names no process`);
    // once old, it is stale
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${db}.lock`, old, old);
    expect((await runCorpus([seedPath('004_3c83e1ac369f3f17')], { db, jobs: 0 })).new).toBe(1);
  });

  it('of eight processes taking the lock at once, over a stale lock, exactly one gets it', async () => {
    const db = path.join(tempDir(), 'g.sqlite');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(`${db}.lock`, gone.stdout);
    const lockModule = path.resolve(__dirname, '../../src/pipeline/run-lock.ts');
    // each child takes the lock and says what happened; the one that got it holds it until its stdin closes
    const script = `const { acquireRunLock } = await import(${JSON.stringify(lockModule)});
      try { const release = acquireRunLock(${JSON.stringify(db)}); console.log('got'); process.stdin.on('end', release).resume(); }
      catch (e) { console.log(e.name); process.exit(0); }`;
    const children = Array.from({ length: 8 }, () => spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] }));
    const exited = children.map((child) => new Promise((resolve) => child.on('exit', resolve)));
    const answers = await Promise.all(children.map((child) => new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d).trim())))));
    for (const child of children) child.stdin!.end();
    await Promise.all(exited);
    expect(answers.filter((a) => a === 'got')).toHaveLength(1);
    expect(answers.filter((a) => a === 'RunLockedError')).toHaveLength(7);
    expect(fs.readdirSync(path.dirname(db))).toEqual([]);
  }, 120_000);
});
