import { ENRICH_VERSION } from '../domain/version.js';
import { NORMALIZE_VERSION } from '../normalize/version.js';

/**
 * The versions of the stages every format goes through after its extractor, as stored with each
 * document: a document is re-extracted when its bytes, its extractor's version or these change.
 */
export const STAGE_VERSIONS = `normalize@${NORMALIZE_VERSION} enrich@${ENRICH_VERSION}`;
