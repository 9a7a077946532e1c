import type { ItemStatus } from './finding';

/** How one submitted item was answered (in submission order). */
export interface ItemResult {
  readonly index: number;
  readonly status: ItemStatus;
  readonly findingId?: string;
  /** The report the finding belongs to: new (accepted) or the canonical one (duplicate). */
  readonly reportId?: string;
  /** For duplicates: matched by an exact fingerprint or as a near duplicate. */
  readonly match?: 'exact' | 'near';
  readonly similarity?: number;
  /** A retry of an item already stored under the same idempotency key: nothing new was written. */
  readonly replayed?: boolean;
  /** Why an item was rejected: VALIDATION (fix it), CONFLICT (key reused), RATE_LIMITED (retry later), INTERNAL. */
  readonly code?: 'VALIDATION' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL';
  readonly problems?: readonly { readonly path: string; readonly message: string }[];
  readonly retryAfterSeconds?: number;
}

export interface SubmissionSummary {
  received: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  replayed: number;
}

export const emptySummary = (): SubmissionSummary => ({ received: 0, accepted: 0, duplicate: 0, rejected: 0, replayed: 0 });

export function count(summary: SubmissionSummary, results: readonly ItemResult[]): void {
  for (const r of results) {
    summary.received++;
    summary[r.status]++;
    if (r.replayed) summary.replayed++;
  }
}

export const rejected = (
  index: number,
  code: NonNullable<ItemResult['code']>,
  problems: ItemResult['problems'],
  extra: Partial<ItemResult> = {},
): ItemResult => ({
  index,
  status: 'rejected',
  code,
  problems: problems ?? [],
  ...extra,
});
