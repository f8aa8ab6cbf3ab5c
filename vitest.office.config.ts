import { defineConfig } from 'vitest/config';

/** `npm run test:office`: the tests that run the real LibreOffice (`soffice` must be on the PATH). */
export default defineConfig({
  test: {
    include: ['test/office/**/*.test.ts'],
    testTimeout: 180_000,
  },
});
