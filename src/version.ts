import fs from 'node:fs';

/** The gongkai version, from package.json (recorded with every run). */
// from src/ or, compiled, from dist/src/
const manifest = ['../package.json', '../../package.json'].map((p) => new URL(p, import.meta.url)).find((u) => fs.existsSync(u))!;
export const TOOL_VERSION: string = JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
