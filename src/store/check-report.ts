import type { CheckSeverity } from '../model/index.js';
import type { CheckSummary, StoredCheck } from './checks.js';
import { LookupError } from './lookup-error.js';
import type { Store } from './store.js';

/** Severities from the most to the least severe: at least `warning` is errors and warnings. */
const SEVERITY_ORDER: CheckSeverity[] = ['error', 'warning', 'hint'];

/** Which checks a report holds. */
export interface CheckReportOptions {
  /** One document (or those matching it): source path, part of it, or sha256 prefix. */
  doc?: string | undefined;
  /** Passed checks too; by default only failed ones. */
  all?: boolean;
  /** Only failed checks at least this severe. */
  severity?: CheckSeverity | undefined;
}

/** The checks of the documents asked for: each document's counts, and the checks themselves in source and check order. */
export interface CheckReport {
  summaries: CheckSummary[];
  checks: StoredCheck[];
}

/** The stored checks of all documents or of those `doc` matches (LookupError when it matches none). */
export function checkReport(store: Store, options: CheckReportOptions = {}): CheckReport {
  let ids: number[] | undefined;
  if (options.doc !== undefined) {
    const matches = store.findDocuments(options.doc);
    if (matches.length === 0) throw new LookupError(`no document matches "${options.doc}" in ${store.file}`);
    ids = matches.map((m) => m.id);
  }
  const least = options.severity;
  const shown = (c: StoredCheck) => !least || (c.severity !== null && SEVERITY_ORDER.indexOf(c.severity) <= SEVERITY_ORDER.indexOf(least));
  return {
    summaries: store.summarizeChecks(ids),
    checks: store.readChecks({ documentIds: ids, ...(options.all ? {} : { status: 'fail' as const }) }).filter(shown),
  };
}
