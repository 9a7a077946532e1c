/**
 * Embargo dates and reminders as pure functions of the time given (STYLE.md habit 6).
 * The policy: 90 days from the first vendor notice by default, 7 days when the flaw is
 * exploited in the wild or the report is a bypass of an earlier fix (both settings);
 * a later date than the one agreed is an extension and needs a recorded reason.
 */
export interface EmbargoPolicy {
  readonly defaultDays: number;
  readonly exploitedDays: number;
  readonly fixBypassDays: number;
  /** Reminders before each deadline, in minutes (e.g. 7 days, 1 day, 1 hour). */
  readonly reminderOffsetsMinutes: readonly number[];
}

export const DEFAULT_EMBARGO_POLICY: EmbargoPolicy = Object.freeze({
  defaultDays: 90,
  exploitedDays: 7,
  fixBypassDays: 7,
  reminderOffsetsMinutes: Object.freeze([7 * 24 * 60, 24 * 60, 60]),
});

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export interface EmbargoFacts {
  /** When the first vendor was notified (the clock starts then). */
  readonly firstNoticeAt: Date;
  readonly exploited: boolean;
  readonly fixBypass: boolean;
}

/** The days the policy allows for a case with these facts: the shortest that applies. */
export function embargoDays(facts: Omit<EmbargoFacts, 'firstNoticeAt'>, policy: EmbargoPolicy): number {
  const days = [policy.defaultDays];
  if (facts.exploited) days.push(policy.exploitedDays);
  if (facts.fixBypass) days.push(policy.fixBypassDays);
  return Math.min(...days);
}

/** The default public date: first vendor notice + the policy's days. */
export function defaultEmbargoEnd(facts: EmbargoFacts, policy: EmbargoPolicy): Date {
  return new Date(facts.firstNoticeAt.getTime() + embargoDays(facts, policy) * DAY_MS);
}

/** Whether moving the agreed date from `current` to `proposed` is an extension (later), which needs a reason. */
export const isExtension = (current: Date | null, proposed: Date): boolean => current !== null && proposed.getTime() > current.getTime();

export interface ProposalCheck {
  readonly path: string;
  readonly message: string;
}

/**
 * The problems with a proposed public date, each with its field: it must lie after `now`,
 * and an extension of the agreed date needs a reason.
 */
export function checkProposal(input: { publicAt: Date; reason: string | null | undefined }, current: Date | null, now: Date): ProposalCheck[] {
  const problems: ProposalCheck[] = [];
  if (Number.isNaN(input.publicAt.getTime())) return [{ path: '/publicAt', message: 'not a date' }];
  if (input.publicAt.getTime() <= now.getTime()) problems.push({ path: '/publicAt', message: 'must be in the future' });
  if (isExtension(current, input.publicAt) && !input.reason?.trim()) {
    problems.push({ path: '/reason', message: 'an extension of the agreed date needs a recorded reason' });
  }
  return problems;
}

/** The reminder times before `deadline` at the policy's offsets that are still ahead of `now`, earliest first. */
export function reminderTimes(deadline: Date, offsetsMinutes: readonly number[], now: Date): Date[] {
  const times = [...new Set(offsetsMinutes)]
    .map((m) => deadline.getTime() - m * MINUTE_MS)
    .filter((t) => t > now.getTime())
    .sort((a, b) => a - b);
  return times.map((t) => new Date(t));
}

/** The problems with a policy, each with its field. */
export function checkPolicy(p: EmbargoPolicy): ProposalCheck[] {
  const problems: ProposalCheck[] = [];
  for (const k of ['defaultDays', 'exploitedDays', 'fixBypassDays'] as const) {
    if (!Number.isInteger(p[k]) || p[k] < 1 || p[k] > 3650) problems.push({ path: `/${k}`, message: 'a whole number of days from 1 to 3650' });
  }
  p.reminderOffsetsMinutes.forEach((m, i) => {
    if (!Number.isInteger(m) || m < 0 || m > 3650 * 24 * 60)
      problems.push({ path: `/reminderOffsetsMinutes/${i}`, message: 'a whole number of minutes, at most 10 years' });
  });
  return problems;
}
