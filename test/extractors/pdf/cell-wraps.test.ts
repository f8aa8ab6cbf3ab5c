import { describe, expect, it } from 'vitest';
import { bodyRows } from '../../../src/export/index.js';
import { extractDocumentAsync } from '../../../src/pipeline/extract-document.js';
import { fixture } from './pdf-fixtures.js';

/**
 * cell-wraps.pdf (scripts/make-cell-wraps-pdf.ts, printed by headless Chromium): the 说明 column
 * holds exactly 20 characters a line, and its rule lies a few points beyond them. Each cell is
 * read as the HTML it was printed from has it: a line that leaves room for the next word before
 * the cell's widest line ends was broken in the source; a line that fills it wrapped, also when
 * the next line opens a numbered item of a run-in list.
 */
describe('wrapped cell text and source breaks (Chromium, a 20-character column)', async () => {
  const result = await extractDocumentAsync(fixture('cell-wraps.pdf'));
  if (!result.ok) throw new Error(result.error);
  const [table] = result.document.tables;
  const cell = (label: string) => bodyRows(table!).find((r) => r[0] === label)![1];

  it('keeps a break after a line one character short of the cell’s full lines', () => {
    expect(cell('差一字换行')).toBe('预算资金按照项目进度拨付使用并接受财政\n监督检查确保资金安全有效完成年度工作任务提高公共服');
  });

  it('joins lines that fill the cell', () => {
    expect(cell('自动换行')).toBe('预算资金按照项目进度拨付使用并接受财政监督检查确保资金安全有效完成年度工作任务提高公共服务');
  });

  it('joins a run-in list whose next item the printer moved to a new line, as the text export prints it', () => {
    expect(cell('行内编号')).toBe('1.预算资金按照项目进度拨付使用并接受财政2.督检查确保资金安全有3.效完成年度工作任');
  });

  it('keeps the breaks of a list broken over lines in the source, and of a short label', () => {
    expect(cell('分行编号')).toBe('1.预算资金按照\n2.项目进度拨付使用\n3.并接受财政');
    expect(cell('短行换行')).toBe('本年\n预算数');
  });

  it('reads the title and every row', () => {
    expect(table!.title).toBe('单元格换行测试表');
    expect(bodyRows(table!).map((r) => r[0])).toEqual(['差一字换行', '自动换行', '行内编号', '分行编号', '短行换行']);
  });
});
