/**
 * The unit suite (ADR 0070): the tests of the pure core — src/domain and src/standards — that
 * need no database, server or browser. `npm run coverage` runs them with coverage; CI runs them
 * that way once and the rest of the suite without them (AISC_TESTS=rest), so no test runs twice
 * and none is left out: every test file is in exactly one of the two runs.
 */
export const UNIT_TESTS: readonly string[] = [
  'test/domain/**/*.test.ts',
  'test/standards/**/*.test.ts',
  'test/cases/domain.test.ts',
  'test/advisories/state.test.ts',
  'test/intake/{cwe,dedup,item-stream,report-states,ssvc}.test.ts',
];
