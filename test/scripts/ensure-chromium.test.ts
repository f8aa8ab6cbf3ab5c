import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan } from '../../scripts/ensure-chromium.js';

describe('npm test’s pretest: Debian’s chromium for the review tests', () => {
  it('does nothing when chromium is there, installs it as root with apt-get, else says in one line what to install', () => {
    expect(plan({ chromium: true, root: false, aptGet: false })).toEqual({ action: 'none' });
    expect(plan({ chromium: false, root: true, aptGet: true })).toEqual({ action: 'install' });
    expect(plan({ chromium: false, root: false, aptGet: true })).toEqual({
      action: 'stop',
      message: 'npm test: the review tests need /usr/bin/chromium, which is missing — install it: sudo apt-get install -y --no-install-recommends chromium',
    });
    expect(plan({ chromium: false, root: true, aptGet: false })).toEqual({
      action: 'stop',
      message: "npm test: the review tests need /usr/bin/chromium, which is missing — install it: Debian's chromium package (at /usr/bin/chromium)",
    });
  });

  it('runs before the tests, for a newcomer’s npm test and for .ci/run alike', () => {
    const root = path.resolve(__dirname, '../..');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.pretest).toBe('tsx scripts/ensure-chromium.ts');
    const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm test$/m);
    expect(ci).not.toMatch(/apt-get install/);
  });
});
