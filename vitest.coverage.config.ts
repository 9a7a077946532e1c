import { defineConfig } from 'vitest/config';
import { UNIT_TESTS } from './test/setup/unit-suite';
import base from './vitest.config';

/**
 * `npm run coverage` (ADR 0070): the unit suite with v8 coverage of the pure core, src/domain and
 * src/standards, failing below the bar. The test list is set here rather than merged with the
 * main config, whose `include` mergeConfig would concatenate with it.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: [...UNIT_TESTS],
    exclude: [],
    coverage: {
      provider: 'v8',
      include: ['src/domain/**/*.ts', 'src/standards/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'test-output/coverage',
      reportOnFailure: true,
      // ADR 0070: a point or so below what the unit suite reached when the bar was set (2026-12-03).
      // Raise a number when the measure rises; never lower one to let a change in.
      thresholds: {
        'src/standards/**': { lines: 97, statements: 94, functions: 95, branches: 89 },
        'src/domain/**': { lines: 79, statements: 75, functions: 61, branches: 63 },
      },
    },
  },
});
