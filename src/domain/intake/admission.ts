/**
 * Admission control arithmetic (clearinghouse-anchors §3 item 4): a token bucket per
 * organisation and lane, refilled continuously, plus a daily quota. Pure: the clock is a
 * parameter.
 */
export const INTAKE_LANES = ['normal', 'priority'] as const;
export type IntakeLane = (typeof INTAKE_LANES)[number];

export interface IntakeLimits {
  /** Sustained rate of the normal lane (findings per minute); also its burst size. */
  readonly findingsPerMinute: number;
  /** The exploited-in-the-wild lane's own rate, so it is served when the normal lane is spent. */
  readonly priorityFindingsPerMinute: number;
  /** Findings per UTC day, both lanes together. */
  readonly findingsPerDay: number;
}

export interface BucketState {
  readonly tokens: number;
  readonly refilledAt: Date;
  /** The UTC day (YYYY-MM-DD) `dayCount` counts. */
  readonly day: string;
  readonly dayCount: number;
}

export const utcDay = (now: Date): string => now.toISOString().slice(0, 10);

export const rateOf = (limits: IntakeLimits, lane: IntakeLane): number => (lane === 'priority' ? limits.priorityFindingsPerMinute : limits.findingsPerMinute);

/** The bucket refilled up to `now` (capacity = one minute's worth). */
export function refill(b: BucketState, perMinute: number, now: Date): BucketState {
  const elapsed = Math.max(0, now.getTime() - b.refilledAt.getTime());
  const tokens = Math.min(perMinute, b.tokens + (elapsed * perMinute) / 60_000);
  const day = utcDay(now);
  return { tokens, refilledAt: now, day, dayCount: day === b.day ? b.dayCount : 0 };
}

/** A full bucket (for an organisation's first submission). */
export const fullBucket = (perMinute: number, now: Date): BucketState => ({ tokens: perMinute, refilledAt: now, day: utcDay(now), dayCount: 0 });

/**
 * How many of `wanted` findings the lane admits now, given the day's use of both lanes,
 * and the bucket after taking them.
 */
export function admit(b: BucketState, wanted: number, dayUsed: number, limits: IntakeLimits): { granted: number; bucket: BucketState } {
  const byRate = Math.floor(b.tokens + 1e-9);
  const byDay = Math.max(0, limits.findingsPerDay - dayUsed);
  const granted = Math.max(0, Math.min(wanted, byRate, byDay));
  return { granted, bucket: { ...b, tokens: b.tokens - granted, dayCount: b.dayCount + granted } };
}

/** Seconds until `need` tokens are there again (or the next UTC day, when the daily quota is spent). */
export function retryAfterSeconds(b: BucketState, perMinute: number, need: number, dayExhausted: boolean, now: Date): number {
  if (dayExhausted) {
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
  }
  if (perMinute <= 0) return 60;
  const missing = Math.max(0, need - b.tokens);
  return Math.max(1, Math.ceil((missing * 60) / perMinute));
}
