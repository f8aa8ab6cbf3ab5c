/** The longest reason stored for a document; beyond it the text is cut with an ellipsis. */
const MAX_REASON = 300;

/**
 * An error as one short line, for a failure reason or a diagnostic: its name when that says
 * something (`XRefEntryException: …`), white space (a multi-line dump) folded into single spaces.
 */
export function oneLine(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const name = typeof e?.name === 'string' && e.name !== 'Error' && !message.startsWith(e.name) ? `${e.name}: ` : '';
  const line = `${name}${message}`.replace(/\s+/g, ' ').trim();
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
}
