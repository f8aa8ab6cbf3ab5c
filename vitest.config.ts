import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The system tests: whole-corpus runs (the public API's test too), child processes (the CLI, kill-and-resume),
 * Redis and PostgreSQL (the job queue, a run into PostgreSQL), Chromium
 * (the review page), Tesseract (OCR), the tools' installer, and the readers' limits on large
 * inputs (a million rows, 200 sheets, damaged PDFs). Every other test file is a unit test:
 * `npm run test:unit` runs those, `npm test` both.
 */
const SYSTEM = [
  'test/api/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/corpus/**/*.test.ts',
  'test/pipeline/**/*.test.ts',
  'test/queue/**/*.test.ts',
  'test/review/**/*.test.ts',
  'test/scripts/**/*.test.ts',
  'test/store/duplicates.test.ts',
  'test/store/queries-doc.test.ts',
  'test/store/search.test.ts',
  'test/domain/enrich-document.test.ts',
  'test/extractors/docx/extract-docx.test.ts',
  'test/extractors/spreadsheet/extract-spreadsheet.test.ts',
  'test/extractors/pdf/extract-pdf.test.ts',
  'test/extractors/pdf/non-finite.test.ts',
  'test/extractors/pdf/ocr/**/*.test.ts',
];

// test/office/ needs LibreOffice (`npm run test:office`); CI stays free of the office suite
const exclude = [...configDefaults.exclude, 'test/office/**'];

export default defineConfig({
  test: {
    // whole-corpus runs in one test take tens of seconds on a loaded 2-core machine
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...exclude, ...SYSTEM] } },
      { extends: true, test: { name: 'system', include: SYSTEM, exclude } },
    ],
  },
});
