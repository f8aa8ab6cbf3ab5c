// `npm test`'s pretest (and so .ci/run's): the tools some tests drive, each from Debian — never
// a download. The review tests (test/review/) drive /usr/bin/chromium with playwright-core; the
// OCR tests (test/extractors/pdf/ocr/) run Tesseract with Simplified Chinese and poppler's
// pdftoppm; the queue tests (test/queue/) start redis-server and a PostgreSQL cluster of their
// own. When one is missing, a root user on Debian gets it installed with apt-get; anyone
// else is told in one line what to install. Those tests never skip.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A tool some tests need: where it is, the Debian packages that give it, and who needs it. */
export interface TestTool {
  name: string;
  files: string[];
  packages: string[];
  neededBy: string;
}

export const TOOLS: TestTool[] = [
  { name: 'chromium', files: ['/usr/bin/chromium'], packages: ['chromium'], neededBy: 'the review tests' },
  {
    name: 'tesseract',
    files: ['/usr/bin/tesseract', '/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata', '/usr/share/tesseract-ocr/5/tessdata/eng.traineddata', '/usr/bin/pdftoppm'],
    packages: ['tesseract-ocr', 'tesseract-ocr-chi-sim', 'tesseract-ocr-eng', 'poppler-utils'],
    neededBy: 'the OCR tests',
  },
  // started by the tests themselves, on loopback, and stopped after them (scripts/lib/services.ts)
  { name: 'redis-server', files: ['/usr/bin/redis-server'], packages: ['redis-server'], neededBy: 'the queue tests' },
  { name: 'postgresql', files: ['/usr/bin/pg_ctlcluster'], packages: ['postgresql'], neededBy: 'the queue tests' },
];

/**
 * What to do, from what the machine has: nothing, install the missing tools' packages with
 * apt-get, or stop with the one line that says what to install.
 */
export type Plan = { action: 'none' } | { action: 'install'; packages: string[] } | { action: 'stop'; message: string };

export function plan({ missing, root, aptGet }: { missing: TestTool[]; root: boolean; aptGet: boolean }): Plan {
  if (missing.length === 0) return { action: 'none' };
  const packages = missing.flatMap((t) => t.packages);
  if (root && aptGet) return { action: 'install', packages };
  const how = aptGet ? `sudo apt-get install -y --no-install-recommends ${packages.join(' ')}` : `Debian's packages ${packages.join(', ')}`;
  const what = missing.map((t) => `${t.neededBy} need ${t.name}`).join(' and ');
  return { action: 'stop', message: `npm test: ${what}, which is missing — install it: ${how}` };
}

function exists(file: string): boolean {
  return fs.existsSync(file);
}

function main(): number {
  const missing = TOOLS.filter((t) => !t.files.every(exists));
  const p = plan({ missing, root: process.getuid?.() === 0, aptGet: exists('/usr/bin/apt-get') });
  if (p.action === 'none') return 0;
  if (p.action === 'stop') {
    console.error(p.message);
    return 1;
  }
  console.error(`npm test: installing ${p.packages.join(' ')} with apt-get (Debian; about 20 s each)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...p.packages]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) {
      console.error(`npm test: apt-get ${args[0]} failed (exit ${r.status}); install them yourself: apt-get install ${p.packages.join(' ')}`);
      return 1;
    }
  }
  return TOOLS.every((t) => t.files.every(exists)) ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
