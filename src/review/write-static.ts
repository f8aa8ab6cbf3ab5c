import fs from 'node:fs';
import path from 'node:path';
import type { ReviewData } from './review-data.js';
import { siteFile, sitePaths } from './review-site.js';

/** Writes the whole review site into `dir` as files that open from disk; returns how many were written. */
export function writeStaticSite(data: ReviewData, dir: string): number {
  let n = 0;
  for (const p of sitePaths(data)) {
    const file = siteFile(data, p);
    if (!file) continue;
    const target = path.join(dir, p);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.body);
    n++;
  }
  return n;
}
