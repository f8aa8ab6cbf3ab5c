export { openStore, Store, type RunInfo, type SourceFile, type StoredDocument, type StoredDocumentInfo, type StoredResult } from './store.js';
export { migrate, MIGRATIONS } from './migrations/index.js';
export { lastChange, versionsAt, type DocumentVersion } from './versions.js';
