import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan, TOOLS } from '../../scripts/ensure-test-tools.js';

const [chromium, tesseract] = TOOLS;

describe('npm test’s pretest: the Debian tools some tests drive (chromium, Tesseract)', () => {
  it('does nothing when all are there, installs the missing ones as root with apt-get, else says in one line what to install', () => {
    expect(plan({ missing: [], root: false, aptGet: false })).toEqual({ action: 'none' });
    expect(plan({ missing: [chromium!, tesseract!], root: true, aptGet: true })).toEqual({ action: 'install', packages: ['chromium', 'tesseract-ocr', 'tesseract-ocr-chi-sim', 'tesseract-ocr-eng', 'poppler-utils'] });
    expect(plan({ missing: [chromium!], root: false, aptGet: true })).toEqual({
      action: 'stop',
      message: 'npm test: the review tests need chromium, which is missing — install it: sudo apt-get install -y --no-install-recommends chromium',
    });
    expect(plan({ missing: [tesseract!], root: true, aptGet: false })).toEqual({
      action: 'stop',
      message: "npm test: the OCR tests need tesseract, which is missing — install it: Debian's packages tesseract-ocr, tesseract-ocr-chi-sim, tesseract-ocr-eng, poppler-utils",
    });
  });

  it('runs before the tests, for a newcomer’s npm test and for .ci/run alike', () => {
    const root = path.resolve(__dirname, '../..');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.pretest).toBe('tsx scripts/ensure-test-tools.ts');
    const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm test$/m);
    expect(ci).not.toMatch(/apt-get install/);
  });
});
