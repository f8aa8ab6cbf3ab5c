import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, tempDir } from '../support/corpus.js';

const ROOT = path.resolve(__dirname, '../..');
/** The README first (its first example makes the database the others read), then the guides in docs/, by name. */
const GUIDES = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/**
 * The commands of a guide's example blocks (fenced as ```` ```sh example ````), in order: a
 * command is a line at the margin, indented lines go on with it (a query over several lines),
 * and a `#` after white space outside quotes starts a comment.
 */
function readmeCommands(readme: string): string[] {
  const commands: string[] = [];
  for (const block of readme.matchAll(/^```sh example\n([\s\S]*?)^```$/gm)) {
    for (const line of block[1]!.split('\n')) {
      if (line.trim() === '') continue;
      const code = withoutComment(line);
      if (/^\s/.test(line) && commands.length) commands[commands.length - 1] += `\n${code}`;
      else commands.push(code);
    }
  }
  return commands;
}

function withoutComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i).trimEnd();
  }
  return line.trimEnd();
}

/** A checkout right after `npm ci`, for the commands: the seeds and a rendering of one as its corpus, `npx --no gongkai` resolving to this gongkai. */
function checkout(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'corpus'));
  for (const f of fs.readdirSync(CORPUS)) if (f.endsWith('.txt') || f === '.gongkaiignore') fs.copyFileSync(path.join(CORPUS, f), path.join(dir, 'corpus', f));
  // as in the shipped corpus, a seed also as a rendering: a name the examples give must pick one document
  fs.mkdirSync(path.join(dir, 'corpus', 'rendered'));
  fs.copyFileSync(path.join(CORPUS, 'rendered', '000_0018174054ff74da.docx'), path.join(dir, 'corpus', 'rendered', '000_0018174054ff74da.docx'));
  fs.mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'bin', 'gongkai.mjs'), path.join(dir, 'node_modules', '.bin', 'gongkai'));
  return dir;
}

/** The review server runs until stopped: started on any free port, it must answer with its document list, then it is stopped. */
async function serveOnce(command: string, cwd: string): Promise<{ url: string; status: number; body: string }> {
  const child = spawn('sh', ['-c', `exec ${command} --port 0`], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /review: (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`review exited ${code} before serving: ${out}`)));
    });
    const res = await fetch(url);
    return { url, status: res.status, body: await res.text() };
  } finally {
    child.kill('SIGTERM');
  }
}

describe('the examples of the README and docs/', () => {
  const commands = GUIDES.flatMap((f) => readmeCommands(fs.readFileSync(path.join(ROOT, f), 'utf8')));

  it('are found: the blocks marked as examples, one command each line', () => {
    expect(commands[0]).toBe('npx --no gongkai run corpus');
    // the guides that show commands: a file whose examples went missing (an unmarked block) is noticed
    expect(GUIDES.filter((f) => readmeCommands(fs.readFileSync(path.join(ROOT, f), 'utf8')).length > 0)).toEqual(['README.md', 'docs/checks.md', 'docs/review.md', 'docs/usage.md']);
    expect(readmeCommands(README).length).toBeGreaterThanOrEqual(6);
    expect(commands.filter((c) => c.startsWith('npx --no gongkai ') || c.startsWith('sqlite3 '))).toEqual(commands);
    expect(commands.length).toBeGreaterThanOrEqual(12);
  });

  it('run as written, in order, after `npm ci && npm start`', async () => {
    const dir = checkout();
    for (const command of commands) {
      if (/gongkai review(?!.*--out)/.test(command)) {
        const served = await serveOnce(command, dir);
        expect([served.status, served.body.includes('<html')], command).toEqual([200, true]);
        continue;
      }
      const r = spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' });
      expect({ command, status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ command, status: 0, stderr: '' });
      expect(r.stdout.trim(), command).not.toBe('');
    }
    // what they made
    expect(fs.existsSync(path.join(dir, 'out/tables.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'out/csv/tables.csv'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'out/review/index.html'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'out/facts.csv'), 'utf8').split('\r\n').length).toBeGreaterThan(800);
  }, 300_000);
});
