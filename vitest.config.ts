import { configDefaults, defineConfig } from 'vitest/config';
import { UNIT_TESTS } from './test/setup/unit-suite';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CI runs the unit suite once, with coverage (`npm run coverage`, ADR 0070), then the rest
    // with AISC_TESTS=rest: every file runs in exactly one of the two.
    exclude: process.env.AISC_TESTS === 'rest' ? [...configDefaults.exclude, ...UNIT_TESTS] : configDefaults.exclude,
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
