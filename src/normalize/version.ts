/**
 * The version of normalisation. Bump it whenever a change here alters what any document
 * exports: a re-run then redoes every stored document normalised by an older version.
 */
export const NORMALIZE_VERSION = '1.3.0';
