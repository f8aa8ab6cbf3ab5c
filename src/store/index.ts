export { openStore, Store, type RunInfo, type SourceFile, type StoredDocument, type StoredDocumentInfo, type StoredResult } from './store.js';
export { migrate, MIGRATIONS } from './migrations/index.js';
export { lastChange, versionsAt, type DocumentVersion } from './versions.js';
export { FACT_COLUMNS, iterateFacts } from './facts.js';
export { readChecks, summarizeChecks, type CheckSummary, type StoredCheck } from './checks.js';
export { DATABASE_COMPANIONS, GONGKAI_APPLICATION_ID, isGongkaiDatabase } from './recognise-database.js';
export { searchText, type SearchHit } from './search.js';
export { halfWrittenDocuments } from './half-written.js';
