import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // whole-corpus runs in one test take tens of seconds on a loaded 2-core machine
    testTimeout: 60_000,
    // test/office/ needs LibreOffice (`npm run test:office`); CI stays free of the office suite
    exclude: [...configDefaults.exclude, 'test/office/**'],
  },
});
