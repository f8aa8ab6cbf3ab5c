import { AsyncLocalStorage } from 'node:async_hooks';
import { oneLine } from './one-line.js';

/** One document's extraction: the errors raised by its work that nobody handled, while it runs; where it is. */
interface Scope {
  unhandled: string[];
  open: boolean;
  onStage?: (stage: string) => void;
  /** `Date.now()` after which the document has had its time (`--doc-timeout`), and that time in seconds. */
  deadline?: { at: number; seconds: number };
  /** True once the run was stopped (Ctrl-C): the document gives up at its next stage. */
  stopped?: () => boolean;
}

/** A document that has had its time; the message is its one-line failure reason. */
export class DocumentTimeout extends Error {
  override name = 'DocumentTimeout';
}

/** A document given up because the run was stopped; its result is thrown away. */
export class DocumentStopped extends Error {
  override name = 'DocumentStopped';
}

const scopes = new AsyncLocalStorage<Scope>();

/**
 * Runs one document's work in its own async context. pdfjs leaves promises that reject with
 * nobody listening (a broken xref entry, found again by a page lookup it abandoned); Node runs
 * the `unhandledRejection` handler in the context of the promise that rejected, so the error is
 * known to belong to the document whose work made that promise — never to whichever document
 * happens to be running when Node notices it.
 */
export async function inDocumentScope<T>(work: () => Promise<T>, watch: Pick<Scope, 'onStage' | 'deadline' | 'stopped'> = {}): Promise<{ value: T; unhandled: string[] }> {
  const scope: Scope = { unhandled: [], open: true, ...watch };
  try {
    const value = await scopes.run(scope, work);
    return { value, unhandled: scope.unhandled };
  } finally {
    scope.open = false;
  }
}

/**
 * Keeps this thread alive through promises that reject unhandled (Node's default ends the
 * process or worker, taking every document in flight with it). An error raised by a document
 * still running is kept for that document; one raised by a finished document's leftover work,
 * or outside any document, belongs to no document and is dropped. Returns the remover: the
 * handler is scoped to a run.
 */
export function keepUnhandledRejections(): () => void {
  const handler = (reason: unknown) => {
    const scope = scopes.getStore();
    if (scope?.open) scope.unhandled.push(oneLine(reason));
  };
  process.on('unhandledRejection', handler);
  return () => process.off('unhandledRejection', handler);
}

/**
 * Tells the document's watcher which stage its work has reached (`read docx`, `normalize`, …), so a
 * document that runs out of time is reported with where it was. On the main thread (`--jobs 0`),
 * which no watcher can interrupt, this is also where a document past its time limit stops.
 */
export function reportStage(stage: string): void {
  const scope = scopes.getStore();
  if (!scope) return;
  scope.onStage?.(stage);
  if (scope.stopped?.()) throw new DocumentStopped('interrupted');
  if (scope.deadline && Date.now() > scope.deadline.at) throw new DocumentTimeout(timedOut(scope.deadline.seconds, stage));
}

/** The failure reason of a document stopped by its time limit. */
export const timedOut = (seconds: number, stage: string): string => `timed out after ${seconds} s (stage ${stage})`;
