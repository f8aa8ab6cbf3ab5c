import type { NormalizeVocabulary } from '../model/index.js';

/** The kind of a table by its clean title: the first pattern of the vocabulary that matches it, white space removed. */
export function tableKindByTitle(title: string | null, kinds: NormalizeVocabulary['tableKinds']): string {
  if (!title) return kinds.unknown;
  const t = title.replace(/\s+/g, '');
  return kinds.byTitle.find((k) => k.title.test(t))?.kind ?? kinds.unknown;
}
