import fs from 'node:fs';

/** The gongkai version, from package.json (recorded with every run). */
export const TOOL_VERSION: string = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
