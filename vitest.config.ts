import { defineConfig } from 'vitest/config';

// One config; scripts/test.mjs chooses the folders and the database engine (PACTE_TEST_ENGINE).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite and Chromium are heavy on 2 cores: run files one after another.
    fileParallelism: false,
    reporters: ['default'],
  },
});
