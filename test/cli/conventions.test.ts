import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ExportFile } from '../../src/model/index.js';
import { seedPath, tempDir } from '../support/corpus.js';

const BIN = path.resolve(__dirname, '../../bin/gongkai.mjs');
const gongkai = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
/** The command in this process (as the bin runs it, without a process per call): exit code and what it printed. */
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
const VERSION = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')).version;

describe('gongkai follows the command-line conventions', () => {
  const dir = tempDir();
  fs.copyFileSync(seedPath('003_fc1028512c8b7c0f'), path.join(dir, '003.txt'));

  it('--help, --version and <command> --help print to stdout and exit 0', async () => {
    // the bin itself, once
    const bin = gongkai(['--help'], dir);
    expect([bin.status, bin.stdout]).toEqual([0, (await inProcess(['--help'], dir)).stdout]);
    const help = await inProcess(['--help'], dir);
    expect(help.status).toBe(0);
    for (const c of ['run', 'export', 'check', 'show', 'runs', 'diff', 'review']) expect(help.stdout).toContain(`gongkai ${c} `);
    expect((await inProcess(['--version'], dir)).stdout).toBe(`gongkai ${VERSION}\n`);
    for (const c of ['run', 'export', 'check', 'show', 'runs', 'diff', 'review']) {
      const r = await inProcess([c, '--help'], dir);
      expect([r.status, r.stdout.split('\n')[0]!.startsWith(`gongkai ${c} `), r.stderr]).toEqual([0, true, '']);
    }
    expect((await inProcess(['help', 'diff'], dir)).stdout).toBe((await inProcess(['diff', '--help'], dir)).stdout);
    // no command at all is wrong usage
    expect((await inProcess([], dir)).status).toBe(2);
  });

  it('read-only commands refuse a database that does not exist, in one line, and do not create it', async () => {
    const missing = 'out/typo.sqlite';
    const calls = [
      ['show', missing, '003'],
      ['export', '--db', missing, '--format', 'json', '--out', 'out/x.json'],
      ['export', '--db', missing, '--format', 'facts', '--out', 'out/x.csv'],
      ['check', '--db', missing],
      ['diff', '--db', missing],
      ['runs', '--db', missing],
      ['review', '--db', missing, '--out', 'out/review'],
    ];
    for (const args of calls) {
      const r = await inProcess(args, dir);
      expect([r.status, r.stdout, r.stderr], args.join(' ')).toEqual([2, '', `gongkai: no database at ${missing} (make one with \`gongkai run <paths…> --db ${missing}\`)\n`]);
    }
    expect(fs.existsSync(path.join(dir, missing))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('--out - writes the JSON export and the facts to standard output', () => {
    expect(gongkai(['run', '003.txt', '--jobs', '0'], dir).status).toBe(0);
    const json = gongkai(['export', '--format', 'json', '--out', '-'], dir);
    expect(json.status).toBe(0);
    const docs = ExportFile.parse(JSON.parse(json.stdout));
    expect(docs.map((d) => [d.source, d.status])).toEqual([['003.txt', 'ok']]);
    // the same bytes as the file export
    expect(gongkai(['export', '--format', 'json', '--out', 'out/t.json'], dir).status).toBe(0);
    expect(json.stdout).toBe(fs.readFileSync(path.join(dir, 'out/t.json'), 'utf8'));
    const csv = gongkai(['export', '--format', 'facts', '--out', '-'], dir);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]!.startsWith('\ufeffsource,sha256,')).toBe(true);
    expect(csv.stderr).toBe(`wrote ${lines.length - 2} facts to standard output\n`);
    const jsonl = gongkai(['export', '--format', 'facts', '--out', '-', '--jsonl'], dir).stdout.trim().split('\n');
    expect(jsonl).toHaveLength(lines.length - 2);
    expect(JSON.parse(jsonl[0]!).source).toBe('003.txt');
    const refused = gongkai(['export', '--format', 'csv', '--out', '-'], dir);
    expect([refused.status, refused.stderr]).toEqual([2, 'gongkai: --format csv writes one file per table into a folder; --out - is for json and facts\n']);
  });

  it('diff of a run that does not exist exits non-zero with a message', () => {
    const r = gongkai(['diff', '--run', '1', '--run', '99'], dir);
    expect([r.status, r.stderr]).toEqual([2, 'gongkai: no run 99 in out/gongkai.sqlite (runs 1–1; `gongkai runs` lists them)\n']);
  });
});
