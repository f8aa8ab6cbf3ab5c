export { bodyRows, exportDocuments, exportJson, toExportDocument, toExportTable, writeExportJson } from './export-json.js';
export { csvField, exportCsv, safeFileName, toCsv } from './export-csv.js';
export { openOutput, STDOUT, type Output } from './output.js';
