import { lengthUntil, subtract, unionOf, type Interval } from './intervals';

/**
 * The pre-release access window (issue 11, "Exact contracts"): what a plan gives the government
 * before a release milestone, measured, never enforced. Voluntary: the status is a report
 * (`late`, `not_provided`), never a hold on the release. Pure: `asOf` is an argument.
 */
export const WINDOW_MODES = ['minimum', 'maximum'] as const;
/** `minimum`: access at least N days before release; `maximum`: release waits for at most N days. */
export type WindowMode = (typeof WINDOW_MODES)[number];

export const RELEASE_MILESTONES = ['trusted_partner', 'general'] as const;
/** Which release the window is counted to (`trusted_partner` falls back to `general`). */
export type ReleaseMilestone = (typeof RELEASE_MILESTONES)[number];

export const ACCESS_WINDOW_STATUSES = ['on_track', 'at_risk', 'met', 'late', 'not_provided', 'no_release_date'] as const;
export type AccessWindowStatus = (typeof ACCESS_WINDOW_STATUSES)[number];

export interface AccessWindowPolicy {
  readonly windowDays: number;
  readonly mode: WindowMode;
  readonly milestone: ReleaseMilestone;
}

/** The deployment default: 30 days, "at least", counted to the general release. */
export const DEFAULT_ACCESS_WINDOW_POLICY: AccessWindowPolicy = { windowDays: 30, mode: 'minimum', milestone: 'general' };

export interface AccessGrantWindow extends Interval {
  readonly outages?: readonly Interval[];
}

/** A plan in milliseconds since the epoch (`parseAccessPlan` reads the JSON form). */
export interface AccessWindowInput {
  readonly policy: AccessWindowPolicy;
  readonly releases: { readonly trustedPartner?: number; readonly general?: number };
  readonly grants: readonly AccessGrantWindow[];
  readonly checkpoints?: { readonly tested?: string; readonly released?: string };
  readonly asOf: number;
}

export interface AccessWindowResult {
  /** The chosen milestone's date (ms), or null when there is none. */
  readonly releaseAt: number | null;
  readonly leadTimeDays: number;
  readonly effectiveAccessDays: number;
  readonly scheduledAccessDays: number;
  readonly status: AccessWindowStatus;
  readonly lateByDays: number;
  readonly drift: boolean;
}

export const MS_PER_DAY = 86_400_000;

/** Days, exact (ms / 86,400,000), rounded to 2 decimals. */
export function toDays(ms: number): number {
  return Math.round(ms / (MS_PER_DAY / 100)) / 100;
}

/** The release the window is counted to: the milestone's date, `trusted_partner` falling back to `general`. */
export function releaseAtOf(policy: AccessWindowPolicy, releases: AccessWindowInput['releases']): number | null {
  if (policy.milestone === 'trusted_partner' && releases.trustedPartner !== undefined) return releases.trustedPartner;
  return releases.general ?? null;
}

/**
 * The access intervals: the union of every grant cut at `releaseAt` (uncut when null), minus the
 * union of every outage. Sorted and disjoint — what the timeline draws.
 */
export function accessIntervals(grants: readonly AccessGrantWindow[], releaseAt: number | null): Interval[] {
  const cut = releaseAt ?? Number.POSITIVE_INFINITY;
  const granted = unionOf(grants.map((g) => ({ start: g.start, end: Math.min(g.end, cut) })));
  const outages = unionOf(grants.flatMap((g) => g.outages ?? []));
  return subtract(granted, outages);
}

/** Both checkpoints given and different: what was tested is not what is released. */
export function checkpointDrift(checkpoints: AccessWindowInput['checkpoints']): boolean {
  return checkpoints?.tested !== undefined && checkpoints.released !== undefined && checkpoints.tested !== checkpoints.released;
}

/**
 * Lead time, effective and scheduled access days, status and drift of a plan as of `asOf`
 * (issue 11, "Exact contracts"). Statuses compare the rounded day figures the report shows.
 */
export function computeAccessWindow(input: AccessWindowInput): AccessWindowResult {
  const { policy, asOf } = input;
  const drift = checkpointDrift(input.checkpoints);
  const releaseAt = releaseAtOf(policy, input.releases);
  const access = accessIntervals(input.grants, releaseAt);
  if (releaseAt === null) {
    // No milestone to count to: what has been and will be given, for information.
    return {
      releaseAt,
      leadTimeDays: 0,
      effectiveAccessDays: toDays(lengthUntil(access, asOf)),
      scheduledAccessDays: toDays(lengthUntil(access, Number.POSITIVE_INFINITY)),
      status: 'no_release_date',
      lateByDays: 0,
      drift,
    };
  }
  let earliest = releaseAt;
  for (const g of input.grants) if (g.start < earliest) earliest = g.start;
  // 0 when no grant starts before the release.
  const leadTimeDays = toDays(releaseAt - earliest);
  const effectiveAccessDays = toDays(lengthUntil(access, Math.min(asOf, releaseAt)));
  const scheduledAccessDays = toDays(lengthUntil(access, releaseAt));
  const released = asOf >= releaseAt;
  let status: AccessWindowStatus;
  let lateByDays = 0;
  if (policy.mode === 'minimum') {
    if (!released) status = scheduledAccessDays >= policy.windowDays ? 'on_track' : 'at_risk';
    else if (effectiveAccessDays >= policy.windowDays) status = 'met';
    else if (effectiveAccessDays === 0) status = 'not_provided';
    else {
      status = 'late';
      // In hundredths of a day, so no float noise reaches the ceiling.
      lateByDays = Math.ceil((policy.windowDays * 100 - Math.round(effectiveAccessDays * 100)) / 100);
    }
  } else if (!released) status = scheduledAccessDays > 0 ? 'on_track' : 'at_risk';
  else status = effectiveAccessDays > 0 ? 'met' : 'not_provided';
  return { releaseAt, leadTimeDays, effectiveAccessDays, scheduledAccessDays, status, lateByDays, drift };
}

/** The JSON form of a result (the CLI's output and the API's): `releaseAt` as an RFC 3339 timestamp. */
export interface AccessWindowReport extends Omit<AccessWindowResult, 'releaseAt'> {
  readonly releaseAt: string | null;
}

/** A result in its JSON form, with exactly the contract's keys in the contract's order. */
export function accessWindowReport(result: AccessWindowResult): AccessWindowReport {
  return {
    releaseAt: result.releaseAt === null ? null : new Date(result.releaseAt).toISOString(),
    leadTimeDays: result.leadTimeDays,
    effectiveAccessDays: result.effectiveAccessDays,
    scheduledAccessDays: result.scheduledAccessDays,
    status: result.status,
    lateByDays: result.lateByDays,
    drift: result.drift,
  };
}
