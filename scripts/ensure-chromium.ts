// `npm test`'s pretest (and so .ci/run's): the review tests (test/review/) drive Debian's
// /usr/bin/chromium with playwright-core, never a downloaded browser. When it is missing, a root
// user on Debian gets it installed with apt-get; anyone else is told in one line what to install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get install -y --no-install-recommends chromium';

/**
 * What to do, from what the machine has: nothing, install with apt-get, or stop with the one
 * line that says what to install.
 */
export type Plan = { action: 'none' } | { action: 'install' } | { action: 'stop'; message: string };

export function plan({ chromium, root, aptGet }: { chromium: boolean; root: boolean; aptGet: boolean }): Plan {
  if (chromium) return { action: 'none' };
  if (root && aptGet) return { action: 'install' };
  const how = aptGet ? `sudo ${INSTALL}` : `Debian's chromium package (at ${CHROMIUM})`;
  return { action: 'stop', message: `npm test: the review tests need ${CHROMIUM}, which is missing — install it: ${how}` };
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function main(): number {
  const p = plan({ chromium: isExecutable(CHROMIUM), root: process.getuid?.() === 0, aptGet: isExecutable('/usr/bin/apt-get') });
  if (p.action === 'none') return 0;
  if (p.action === 'stop') {
    console.error(p.message);
    return 1;
  }
  console.error(`npm test: ${CHROMIUM} is missing; installing Debian's chromium (apt-get, about 20 s)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], INSTALL.split(' ').slice(1)]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) {
      console.error(`npm test: apt-get ${args[0]} failed (exit ${r.status}); install chromium yourself: ${INSTALL}`);
      return 1;
    }
  }
  return isExecutable(CHROMIUM) ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
