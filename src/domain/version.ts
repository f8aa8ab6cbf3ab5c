/**
 * The version of enrichment (kinds, org/year, codes, checks). Bump it whenever a change here
 * alters what any document exports or checks: a re-run then redoes every stored document
 * enriched by an older version.
 */
export const ENRICH_VERSION = '1.11.0';
