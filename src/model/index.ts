export * from './provenance.js';
export * from './diagnostic.js';
export * from './raw-document.js';
export * from './budget.js';
export * from './document.js';
export * from './export.js';
export * from './table-settings.js';
export * from './queue-job.js';
