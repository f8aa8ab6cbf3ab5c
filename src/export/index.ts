export { bodyRows, exportJson, toExportDocument, toExportTable, writeExportJson } from './export-json.js';
export { csvField, exportCsv } from './export-csv.js';
