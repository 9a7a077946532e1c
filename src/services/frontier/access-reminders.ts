import { dueReminders, reminderHorizonMs, reminderKey } from '../../domain/frontier/access-reminders';
import { enqueueUnlessPending, type NewJob } from '../../store/jobs';
import { insertReminder, listVisibleReminders, remindersOf } from '../../store/frontier/access';
import type { Viewer } from '../../domain/policy/viewer';
import { plansWithMilestonesBetween } from '../../store/frontier/portfolio';
import { markingOf, markingRow } from '../../store/visibility';
import type { Actor } from '../actor';
import type { ServiceContext } from '../context';
import type { JobHandler } from '../jobs/runner';
import { write } from '../unit-of-work';
import { accessPolicy } from './access-policy';

/** The recurring job that sends access reminders (ADR 0095). */
export const ACCESS_REMINDER_JOB = 'frontier.access-reminders';
/** How often it sweeps: reminders are by the day, so a quarter of an hour is early enough. */
export const ACCESS_REMINDER_EVERY_MS = 15 * 60_000;
const SCHEDULE_LOCK = 7366046;
const PAGE = 500;
const REMINDER_ACTOR: Actor = Object.freeze({ userId: null, organisationId: null, label: 'system:access-reminders' });

/**
 * Sends every access reminder due now: for each plan with a release milestone within the
 * largest offset, the reminder `dueReminders` names, once per (plan, milestone, milestone date,
 * offset) — the sent-reminder row is the proof, written with the event in one transaction. The
 * event carries the plan's marking, so the developer, the coordinators and the grantees get it
 * (webhooks, the event stream) and it lists in their reminders. Returns how many were sent.
 */
export async function sendDueAccessReminders(ctx: ServiceContext): Promise<number> {
  const policy = await accessPolicy(ctx.db);
  if (policy.reminderOffsetsDays.length === 0) return 0;
  const now = ctx.now();
  const to = new Date(now.getTime() + reminderHorizonMs(policy.reminderOffsetsDays));
  let sent = 0;
  let after: string | null = null;
  for (;;) {
    const rows = await plansWithMilestonesBetween(ctx.db, now, to, after, PAGE);
    if (rows.length === 0) return sent;
    after = rows[rows.length - 1]!.plan.id;
    const already = new Map<string, Set<string>>();
    for (const r of await remindersOf(
      ctx.db,
      rows.map((x) => x.plan.id),
    )) {
      const set = already.get(r.planId) ?? new Set<string>();
      set.add(reminderKey({ milestone: r.milestone as 'general', milestoneAt: r.milestoneAt, offsetDays: r.offsetDays }));
      already.set(r.planId, set);
    }
    for (const { plan, plannedTrustedPartnerRelease, plannedGeneralRelease } of rows) {
      const due = dueReminders(
        { trusted_partner: plannedTrustedPartnerRelease, general: plannedGeneralRelease },
        policy.reminderOffsetsDays,
        now,
        already.get(plan.id),
      );
      if (due.length === 0) continue;
      sent += await write(ctx, REMINDER_ACTOR, async (tx, record) => {
        const marking = markingOf(plan);
        let n = 0;
        for (const d of due) {
          const row = await insertReminder(tx, {
            id: ctx.newId(),
            planId: plan.id,
            milestone: d.milestone,
            milestoneAt: d.milestoneAt,
            offsetDays: d.offsetDays,
            ...markingRow(marking),
            sentAt: now,
          });
          if (!row) continue;
          n++;
          record({
            action: 'access_plan.reminder',
            recordType: 'access_plan',
            recordId: plan.id,
            before: null,
            after: null,
            marking,
            data: { id: plan.id, versionId: plan.versionId, milestone: d.milestone, milestoneAt: d.milestoneAt.toISOString(), offsetDays: d.offsetDays },
          });
        }
        return n;
      });
    }
    if (rows.length < PAGE) return sent;
  }
}

/** Sends what is due, then runs again a sweep interval later (the same job row). */
export const accessRemindersJob: JobHandler = async (ctx) => {
  const sent = await sendDueAccessReminders(ctx);
  if (sent) ctx.log.info({ sent }, 'access reminders sent');
  return { status: 'again', runAt: new Date(ctx.now().getTime() + ACCESS_REMINDER_EVERY_MS) };
};

/** Schedules the reminder sweep (due now) unless a worker already has; called when a worker starts. */
export async function scheduleAccessReminders(ctx: ServiceContext): Promise<boolean> {
  const now = ctx.now();
  const job: NewJob = { id: ctx.newId(), kind: ACCESS_REMINDER_JOB, payload: {}, runAt: now, maxAttempts: 5 };
  return ctx.db.transaction((tx) => enqueueUnlessPending(tx, job, now, SCHEDULE_LOCK));
}

/** The access reminders the caller may see (their reminder inbox), newest first. */
export async function listAccessReminders(ctx: ServiceContext, viewer: Viewer, page: { limit: number; offset: number }) {
  const r = await listVisibleReminders(ctx.db, viewer, page.limit, page.offset);
  return {
    items: r.items.map((x) => ({
      id: x.id,
      planId: x.planId,
      milestone: x.milestone,
      milestoneAt: x.milestoneAt.toISOString(),
      offsetDays: x.offsetDays,
      sentAt: x.sentAt.toISOString(),
    })),
    total: r.total,
  };
}
