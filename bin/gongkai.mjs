#!/usr/bin/env node
// The gongkai command. Runs the TypeScript sources directly through tsx's loader, so the
// command works right after `npm ci` with no build step.
// before tsx: pdfjs-dist loads natively in a fraction of the time (see the module)
import '../extractors/pdf/load-pdfjs.mjs';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
