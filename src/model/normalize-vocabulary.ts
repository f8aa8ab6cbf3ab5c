import { z } from 'zod';

/** A pattern without the g or y flag: exec on it keeps no state from one text to the next. */
const Pattern = z.instanceof(RegExp).refine((re) => !re.global && !re.sticky, 'a pattern without the g or y flag');

/**
 * What normalisation needs to know of the documents' subject, handed to it as data (built in
 * src/domain/normalize-vocabulary.ts, passed in by the pipeline), so that src/normalize holds
 * the rules of tables and never imports the budget domain.
 */
export const NormalizeVocabulary = z.object({
  tableKinds: z.object({
    /** Kind ids by title, most specific first: the first whose pattern matches a title (white space removed) names its kind. */
    byTitle: z.array(z.object({ kind: z.string().min(1), title: Pattern })),
    /** The kind of a table no pattern names, or with no title. */
    unknown: z.string().min(1),
  }),
  documentMeta: z.object({
    /** A title or heading naming the fiscal year (group 1: the year). */
    yearInTitle: Pattern,
    /** A cover title naming the org before the year (group 1: the org). */
    coverTitle: Pattern,
    /** How many prose blocks from the start a cover title is looked for in. */
    coverBlocks: z.number().int().positive(),
    /** The words that say a document is a budget (预算) or a final account (决算): the one printed more often wins, a tie is a budget. */
    budgetWord: Pattern,
    finalWord: Pattern,
  }),
});
export type NormalizeVocabulary = z.infer<typeof NormalizeVocabulary>;
