import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parseArea, parseMethod, parseOcrMode, parseOcrTimeout, parsePageRanges, parseTableSettings, PdfOptionError } from '../../extractors/pdf/options.js';
import type { ExtractOptions } from '../pipeline/extract-document.js';
import { LookupError } from '../store/lookup-error.js';
import { UsageError } from './usage-error.js';
import { readableDatabase } from './read-postgres.js';
import { TOOL_VERSION } from '../version.js';
import { terminalSafe } from './terminal-safe.js';

const DEFAULT_DB = 'out/gongkai.sqlite';

/** Each command's synopsis and what it does, as `gongkai <command> --help` prints it; `gongkai --help` prints all. */
const COMMANDS: Record<string, string> = {
  run: `gongkai run <paths…> [--db ${DEFAULT_DB} | postgres://…] [--jobs N] [--doc-timeout S] [--force] [--only-format F] [--strict] [--verbose|--quiet]
           [--pages 1-3,7] [--area top,left,bottom,right]   (PDF: pages, area in points)
           [--password PW]   (encrypted PDFs, .xlsx/.xls workbooks and .docx)
           [--method lattice|stream|auto | -l | -t]   (PDF tables: ruling lines, text alignment, or rules where a page has them)
           [--ocr auto|force|off] [--ocr-timeout S]   (PDF pages read by OCR: those without a text layer, every page, none; seconds per OCR page, 120)
           [--table-settings '{"snapTolerancePt":3}' | FILE.json]   (PDF table thresholds: docs/pdf.md, "Table settings")
    Extracts the files and folders into the database (created when missing); unchanged documents are skipped. One run per database at a time.
gongkai run <paths…> --queue redis://host:6379 [--queue-name gongkai] [--db ${DEFAULT_DB} | postgres://…] [run's options but --jobs, --password]
    Queues one job per document for \`gongkai worker\`s (files by path: workers see them on shared storage), waits, records the run.`,
  worker: `gongkai worker --queue redis://host:6379 [--queue-name gongkai] [--db ${DEFAULT_DB} | postgres://…] [--jobs N] [--stalled-seconds 30] [--verbose]
    Takes documents from the queue, extracts and writes them, until SIGTERM (finishing the documents in hand).`,
  db: `gongkai db copy --from ${DEFAULT_DB} --to postgres://user@host/db   (or from postgres:// to a new .sqlite file)
    Copies a whole dataset between SQLite and PostgreSQL.`,
  export: `gongkai export [--db ${DEFAULT_DB}] --format json|csv --out FILE|DIR|-
gongkai export [--db ${DEFAULT_DB}] --format facts --out facts.csv|facts.jsonl|- [--jsonl]
    The JSON contract, one CSV per table (with a tables.csv index), or the fact view; - is standard output.`,
  check: `gongkai check [--db ${DEFAULT_DB}] [--doc SOURCE|SHA] [--all] [--severity error|warning|hint] [--format text|json]
    Every failed check with its rule id and severity, both sides with file:line; --all lists passed checks too.`,
  show: `gongkai show [DB] <source | sha256 prefix>    (DB defaults to ${DEFAULT_DB})
    A document's format, extractor, options, status, and each table as a grid.`,
  search: `gongkai search <text> [--db ${DEFAULT_DB}] [--limit 50]
    Table titles, row labels and prose holding the text (any Chinese substring), each with file:line.`,
  runs: `gongkai runs [--db ${DEFAULT_DB}] [--queue redis://host:6379 [--queue-name gongkai]]
    The runs recorded in the database: versions, options, counts; with --queue, the queue's counts and its given-up jobs.`,
  diff: `gongkai diff [--db ${DEFAULT_DB}] [--run A --run B | --doc SOURCE|SHA] [--limit N]
    What a re-run changed, cell by cell, with the source place of each side.`,
  review: `gongkai review [--db ${DEFAULT_DB}] [--port 4173] [--host 127.0.0.1] [--root DIR] | --out DIR
    The review pages on loopback, or written as static files with --out.`,
};

const HELP = `gongkai ${TOOL_VERSION} — Chinese budget disclosures to one canonical table model in SQLite

${Object.values(COMMANDS).map((c) => `  ${c.replace(/\n/g, '\n  ')}`).join('\n')}
  gongkai --version | --help | <command> --help

Every command but run only reads: a --db that does not exist is refused, never created.
A --db postgres://… is read from a snapshot copied into a temporary SQLite file.
Exit codes: 0 done (documents that failed are recorded with their reason, not fatal);
1 there were files but none could be processed; 2 wrong usage; 3 run --strict and some
documents failed; 4 another run holds the database; 130 stopped by Ctrl-C, 143 by SIGTERM
(the run is recorded as interrupted; the next run redoes what it had not stored).`;

// Each command is imported when it runs: `help` loads none of them, and no command loads the
// readers (pdfjs-dist, mammoth, SheetJS) or SQLite before it needs them (start-up time).

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  // the reader of stdout went away (`show … | head`): what it read is all it wanted; a write
  // after that fails asynchronously, past any try below
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  const [command, ...rest] = argv;
  if (command !== undefined && COMMANDS[command] && rest.some((a) => a === '--help' || a === '-h')) {
    console.log(COMMANDS[command]);
    return 0;
  }
  try {
    switch (command) {
      case 'run': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            db: { type: 'string', default: DEFAULT_DB },
            jobs: { type: 'string' },
            'doc-timeout': { type: 'string' },
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
            'table-settings': { type: 'string' },
            'ocr-timeout': { type: 'string' },
            queue: { type: 'string' },
            'queue-name': { type: 'string' },
          },
        });
        const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
        if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 0)) throw new UsageError(`--jobs takes a whole number ≥ 0, not "${values.jobs}"`);
        const docTimeout = values['doc-timeout'] === undefined ? undefined : Number(values['doc-timeout']);
        if (docTimeout !== undefined && !(Number.isFinite(docTimeout) && docTimeout > 0)) throw new UsageError(`--doc-timeout takes seconds > 0, not "${values['doc-timeout']}"`);
        if (values.queue !== undefined) {
          if (jobs !== undefined) throw new UsageError('--jobs is for local runs: with --queue, start more `gongkai worker`s (or give them --jobs)');
          return await (await import('./commands/run-queued.js')).runQueuedCommand(positionals, {
            db: values.db!,
            queue: values.queue,
            ...(values['queue-name'] ? { queueName: values['queue-name'] } : {}),
            force: !!values.force,
            ...(docTimeout !== undefined ? { docTimeout } : {}),
            ...(values['only-format'] ? { onlyFormat: values['only-format'] } : {}),
            strict: !!values.strict,
            quiet: !!values.quiet,
            extract: pdfOptions(values),
          });
        }
        const { runCommand } = await import('./commands/run.js');
        return await runCommand(positionals, {
          db: values.db!,
          force: !!values.force,
          jobs,
          docTimeout,
          onlyFormat: values['only-format'],
          strict: !!values.strict,
          verbose: !!values.verbose,
          quiet: !!values.quiet,
          extract: pdfOptions(values),
        });
      }
      case 'worker': {
        const { values } = parseArgs({
          args: rest,
          options: { queue: { type: 'string' }, 'queue-name': { type: 'string' }, db: { type: 'string', default: DEFAULT_DB }, jobs: { type: 'string', default: '1' }, 'stalled-seconds': { type: 'string' }, verbose: { type: 'boolean', default: false } },
        });
        if (!values.queue) throw new UsageError(COMMANDS.worker!);
        const jobs = Number(values.jobs);
        if (!(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs takes a whole number ≥ 1, not "${values.jobs}"`);
        const stalled = values['stalled-seconds'] === undefined ? undefined : Number(values['stalled-seconds']);
        if (stalled !== undefined && !(Number.isFinite(stalled) && stalled >= 1)) throw new UsageError(`--stalled-seconds takes seconds ≥ 1, not "${values['stalled-seconds']}"`);
        return await (await import('./commands/worker.js')).workerCommand({
          queue: values.queue,
          ...(values['queue-name'] ? { queueName: values['queue-name'] } : {}),
          db: values.db!,
          jobs,
          ...(stalled !== undefined ? { stalledSeconds: stalled } : {}),
          verbose: !!values.verbose,
        });
      }
      case 'db': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { from: { type: 'string' }, to: { type: 'string' } } });
        if (positionals[0] !== 'copy' || positionals.length !== 1) throw new UsageError(COMMANDS.db!);
        return await (await import('./commands/db-copy.js')).dbCopyCommand({ from: values.from, to: values.to });
      }
      case 'export': {
        const { values } = parseArgs({ args: rest, options: { db: { type: 'string', default: DEFAULT_DB }, format: { type: 'string', default: 'json' }, out: { type: 'string' }, jsonl: { type: 'boolean', default: false } } });
        if (values.format === 'facts') return (await import('./commands/export-facts.js')).exportFactsCommand({ db: await readableDatabase(values.db!), out: values.out, jsonl: !!values.jsonl });
        if (values.jsonl) throw new UsageError('--jsonl is for --format facts');
        return (await import('./commands/export.js')).exportCommand({ db: await readableDatabase(values.db!), format: values.format!, out: values.out });
      }
      case 'show': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { db: { type: 'string' } } });
        const [a, b] = positionals;
        if (!a) throw new UsageError('gongkai show [DB] <source | sha256 prefix>');
        const db = values.db ?? (b !== undefined ? a : DEFAULT_DB);
        return (await import('./commands/show.js')).showCommand({ db: await readableDatabase(db), key: b ?? a });
      }
      case 'search': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { db: { type: 'string', default: DEFAULT_DB }, limit: { type: 'string', default: '50' } } });
        return (await import('./commands/search.js')).searchCommand({ db: await readableDatabase(values.db!), query: positionals.join(' '), limit: wholeNumber('--limit', values.limit!, 1) });
      }
      case 'runs': {
        const { values } = parseArgs({ args: rest, options: { db: { type: 'string', default: DEFAULT_DB }, queue: { type: 'string' }, 'queue-name': { type: 'string' } } });
        const code = (await import('./commands/runs.js')).runsCommand({ db: await readableDatabase(values.db!) });
        if (values.queue === undefined) return code;
        return code || (await (await import('./commands/queue-counts.js')).queueCountsCommand({ queue: values.queue, ...(values['queue-name'] ? { queueName: values['queue-name'] } : {}) }));
      }
      case 'diff': {
        const { values } = parseArgs({ args: rest, options: { db: { type: 'string', default: DEFAULT_DB }, run: { type: 'string', multiple: true }, doc: { type: 'string' }, limit: { type: 'string', default: '20' } } });
        return (await import('./commands/diff.js')).diffCommand({ db: await readableDatabase(values.db!), runs: values.run ?? [], doc: values.doc, limit: wholeNumber('--limit', values.limit!, 1) });
      }
      case 'check': {
        const { values } = parseArgs({
          args: rest,
          options: { db: { type: 'string', default: DEFAULT_DB }, doc: { type: 'string' }, all: { type: 'boolean', default: false }, severity: { type: 'string' }, format: { type: 'string' } },
        });
        return (await import('./commands/check.js')).checkCommand({ db: await readableDatabase(values.db!), doc: values.doc, all: !!values.all, severity: values.severity, format: values.format });
      }
      case 'review': {
        const { values } = parseArgs({
          args: rest,
          options: { db: { type: 'string', default: DEFAULT_DB }, port: { type: 'string', default: '4173' }, host: { type: 'string', default: '127.0.0.1' }, out: { type: 'string' }, root: { type: 'string' } },
        });
        return await (await import('./commands/review.js')).reviewCommand({ db: await readableDatabase(values.db!), port: values.port!, host: values.host!, out: values.out, root: values.root });
      }
      case undefined:
        console.error(HELP);
        return 2;
      case 'help': {
        const about = rest[0] === undefined ? HELP : COMMANDS[rest[0]];
        if (about === undefined) throw new UsageError(`unknown command "${rest[0]}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
        console.log(about);
        return 0;
      }
      case '--help':
      case '-h':
        console.log(HELP);
        return 0;
      case '--version':
      case '-V':
        console.log(`gongkai ${TOOL_VERSION}`);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
    }
  } catch (e) {
    // the reader of `--out -` went away (`| head`): what it read is all it wanted
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    if (e instanceof UsageError || e instanceof LookupError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(terminalSafe(`gongkai: ${(e as Error).message}`));
      return 2;
    }
    // anything else (a read-only database, a full disk, a folder it may not write): one line that
    // says what failed, without a stack trace
    console.error(terminalSafe(`gongkai: ${failureLine(e)}`));
    return 1;
  }
}

/** `--pages 1-3,7`, `--area top,left,bottom,right`, `--password` and `--method` (or `-l`/`-t`) for PDFs (tabula's -p, -a, -s, -l, -t), `--ocr`, `--ocr-timeout` and `--table-settings`; `--password` opens encrypted workbooks and .docx too. */
function pdfOptions(values: { pages?: string; area?: string; password?: string; method?: string; lattice?: boolean; stream?: boolean; ocr?: string; 'ocr-timeout'?: string; 'table-settings'?: string }): ExtractOptions {
  const asked = [values.method, values.lattice ? 'lattice' : undefined, values.stream ? 'stream' : undefined].filter((m) => m !== undefined);
  if (new Set(asked).size > 1) throw new UsageError(`choose one table method, not ${asked.join(' and ')}`);
  try {
    return {
      ...(asked[0] !== undefined ? { method: parseMethod(asked[0]) } : {}),
      ...(values.pages !== undefined ? { pages: parsePageRanges(values.pages) } : {}),
      ...(values.area !== undefined ? { area: parseArea(values.area) } : {}),
      ...(values.password !== undefined ? { password: values.password } : {}),
      ...(values.ocr !== undefined ? { ocr: parseOcrMode(values.ocr) } : {}),
      ...(values['table-settings'] !== undefined ? { tableSettings: parseTableSettings(values['table-settings'], (f) => fs.readFileSync(f, 'utf8')) } : {}),
      ...(values['ocr-timeout'] !== undefined ? { ocrTimeout: parseOcrTimeout(values['ocr-timeout']) } : {}),
    };
  } catch (e) {
    if (e instanceof PdfOptionError) throw new UsageError(e.message);
    throw e;
  }
}

/** An unexpected error as one line: its message and system code, without the error's class name. */
function failureLine(e: unknown): string {
  const err = e as { message?: unknown; code?: unknown; path?: unknown };
  const message = (typeof err?.message === 'string' ? err.message : String(e)).split('\n')[0]!.trim();
  const code = typeof err?.code === 'string' && !message.includes(err.code) ? ` (${err.code})` : '';
  return `${message}${code}`;
}

/** A numeric option's value, or a usage error (`diff --limit abc` must not run with NaN). */
function wholeNumber(option: string, text: string, least: number): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < least) throw new UsageError(`${option} takes a whole number ≥ ${least}, not "${text}"`);
  return n;
}
