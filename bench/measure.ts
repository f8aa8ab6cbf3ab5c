import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');

/** What bench/run-once.ts prints: the run's summary, its wall time and the process's peak RSS. */
export interface Measured { wall: number; first?: number | null; files: number; new: number; unchanged: number; failed: number; tables: number; cells: number; bytes: number; cpu: number; mainCpu?: number | null; maxRssMB: number }

/**
 * Runs a bench script in a process of its own (so peak RSS is its alone) and returns its last
 * JSON line. pdfjs-dist is loaded before tsx, as bin/gongkai.mjs does. `root` is the checkout
 * whose code is measured (another commit's worktree, for before/after in one run): this
 * checkout's script runs it (GONGKAI_CODE), so both are measured alike.
 */
export function runChild<T = Measured>(script: string, args: string[], root = ROOT): T {
  const preload = pathToFileURL(path.join(root, 'extractors', 'pdf', 'load-pdfjs.mjs')).href;
  // a .mjs script runs the compiled dist/ on plain node, as bin/gongkai.mjs does
  const loader = script.endsWith('.mjs') ? [] : ['--import', preload, '--import', 'tsx'];
  const r = spawnSync(process.execPath, [...loader, path.join(ROOT, 'bench', script), ...args], { cwd: root, env: { ...process.env, GONGKAI_CODE: root }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}

/** A right-aligned number column. */
export const fmt = (x: number, d = 1, width = 9) => x.toFixed(d).padStart(width);
