import { parseArgs } from 'node:util';
import { checkCommand } from './commands/check.js';
import { exportCommand } from './commands/export.js';
import { exportFactsCommand } from './commands/export-facts.js';
import { diffCommand } from './commands/diff.js';
import { reviewCommand } from './commands/review.js';
import { parseArea, parseMethod, parseOcrMode, parsePageRanges, PdfOptionError } from '../../extractors/pdf/options.js';
import type { ExtractOptions } from '../pipeline/extract-document.js';
import { runCommand, UsageError } from './commands/run.js';
import { runsCommand } from './commands/runs.js';
import { showCommand } from './commands/show.js';

const DEFAULT_DB = 'out/gongkai.sqlite';

const HELP = `gongkai — Chinese budget disclosures to one canonical table model in SQLite

  gongkai run <paths…> [--db ${DEFAULT_DB}] [--jobs N] [--force] [--only-format F] [--strict] [--verbose|--quiet]
             [--pages 1-3,7] [--area top,left,bottom,right]   (PDF: pages, area in points)
             [--password PW]   (encrypted PDFs, .xlsx/.xls workbooks and .docx)
             [--method lattice|stream|auto | -l | -t]   (PDF tables: ruling lines, text alignment, or rules where a page has them)
             [--ocr auto|force|off]   (PDF pages read by OCR: those without a text layer, every page, none)
  gongkai export [--db ${DEFAULT_DB}] --format json|csv --out FILE|DIR
  gongkai export [--db ${DEFAULT_DB}] --format facts --out facts.csv|facts.jsonl
  gongkai check [--db ${DEFAULT_DB}] [--doc SOURCE|SHA] [--all] [--severity error|warning|hint] [--format text|json]
  gongkai show [DB] <source | sha256 prefix>    (DB defaults to ${DEFAULT_DB})
  gongkai runs [--db ${DEFAULT_DB}]
  gongkai diff [--db ${DEFAULT_DB}] [--run A --run B | --doc SOURCE|SHA] [--limit N]
  gongkai review [--db ${DEFAULT_DB}] [--port 4173] [--host 127.0.0.1] [--root DIR] | --out DIR

Exit codes: 0 done (documents that failed are recorded with their reason, not fatal);
1 there were files but none could be processed; 2 wrong usage; 3 run --strict and some
documents failed; 4 another run holds the database; 130 stopped by Ctrl-C.`;

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            db: { type: 'string', default: DEFAULT_DB },
            jobs: { type: 'string' },
            force: { type: 'boolean', default: false },
            'only-format': { type: 'string' },
            strict: { type: 'boolean', default: false },
            verbose: { type: 'boolean', default: false },
            quiet: { type: 'boolean', default: false },
            pages: { type: 'string' },
            area: { type: 'string' },
            password: { type: 'string' },
            method: { type: 'string' },
            lattice: { type: 'boolean', short: 'l' },
            stream: { type: 'boolean', short: 't' },
            ocr: { type: 'string' },
          },
        });
        const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
        if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 0)) throw new UsageError(`--jobs takes a whole number ≥ 0, not "${values.jobs}"`);
        return await runCommand(positionals, {
          db: values.db!,
          force: !!values.force,
          jobs,
          onlyFormat: values['only-format'],
          strict: !!values.strict,
          verbose: !!values.verbose,
          quiet: !!values.quiet,
          extract: pdfOptions(values),
        });
      }
      case 'export': {
        const { values } = parseArgs({ args: rest, options: { db: { type: 'string', default: DEFAULT_DB }, format: { type: 'string', default: 'json' }, out: { type: 'string' } } });
        if (values.format === 'facts') return exportFactsCommand({ db: values.db!, out: values.out });
        return exportCommand({ db: values.db!, format: values.format!, out: values.out });
      }
      case 'show': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { db: { type: 'string' } } });
        const [a, b] = positionals;
        if (!a) throw new UsageError('gongkai show [DB] <source | sha256 prefix>');
        const db = values.db ?? (b !== undefined ? a : DEFAULT_DB);
        return showCommand({ db, key: b ?? a });
      }
      case 'runs': {
        const { values } = parseArgs({ args: rest, options: { db: { type: 'string', default: DEFAULT_DB } } });
        return runsCommand({ db: values.db! });
      }
      case 'diff': {
        const { values } = parseArgs({ args: rest, options: { db: { type: 'string', default: DEFAULT_DB }, run: { type: 'string', multiple: true }, doc: { type: 'string' }, limit: { type: 'string', default: '20' } } });
        return diffCommand({ db: values.db!, runs: values.run ?? [], doc: values.doc, limit: Number(values.limit) });
      }
      case 'check': {
        const { values } = parseArgs({
          args: rest,
          options: { db: { type: 'string', default: DEFAULT_DB }, doc: { type: 'string' }, all: { type: 'boolean', default: false }, severity: { type: 'string' }, format: { type: 'string' } },
        });
        return checkCommand({ db: values.db!, doc: values.doc, all: !!values.all, severity: values.severity, format: values.format });
      }
      case 'review': {
        const { values } = parseArgs({
          args: rest,
          options: { db: { type: 'string', default: DEFAULT_DB }, port: { type: 'string', default: '4173' }, host: { type: 'string', default: '127.0.0.1' }, out: { type: 'string' }, root: { type: 'string' } },
        });
        return await reviewCommand({ db: values.db!, port: values.port!, host: values.host!, out: values.out, root: values.root });
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`gongkai: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}

/** `--pages 1-3,7`, `--area top,left,bottom,right`, `--password` and `--method` (or `-l`/`-t`) for PDFs (tabula's -p, -a, -s, -l, -t), and `--ocr`; `--password` opens encrypted workbooks and .docx too. */
function pdfOptions(values: { pages?: string; area?: string; password?: string; method?: string; lattice?: boolean; stream?: boolean; ocr?: string }): ExtractOptions {
  const asked = [values.method, values.lattice ? 'lattice' : undefined, values.stream ? 'stream' : undefined].filter((m) => m !== undefined);
  if (new Set(asked).size > 1) throw new UsageError(`choose one table method, not ${asked.join(' and ')}`);
  try {
    return {
      ...(asked[0] !== undefined ? { method: parseMethod(asked[0]) } : {}),
      ...(values.pages !== undefined ? { pages: parsePageRanges(values.pages) } : {}),
      ...(values.area !== undefined ? { area: parseArea(values.area) } : {}),
      ...(values.password !== undefined ? { password: values.password } : {}),
      ...(values.ocr !== undefined ? { ocr: parseOcrMode(values.ocr) } : {}),
    };
  } catch (e) {
    if (e instanceof PdfOptionError) throw new UsageError(e.message);
    throw e;
  }
}
