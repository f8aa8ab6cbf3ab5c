import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { terminalSafe } from '../../src/cli/terminal-safe.js';
import { runCorpus } from '../../src/pipeline/run-corpus.js';
import { ReviewData, startReviewServer } from '../../src/review/index.js';
import { openStore } from '../../src/store/index.js';
import { seedPath, tempDir } from '../support/corpus.js';

const BIN = path.resolve(__dirname, '../../bin/gongkai.mjs');
const RELIABILITY = path.resolve(__dirname, '../fixtures/reliability');

/** The command in this process: exit code and what it printed. */
async function inProcess(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ') + '\n'));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ') + '\n'));
  const here = process.cwd();
  process.chdir(cwd);
  try {
    const status = await main(args);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.chdir(here);
    log.mockRestore();
    error.mockRestore();
  }
}

/** A GET with the given Host header (fetch does not let a page choose it; a rebinding attacker's browser sends its own name). */
function get(url: string, pathname: string, host?: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: pathname, headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('terminal output', () => {
  it('control characters are shown as their escapes, line feeds and tabs kept', () => {
    expect(terminalSafe('a\u001b[2Jb\tc\nd\u0007\u009b')).toBe('a\\x1b[2Jb\tc\nd\\x07\\x9b');
    expect(terminalSafe('预算\t合计')).toBe('预算\t合计');
  });

  it('`show` of a document with escape sequences in a cell and in its file name sends none raw', async () => {
    const dir = tempDir();
    const name = 'evil\u001b]0;pwned\u0007.txt';
    fs.copyFileSync(path.join(RELIABILITY, 'text-terminal-escape-in-cell.txt'), path.join(dir, name));
    await runCorpus([dir], { db: path.join(dir, '..', `${path.basename(dir)}.sqlite`), jobs: 0 });
    const shown = await inProcess(['show', path.join(dir, '..', `${path.basename(dir)}.sqlite`), 'evil'], dir);
    expect(shown.status).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters
    expect(shown.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(shown.stdout).toContain('evil\\x1b]0;pwned\\x07.txt');
    expect(shown.stdout).toContain('\\x1b[');
  });
});

describe('messages and exit codes', () => {
  const dir = tempDir();
  const db = path.join(dir, 'g.sqlite');

  it('numeric options are checked: diff --limit abc and search --limit 0 are usage errors (exit 2)', async () => {
    await runCorpus([seedPath('004_3c83e1ac369f3f17')], { db, jobs: 0 });
    expect(await inProcess(['diff', '--db', db, '--limit', 'abc'], dir)).toMatchObject({ status: 2, stderr: 'gongkai: --limit takes a whole number ≥ 1, not "abc"\n' });
    expect(await inProcess(['search', '预算', '--db', db, '--limit', '0'], dir)).toMatchObject({ status: 2, stderr: 'gongkai: --limit takes a whole number ≥ 1, not "0"\n' });
    expect((await inProcess(['diff', '--db', db, '--limit', '5'], dir)).status).toBe(0);
  });

  it('a database it cannot open or write is one line without a stack trace or an error class, exit 1', async () => {
    const folder = path.join(dir, 'a-folder.sqlite');
    fs.mkdirSync(folder);
    const r = await inProcess(['run', seedPath('004_3c83e1ac369f3f17'), '--db', folder, '--quiet'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^gongkai: [^\n]+\n$/);
    expect(r.stderr).not.toMatch(/\bat |SqliteError|TypeError|Error:/);
  });

  it('`show … | head -1` ends quietly with exit 0 (EPIPE)', () => {
    // a document long enough that show's output fills the pipe after head has gone
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" show "${db}" 004 | head -1`], { encoding: 'utf8' });
    expect(r.stdout.split('\n')[0]).toMatch(/004_3c83e1ac369f3f17\.txt$/);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);
});

describe('the review server under hostile requests', () => {
  it('refuses a foreign Host (DNS rebinding), answers malformed %-escapes 400 and encoded traversal 404, and shows no source linked from outside the runs\' folders', async () => {
    const dir = tempDir();
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
    fs.copyFileSync(seedPath('004_3c83e1ac369f3f17'), path.join(corpus, '004.txt'));
    // outside the corpus folder: a disclosure a link inside it points to. `run` does not follow
    // such a link, so the file is read as a plain file and becomes the link only after the run
    // (a corpus changed since, or a database from a run that did follow it)
    const outside = path.join(dir, 'private');
    fs.mkdirSync(outside);
    fs.copyFileSync(seedPath('001_655c0751f88457f2'), path.join(outside, 'secret.txt'));
    fs.copyFileSync(seedPath('001_655c0751f88457f2'), path.join(corpus, 'link.txt'));
    const db = path.join(dir, 'g.sqlite');
    const here = process.cwd();
    process.chdir(dir);
    try {
      await runCorpus(['corpus'], { db, jobs: 0 });
    } finally {
      process.chdir(here);
    }
    fs.rmSync(path.join(corpus, 'link.txt'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(corpus, 'link.txt'));
    const store = openStore(db);
    const server = await startReviewServer(new ReviewData(store, db, dir), { port: 0 });
    try {
      const port = new URL(server.url).port;
      expect((await get(server.url, '/')).status).toBe(200);
      expect((await get(server.url, '/', `localhost:${port}`)).status).toBe(200);
      expect((await get(server.url, '/', `evil.example:${port}`)).status).toBe(421);
      expect((await get(server.url, '/', 'attacker.test')).status).toBe(421);
      expect((await get(server.url, '/doc-1.html%E0%A4%A')).status).toBe(400);
      expect((await get(server.url, '/%')).status).toBe(400);
      expect((await get(server.url, '/%2e%2e%2f%2e%2e%2fetc%2fpasswd')).status).toBe(404);
      expect((await get(server.url, '/assets%2f..%2f..%2fg.sqlite')).status).toBe(404);
      const ids = store.listDocuments().map((d) => [d.source, d.id] as const);
      const linked = ids.find(([s]) => s.endsWith('link.txt'))![1];
      const plain = ids.find(([s]) => s.endsWith('004.txt'))![1];
      const linkedPage = await get(server.url, `/doc-${linked}.html`);
      expect(linkedPage.status).toBe(200);
      expect(linkedPage.body).toContain('outside the folders the runs read');
      expect((await get(server.url, `/doc-${plain}.html`)).body).not.toContain('outside the folders the runs read');
    } finally {
      await server.close();
      store.close();
    }
  }, 120_000);
});

describe('files and folders', () => {
  it('a FIFO is recorded as skipped unread, a link loop is walked once, a dangling link is a one-line reason, and the batch goes on', async () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(path.join(docs, 'sub'), { recursive: true });
    fs.copyFileSync(seedPath('004_3c83e1ac369f3f17'), path.join(docs, 'sub', '004.txt'));
    expect(spawnSync('mkfifo', [path.join(docs, 'pipe.txt')]).status).toBe(0);
    fs.symlinkSync('..', path.join(docs, 'sub', 'up')); // a loop back to docs
    fs.symlinkSync(path.join(dir, 'gone.txt'), path.join(docs, 'dangling.txt'));
    const db = path.join(dir, 'g.sqlite');
    const events: string[] = [];
    const s = await runCorpus([docs, path.join(docs, 'sub', '004.txt')], { db, jobs: 0, onDocument: (e) => events.push(`${path.relative(docs, e.source)} ${e.outcome}${e.error ? `: ${e.error}` : ''}`) });
    expect(events).toEqual([
      'dangling.txt failed: cannot read file: ENOENT',
      'pipe.txt failed: not a regular file (a FIFO): skipped unread',
      'sub/004.txt new',
    ]);
    expect(s.files).toBe(3);
  });

  it('a link out of the folders given is recorded as skipped unread, a file or a folder; a link inside them and a path given directly are read', async () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(path.join(docs, 'sub'), { recursive: true });
    fs.mkdirSync(path.join(docs, '.store'));
    fs.copyFileSync(seedPath('004_3c83e1ac369f3f17'), path.join(docs, 'sub', '004.txt'));
    fs.copyFileSync(seedPath('001_655c0751f88457f2'), path.join(docs, '.store', '001.txt'));
    const priv = path.join(dir, 'private');
    fs.mkdirSync(path.join(priv, 'deeper'), { recursive: true });
    fs.copyFileSync(seedPath('001_655c0751f88457f2'), path.join(priv, 'secret.txt'));
    fs.copyFileSync(seedPath('004_3c83e1ac369f3f17'), path.join(priv, 'deeper', 'also-secret.txt'));
    fs.copyFileSync(seedPath('004_3c83e1ac369f3f17'), path.join(priv, 'named.txt'));
    fs.symlinkSync(path.join('.store', '001.txt'), path.join(docs, 'a-link.txt')); // inside docs: read
    fs.symlinkSync(priv, path.join(docs, 'private-folder'));
    fs.symlinkSync(path.join(priv, 'secret.txt'), path.join(docs, 'secret-link.txt'));
    fs.symlinkSync(path.join('..', '..', 'private', 'deeper'), path.join(docs, 'sub', 'up-and-out')); // relative, out of docs
    fs.symlinkSync(path.join(priv, 'named.txt'), path.join(dir, 'named-link.txt'));
    const db = path.join(dir, 'g.sqlite');
    const events: string[] = [];
    const s = await runCorpus([docs, path.join(dir, 'named-link.txt')], { db, jobs: 0, onDocument: (e) => events.push(`${path.relative(dir, e.source)} ${e.outcome}${e.error ? `: ${e.error}` : ''}`) });
    expect(events).toEqual([
      'docs/a-link.txt new',
      'docs/private-folder failed: symbolic link to a folder outside the folders given: skipped unread',
      'docs/secret-link.txt failed: symbolic link to a file outside the folders given: skipped unread',
      'docs/sub/004.txt new',
      'docs/sub/up-and-out failed: symbolic link to a folder outside the folders given: skipped unread',
      'named-link.txt new',
    ]);
    expect(s.files).toBe(6);
    const store = openStore(db);
    try {
      const stored = store.listDocuments().map((d) => [path.relative(dir, d.source), d.status]);
      expect(stored.filter(([, status]) => status !== 'failed').map(([source]) => source)).toEqual(['docs/a-link.txt', 'docs/sub/004.txt', 'named-link.txt']);
      expect(stored.some(([source]) => source!.includes('secret'))).toBe(true); // the link's own name, recorded failed
      expect(stored.some(([source]) => source!.startsWith('private') || source!.includes('also-secret'))).toBe(false);
    } finally {
      store.close();
    }
  });
});
