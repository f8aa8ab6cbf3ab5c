// What the compiled dist/ was built from: the number of source files and the newest change
// among them. bin/gongkai.mjs runs dist/ only when the sources still give the same stamp, so an
// edited checkout never runs stale JavaScript (it runs the sources through tsx until `npm run
// build`). Statting the ~130 files takes a few milliseconds.
import fs from 'node:fs';
import path from 'node:path';

/** The folders compiled into dist/ (tsconfig.build.json's include). */
export const SOURCE_DIRS = ['src', 'extractors'];

export function sourceStamp(root) {
  let files = 0;
  let newest = 0;
  for (const dir of SOURCE_DIRS)
    for (const entry of fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      files++;
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  return `${files} ${newest}`;
}
