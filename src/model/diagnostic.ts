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
