import { z } from 'zod';
import { Provenance } from './provenance.js';

/** A message that travels with a value through the stages (mammoth's Result, vfile-message). */
export const Diagnostic = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  /** A stable identifier of the rule, e.g. `header-span-ambiguous`. */
  code: z.string(),
  stage: z.enum(['read', 'extract', 'normalize', 'enrich', 'store']),
  message: z.string(),
  place: Provenance.optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/**
 * The heuristics that change a table's shape or cells, each the last part of a stable diagnostic
 * code `table-reshaped/<heuristic>` (docs/formats.md, "Why a table looks different from the page").
 * Normalisation's (src/normalize) come first, then the PDF table refiners' (extractors/pdf).
 */
export const ReshapeHeuristic = z.enum([
  'table-groups',
  'title-in-grid',
  'metadata-lines',
  'repeated-header',
  'labels-in-total-row',
  'fold-split-columns',
  'realign-shifted-rows',
  'rejoin-cut-cells',
  'split-rows',
  'header-spans',
  'panels',
  'wrapped-rows',
  'header-cells',
  'open-rows',
]);
export type ReshapeHeuristic = z.infer<typeof ReshapeHeuristic>;

/** The `info` diagnostic that says what a heuristic did to a table (`table` names it) and where. */
export function tableReshaped(heuristic: ReshapeHeuristic, table: string, what: string, place: Provenance | undefined, stage: Diagnostic['stage']): Diagnostic {
  return { severity: 'info', code: `table-reshaped/${heuristic}`, stage, message: `${table}: ${what}`, ...(place ? { place } : {}) };
}
