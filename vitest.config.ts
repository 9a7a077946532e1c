import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check.ts'],
    // unpacks test/vectors (gzipped public test data) into test-output/vectors once per run
    globalSetup: ['test/setup/vectors.ts'],
    // PGlite instances are heavy (hundreds of MB each) and the machines have 2 cores:
    // run files in a few forks, never dozens at once.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
