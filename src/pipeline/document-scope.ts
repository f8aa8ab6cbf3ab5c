import { AsyncLocalStorage } from 'node:async_hooks';
import { oneLine } from './one-line.js';

/** One document's extraction: the errors raised by its work that nobody handled, while it runs. */
interface Scope {
  unhandled: string[];
  open: boolean;
}

const scopes = new AsyncLocalStorage<Scope>();

/**
 * Runs one document's work in its own async context. pdfjs leaves promises that reject with
 * nobody listening (a broken xref entry, found again by a page lookup it abandoned); Node runs
 * the `unhandledRejection` handler in the context of the promise that rejected, so the error is
 * known to belong to the document whose work made that promise — never to whichever document
 * happens to be running when Node notices it.
 */
export async function inDocumentScope<T>(work: () => Promise<T>): Promise<{ value: T; unhandled: string[] }> {
  const scope: Scope = { unhandled: [], open: true };
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
