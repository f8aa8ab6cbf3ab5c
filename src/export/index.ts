export { bodyRows, exportDocuments, exportJson, toExportDocument, toExportTable, writeExportJson } from './export-json.js';
export { CSV_INDEX, CsvExportError, csvField, exportCsv, safeFileName, shortName, toCsv } from './export-csv.js';
export { openOutput, STDOUT, type Output } from './output.js';
export { contentFingerprint } from './fingerprint.js';
