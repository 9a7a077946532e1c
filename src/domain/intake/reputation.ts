/**
 * Per-finder calibration (clearinghouse-anchors §3 item 11): the running precision of an
 * organisation or an AI model, accepted / decided. Undecided reports do not count.
 */
export interface ReputationCounts {
  readonly submitted: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly duplicates: number;
}

/** Accepted / (accepted + rejected), or null before anything was decided. */
export function precision(c: Pick<ReputationCounts, 'accepted' | 'rejected'>): number | null {
  const decided = c.accepted + c.rejected;
  return decided === 0 ? null : c.accepted / decided;
}
