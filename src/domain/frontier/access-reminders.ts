import type { Milestone } from './access-vocabulary';

const DAY = 86_400_000;

/** One reminder: `offsetDays` before the `milestone` dated `milestoneAt`. */
export interface AccessReminder {
  readonly milestone: Milestone;
  readonly milestoneAt: Date;
  readonly offsetDays: number;
  /** When it falls due: the milestone minus the offset. */
  readonly dueAt: Date;
}

/** The key a reminder is sent once under (a slipped date is a new milestone date, with reminders of its own). */
export const reminderKey = (r: { milestone: Milestone; milestoneAt: Date; offsetDays: number }): string =>
  `${r.milestone}|${r.milestoneAt.toISOString()}|${r.offsetDays}`;

/**
 * The reminders due at `now` for one plan (ADR 0095). For each release milestone still ahead
 * (`now` before its date), the reminder due is the one with the smallest offset whose time has
 * come — older ones a late plan skipped are not sent in a burst, since the newest says more.
 * Reminders already `sent` (by `reminderKey`) are left out, so a sweep sends each once.
 */
export function dueReminders(
  milestones: Readonly<Record<Milestone, Date | null>>,
  offsetsDays: readonly number[],
  now: Date,
  sent: ReadonlySet<string> = new Set(),
): AccessReminder[] {
  const due: AccessReminder[] = [];
  for (const milestone of ['trusted_partner', 'general'] as const) {
    const at = milestones[milestone];
    if (!at || now.getTime() >= at.getTime()) continue;
    const reached = offsetsDays.filter((d) => at.getTime() - d * DAY <= now.getTime());
    if (reached.length === 0) continue;
    const offsetDays = Math.min(...reached);
    const r: AccessReminder = { milestone, milestoneAt: at, offsetDays, dueAt: new Date(at.getTime() - offsetDays * DAY) };
    if (!sent.has(reminderKey(r))) due.push(r);
  }
  return due;
}

/** How far ahead a sweep must look for milestones: the largest offset, in milliseconds. */
export const reminderHorizonMs = (offsetsDays: readonly number[]): number => Math.max(0, ...offsetsDays) * DAY;
