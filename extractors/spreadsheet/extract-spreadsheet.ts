import type { Diagnostic, RawBlock, RawDocument } from '../../src/model/index.js';
import { readWorkbook, SpreadsheetError, type SheetGrid } from './read-workbook.js';
import { sheetBlocks } from './sheet-blocks.js';

export const SPREADSHEET_EXTRACTOR = { name: 'spreadsheet', version: '1.1.0' } as const;

/** Names spreadsheet programs give new sheets; such a name says nothing about the table on it. */
const DEFAULT_SHEET_NAME = /^(?:sheet|工作表|表)\s*\d+$/i;

/**
 * An .xlsx or .xls workbook → RawDocument: each visible sheet in workbook order, its title and
 * org/unit lines as paragraphs, its tables in `grid` layout with the true merges, a prose sheet
 * as paragraphs. Cell text is what the sheet displays (number format applied; a formula's
 * cached result). Provenance is the sheet and cell (`C7`, and the merged range). Throws
 * SpreadsheetError (a per-document failure) for workbooks that cannot be read.
 */
export function extractSpreadsheet(bytes: Uint8Array, format: 'xlsx' | 'xls'): RawDocument {
  const blocks: RawBlock[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const sheet of readWorkbook(bytes, format)) {
    if (sheet.hidden) {
      diagnostics.push({ severity: 'info', code: 'sheet-hidden', stage: 'extract', message: `hidden sheet "${sheet.name}" not read (it is not printed)`, place: { kind: 'sheet', sheet: sheet.name, cell: 'A1' } });
      continue;
    }
    const read = sheetBlocks(sheet);
    blocks.push(...titledBySheetName(sheet, read.blocks));
    diagnostics.push(...read.diagnostics);
  }
  return { schemaVersion: 1, format, extractor: { ...SPREADSHEET_EXTRACTOR }, encoding: null, blocks, diagnostics };
}

/**
 * A sheet whose table starts without a title row above it is titled by the sheet's name (one
 * sheet per table, named 部门收支总表 …), unless the name is a program's default (Sheet1). The
 * name is not a cell, so the line has no provenance.
 */
function titledBySheetName(sheet: SheetGrid, blocks: RawBlock[]): RawBlock[] {
  if (blocks[0]?.type !== 'table' || DEFAULT_SHEET_NAME.test(sheet.name.trim())) return blocks;
  return [{ type: 'paragraph', raw: sheet.name, prov: [] }, ...blocks];
}

export { SpreadsheetError };
