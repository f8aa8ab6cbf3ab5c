import { NormalizeVocabulary } from '../model/index.js';
import { DOCUMENT_META_WORDS } from './document-meta.js';
import { TABLE_KINDS_BY_TITLE } from './table-kinds.js';

/** The budget disclosures' vocabulary, as normalisation takes it (the pipeline hands it in). */
export const NORMALIZE_VOCABULARY: NormalizeVocabulary = NormalizeVocabulary.parse({
  tableKinds: TABLE_KINDS_BY_TITLE,
  documentMeta: DOCUMENT_META_WORDS,
});
