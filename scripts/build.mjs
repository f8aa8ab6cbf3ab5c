// npm run build (run by `npm ci` through `prepare`): the sources compiled to dist/ so that the
// command starts without tsx. dist/ mirrors the source tree (dist/src, dist/extractors): tsc
// emits the .ts files, and the other files they load at run time (the plain .mjs entries, the
// review page's script and style) are copied beside them. The stamp tells bin/gongkai.mjs
// which sources the build saw (see bin/source-stamp.mjs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { sourceStamp, SOURCE_DIRS } from '../bin/source-stamp.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
for (const dir of SOURCE_DIRS)
  for (const file of fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.ts')) continue;
    const from = path.join(root, dir, file);
    if (!fs.statSync(from).isFile()) continue;
    fs.mkdirSync(path.dirname(path.join(dist, dir, file)), { recursive: true });
    fs.copyFileSync(from, path.join(dist, dir, file));
  }
fs.writeFileSync(path.join(dist, 'stamp'), sourceStamp(root));
