/** Whether `ci` (the CI environment variable) says the run is CI's. */
export const isCi = (ci: string | undefined): boolean => ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';

/**
 * What a test needs from outside the repository (a browser, NATS, a PostgreSQL server): on a
 * developer's machine its absence skips the tests that need it, saying why; under CI it fails
 * the run, so a green CI never hides a test that did not run.
 */
export function requireUnderCi(present: boolean, why: string, ci: string | undefined): boolean {
  if (present) return true;
  if (isCi(ci)) throw new Error(`cannot run under CI: ${why}`);
  console.warn(`skipped: ${why}`);
  return false;
}
