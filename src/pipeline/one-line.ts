/** The longest reason stored for a document; beyond it the text is cut with an ellipsis. */
const MAX_REASON = 300;

/**
 * An error as one short line, for a failure reason or a diagnostic: its name when that says
 * something (`XRefEntryException: …`), white space (a multi-line dump) folded into single spaces.
 */
export function oneLine(error: unknown): string {
  const issues = (error as { issues?: unknown } | null)?.issues;
  if (Array.isArray(issues) && issues.length > 0) return validationLine(issues as ValidationIssue[]);
  const e = error as { name?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const name = typeof e?.name === 'string' && e.name !== 'Error' && !message.startsWith(e.name) ? `${e.name}: ` : '';
  const line = `${name}${message}`.replace(/\s+/g, ' ').trim();
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
}

/** One issue of a zod validation error. */
interface ValidationIssue {
  path?: PropertyKey[];
  message?: string;
}

/**
 * A zod error (its message is the JSON of every issue: 58 lines for one NaN coordinate) as its
 * first issue's place and message, and how many more there are.
 */
function validationLine(issues: ValidationIssue[]): string {
  const [first] = issues;
  const at = (first!.path ?? []).map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return oneLine(`invalid ${at || 'value'}: ${first!.message ?? 'invalid'}${more}`);
}
