/**
 * Exponential backoff for retried work: base · 2^(attempt-1), capped. `jitter` in [0,1)
 * is passed in (the domain has no randomness) and spreads retries by up to +25 %.
 */
export function backoffMs(attempt: number, jitter: number, baseMs = 1_000, capMs = 3_600_000): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (1 + 0.25 * jitter));
}
