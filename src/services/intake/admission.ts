import { AppError } from '../../domain/errors';
import {
  admit,
  type BucketState,
  fullBucket,
  INTAKE_LANES,
  type IntakeLane,
  type IntakeLimits,
  rateOf,
  refill,
  retryAfterSeconds,
  utcDay,
} from '../../domain/intake/admission';
import type { Executor } from '../../store/database';
import { bucketsOf, findIntakeQuota, findIntakeSettings, saveBucket } from '../../store/intake/admission';

/** Limits when an admin has set none: a flood guard, not a gate on ordinary use. */
export const DEFAULT_LIMITS: IntakeLimits = { findingsPerMinute: 6_000, priorityFindingsPerMinute: 1_000, findingsPerDay: 200_000 };
export const DEFAULT_NEEDS_INFO_CLOSE_DAYS = 30;

/** An organisation's limits: its own quota, else the platform defaults, else the built-in ones. */
export async function limitsFor(db: Executor, organisationId: string): Promise<IntakeLimits> {
  const q = await findIntakeQuota(db, organisationId);
  if (q) return q;
  return (await findIntakeSettings(db)) ?? DEFAULT_LIMITS;
}

/** What is left of an organisation's budget (for the response headers). */
export interface Budget {
  readonly normal: number;
  readonly priority: number;
  readonly day: number;
}

type Buckets = Record<IntakeLane, BucketState>;

async function currentBuckets(db: Executor, organisationId: string, limits: IntakeLimits, now: Date, lock: boolean): Promise<Buckets> {
  const rows = await bucketsOf(db, organisationId, lock);
  const of = (lane: IntakeLane): BucketState => {
    const r = rows.find((x) => x.lane === lane);
    return r ? refill(r, rateOf(limits, lane), now) : fullBucket(rateOf(limits, lane), now);
  };
  return { normal: of('normal'), priority: of('priority') };
}

const dayUsed = (b: Buckets, now: Date) => (b.normal.day === utcDay(now) ? b.normal.dayCount : 0) + (b.priority.day === utcDay(now) ? b.priority.dayCount : 0);

const budgetOf = (b: Buckets, limits: IntakeLimits, now: Date): Budget => ({
  normal: Math.floor(b.normal.tokens + 1e-9),
  priority: Math.floor(b.priority.tokens + 1e-9),
  day: Math.max(0, limits.findingsPerDay - dayUsed(b, now)),
});

export interface Admitted {
  readonly normal: number;
  readonly priority: number;
  readonly retryAfter: Record<IntakeLane, number>;
  readonly budget: Budget;
}

/**
 * The one admission path (ADR 0011, ADR 0055): how many of `wanted` findings per lane an
 * organisation's buckets admit now — the priority lane first, then the normal lane, both
 * within the day's quota — when the others may retry, and the budget left. With `take`, the
 * tokens are taken inside the caller's transaction (buckets locked, then saved); without,
 * nothing is written and the budget is the one before taking.
 */
async function admission(db: Executor, organisationId: string, wanted: Record<IntakeLane, number>, now: Date, take: boolean): Promise<Admitted> {
  const limits = await limitsFor(db, organisationId);
  const b = await currentBuckets(db, organisationId, limits, now, take);
  const used = dayUsed(b, now);
  const p = admit(b.priority, wanted.priority, used, limits);
  const n = admit(b.normal, wanted.normal, used + p.granted, limits);
  const after: Buckets = { normal: n.bucket, priority: p.bucket };
  if (take) for (const lane of INTAKE_LANES) if (wanted[lane] > 0) await saveBucket(db, { organisationId, lane, ...after[lane] });
  const budget = budgetOf(take ? after : b, limits, now);
  const retry = (lane: IntakeLane, denied: number) =>
    retryAfterSeconds(after[lane], rateOf(limits, lane), Math.min(denied, rateOf(limits, lane)), budget.day === 0, now);
  return {
    normal: n.granted,
    priority: p.granted,
    retryAfter: { normal: retry('normal', wanted.normal - n.granted), priority: retry('priority', wanted.priority - p.granted) },
    budget,
  };
}

/**
 * The request-level check before a submission is read: would the organisation's buckets admit
 * one finding (of `lane`, else of either lane)? 429 (RATE_LIMITED with Retry-After) when not,
 * else the remaining budget. Writes nothing; the chunk's transaction takes the tokens.
 */
export async function checkAdmission(db: Executor, organisationId: string, now: Date, lane?: IntakeLane): Promise<Budget> {
  const lanes: readonly IntakeLane[] = lane ? [lane] : INTAKE_LANES;
  const wanted = { normal: lanes.includes('normal') ? 1 : 0, priority: lanes.includes('priority') ? 1 : 0 };
  const a = await admission(db, organisationId, wanted, now, false);
  if (a.normal + a.priority === 0) {
    throw new AppError(
      'RATE_LIMITED',
      a.budget.day === 0 ? 'The daily intake quota of your organisation is used up' : 'Your organisation is submitting faster than its intake rate allows',
      [],
      { retryAfterSeconds: Math.min(...lanes.map((l) => a.retryAfter[l])) },
    );
  }
  return a.budget;
}

/** Takes tokens for a chunk inside its transaction (under the intake lock). */
export const admitChunk = (db: Executor, organisationId: string, wanted: Record<IntakeLane, number>, now: Date): Promise<Admitted> =>
  admission(db, organisationId, wanted, now, true);
