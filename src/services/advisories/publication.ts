import type { AdvisoryContent } from '../../domain/advisory/content';
import { formatAdvisoryId, isPublicAisc } from '../../domain/advisory/id';
import { type EarlyDisclosureConfirmation, runningEmbargoEnd } from '../../domain/cases/early-disclosure';
import { AppError, notFound } from '../../domain/errors';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import type { Marking } from '../../domain/policy/marking';
import { SYSTEM } from '../../domain/policy/viewer';
import type { OsvRecord } from '../../standards/osv/index';
import { nextAdvisoryNumber } from '../../store/advisories/counters';
import { findVisibleAdvisory, insertRevisions, lockVisibleAdvisory, renameDraft, type AdvisoryRow, updateAdvisory } from '../../store/advisories/queries';
import { type CaseRow, findVisibleCase, lockVisibleCase, updateCase } from '../../store/cases/cases';
import type { Tx } from '../../store/database';
import { enqueueJobs } from '../../store/jobs';
import { markingOf, markingRow } from '../../store/visibility';
import { type Actor, actorOf } from '../actor';
import type { ServiceContext } from '../context';
import type { JobHandler } from '../jobs/runner';
import { caseWideMarking } from '../cases/access';
import { confirmedEarlyDisclosure, disclosable, discloseCaseIn } from '../cases/disclosure';
import { caseView } from '../cases/views';
import { type Record_, write } from '../unit-of-work';
import { assertContent } from '../../domain/advisory/content-rules';
import { lockForCoordinator, nextState } from './drafting';
import { advisoryToOsv } from './to-osv';
import { advisoryEventData, advisoryView, type AdvisoryView } from './view';

export const PUBLISH_JOB = 'advisory.publish';
const SCHEDULER: Actor = Object.freeze({ userId: null, organisationId: null, label: 'system:scheduler' });

/** Published advisories are TLP:CLEAR and unclassified: publication is disclosure to the world. */
const publishedMarking = (m: Marking): Marking => ({ ...m, tlp: 'CLEAR', classification: 'UNCLASSIFIED', accessOrganisations: [], accessUsers: [] });

type Change = Parameters<Record_>[0]['action'];

async function commit(tx: Tx, record: Record_, action: Change, before: AdvisoryRow, set: Partial<AdvisoryRow>): Promise<AdvisoryView> {
  const after = await updateAdvisory(tx, before.id, set);
  record({
    action,
    recordType: 'advisory',
    recordId: before.id,
    before: advisoryView(before),
    after: advisoryView(after),
    marking: markingOf(after),
    data: advisoryEventData(after),
  });
  return advisoryView(after);
}

/** Appends revision `number` with its OSV document and makes it the current one. */
async function addRevision(tx: Tx, a: AdvisoryRow, osv: OsvRecord, at: Date, summary: string) {
  const number = a.revision + 1;
  await insertRevisions(tx, [{ advisoryId: a.id, number, at, summary, osv }]);
  return { osv, revision: number, modifiedAt: at, updatedAt: at };
}

/**
 * Schedules publication at `publishAt` (in the future): a `advisory.publish` job runs then.
 * Rescheduling enqueues a new job; the old one finds the time changed and does nothing.
 */
export function scheduleAdvisory(ctx: ServiceContext, p: Principal, id: string, publishAt: Date): Promise<AdvisoryView> {
  return write(ctx, actorOf(p), (tx, record) => scheduleAdvisoryIn(ctx, tx, record, p, id, publishAt));
}

/** `scheduleAdvisory` inside the caller's transaction (a case drafts and schedules its advisory in one). */
export async function scheduleAdvisoryIn(ctx: ServiceContext, tx: Tx, record: Record_, p: Principal, id: string, publishAt: Date): Promise<AdvisoryView> {
  const before = await lockForCoordinator(tx, p, id);
  const state = nextState(before.state, 'schedule');
  const now = ctx.now();
  if (publishAt.getTime() <= now.getTime())
    throw new AppError('VALIDATION', 'The publication time has passed', [{ path: '/publishAt', message: 'must be in the future (publish now instead)' }]);
  // A schedule is no way round an agreed embargo: before its date, "publish now" asks for confirmation.
  const c = before.caseId ? await findVisibleCase(tx, SYSTEM, before.caseId) : null;
  const agreed = c ? runningEmbargoEnd(c, now) : null;
  if (agreed && publishAt.getTime() < agreed.getTime()) {
    throw new AppError('VALIDATION', `The case's embargo is agreed until ${agreed.toISOString()}`, [
      { path: '/publishAt', message: `before the agreed public date ${agreed.toISOString()}: publish now, confirming that date, to end the embargo early` },
    ]);
  }
  assertContent(before.content as AdvisoryContent);
  await enqueueJobs(
    tx,
    [{ id: ctx.newId(), kind: PUBLISH_JOB, payload: { advisoryId: before.id, publishAt: publishAt.toISOString() }, runAt: publishAt, maxAttempts: 20 }],
    now,
  );
  return commit(tx, record, 'advisory.scheduled', before, { state, publishAt, updatedAt: now });
}

/** Takes a scheduled advisory back to draft (its job then does nothing). */
export async function unscheduleAdvisory(ctx: ServiceContext, p: Principal, id: string): Promise<AdvisoryView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await lockForCoordinator(tx, p, id);
    const state = nextState(before.state, 'unschedule');
    return commit(tx, record, 'advisory.unscheduled', before, { state, publishAt: null, updatedAt: ctx.now() });
  });
}

/**
 * The public id a publication gives: a draft gets the next `AISC-<year>-<n>` of the year it
 * is published in, allocated in this transaction (the counter row stays locked until
 * commit, so concurrent publications queue and a rollback returns the number: ADR 0021).
 * Advisories drafted before ADR 0021 already have theirs.
 */
async function publicIdFor(tx: Tx, a: AdvisoryRow, now: Date): Promise<string> {
  if (isPublicAisc(a.id)) return a.id;
  const year = now.getUTCFullYear();
  const id = formatAdvisoryId(year, await nextAdvisoryNumber(tx, year));
  await renameDraft(tx, a.id, id);
  return id;
}

/**
 * Publishes a locked draft or scheduled advisory: its public id, its first revision, TLP:CLEAR.
 * When it is its case's advisory, the case moves in the same transaction: disclosed (the
 * agreed embargo exits, every participant is told) and linked to the public id.
 */
async function publishLocked(
  ctx: ServiceContext,
  tx: Tx,
  record: Record_,
  before: AdvisoryRow,
  c: CaseRow | null,
  reason: string | null,
): Promise<AdvisoryView> {
  const state = nextState(before.state, 'publish');
  const content = before.content as AdvisoryContent;
  assertContent(content);
  const now = ctx.now();
  const id = await publicIdFor(tx, before, now);
  const osv = advisoryToOsv(id, content, { published: now, modified: now });
  const rev = await addRevision(tx, { ...before, id }, osv, now, 'Initial publication.');
  const after = await updateAdvisory(tx, id, {
    state,
    ...rev,
    publishedAt: now,
    publishAt: before.publishAt ?? now,
    ...markingRow(publishedMarking(markingOf(before))),
  });
  record({
    action: 'advisory.published',
    recordType: 'advisory',
    recordId: id,
    before: advisoryView(before),
    after: advisoryView(after),
    marking: markingOf(after),
    data: advisoryEventData(after),
  });
  if (c && c.advisoryId === before.id) {
    if (disclosable(c.state)) await discloseCaseIn(ctx, tx, record, c, { reason, advisoryId: id });
    else if (id !== before.id) {
      const moved = await updateCase(tx, c.id, { advisoryId: id, updatedAt: now });
      record({
        action: 'case.updated',
        recordType: 'case',
        recordId: c.id,
        before: caseView(c, true),
        after: caseView(moved, true),
        marking: caseWideMarking(moved, moved.createdBy),
        data: { id: c.id, state: moved.state, advisoryId: id },
      });
    }
  }
  return advisoryView(after);
}

/**
 * Locks an advisory and, first, the case it belongs to (cases before advisories, as the
 * case's "disclose now" does, so the two never deadlock).
 */
async function lockWithCase(tx: Tx, viewer: Parameters<typeof lockVisibleAdvisory>[1], id: string): Promise<{ row: AdvisoryRow | null; c: CaseRow | null }> {
  const peek = await findVisibleAdvisory(tx, viewer, id);
  const c = peek?.caseId ? await lockVisibleCase(tx, SYSTEM, peek.caseId) : null;
  return { row: await lockVisibleAdvisory(tx, viewer, id), c };
}

/** What "publish now" may carry: under an agreed embargo, the agreed date and a reason (issue 9 item 18). */
export type PublishRequest = EarlyDisclosureConfirmation;

/**
 * Publishes a draft or scheduled advisory now (the coordinator's "publish early"). When its
 * case has an agreed embargo still running, the request must repeat the agreed date and say
 * why (CONFLICT / VALIDATION naming both otherwise); the reason is kept on the case, in its
 * audit entry and in the `embargo.ended` event every participant receives.
 */
export async function publishAdvisory(ctx: ServiceContext, p: Principal, id: string, req: PublishRequest = {}): Promise<AdvisoryView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const { row, c } = await lockWithCase(tx, viewerOf(p), id);
    if (!row) throw notFound('Advisory');
    const before = await lockForCoordinator(tx, p, row.id);
    nextState(before.state, 'publish');
    const linked = c && c.advisoryId === before.id ? c : null;
    const reason = linked ? confirmedEarlyDisclosure(linked, ctx.now(), req) : null;
    return publishLocked(ctx, tx, record, before, linked, reason);
  });
}

/** Publishes a case's advisory inside the case's own transaction ("disclose now"); the caller has confirmed and moves the case. */
export async function publishCaseAdvisoryIn(ctx: ServiceContext, tx: Tx, record: Record_, advisoryId: string): Promise<AdvisoryView | null> {
  const row = await lockVisibleAdvisory(tx, SYSTEM, advisoryId);
  if (row?.state !== 'scheduled') return null;
  return publishLocked(ctx, tx, record, row, null, null);
}

/**
 * The `advisory.publish` job: publishes when the advisory is still scheduled for exactly
 * this time and the time has come. Idempotent: a second run, a rescheduled or unscheduled
 * advisory, or one already published, finishes without change. It never ends an agreed
 * embargo early (scheduling before one is refused; one agreed later wins).
 */
export const publishScheduledJob: JobHandler = async (ctx, payload) => {
  const id = String(payload.advisoryId ?? '');
  const at = new Date(String(payload.publishAt ?? ''));
  const early = await write(ctx, SCHEDULER, async (tx, record) => {
    const { row, c } = await lockWithCase(tx, SYSTEM, id);
    if (row?.state !== 'scheduled' || row.publishAt?.getTime() !== at.getTime()) return false;
    if (at.getTime() > ctx.now().getTime()) return true;
    const linked = c && c.advisoryId === row.id ? c : null;
    if (linked && runningEmbargoEnd(linked, ctx.now())) return false;
    await publishLocked(ctx, tx, record, row, linked, null);
    return false;
  });
  return early ? { status: 'retry', error: 'not yet due (clock skew)', runAt: at } : { status: 'done' };
};

/** Publishes a new revision of a published AISC advisory; every earlier revision is kept. */
export async function reviseAdvisory(ctx: ServiceContext, p: Principal, id: string, content: AdvisoryContent, summary: string): Promise<AdvisoryView> {
  assertContent(content);
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await lockForCoordinator(tx, p, id);
    if (before.source !== 'aisc') throw new AppError('CONFLICT', 'Imported advisories change by re-import', [{ path: '/source', message: 'imported' }]);
    const state = nextState(before.state, 'revise');
    const now = ctx.now();
    const osv = advisoryToOsv(before.id, content, { published: before.publishedAt!, modified: now });
    const rev = await addRevision(tx, before, osv, now, summary);
    return commit(tx, record, 'advisory.revised', before, { state, ...rev, content, title: content.title, cveId: content.cveId ?? null });
  });
}

/** Withdraws a published advisory: a last revision with `withdrawn` set; it stays served and says so. */
export async function withdrawAdvisory(ctx: ServiceContext, p: Principal, id: string, reason: string): Promise<AdvisoryView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await lockForCoordinator(tx, p, id);
    const state = nextState(before.state, 'withdraw');
    const now = ctx.now();
    const current = before.osv as OsvRecord;
    const osv: OsvRecord = { ...current, modified: now.toISOString(), withdrawn: now.toISOString() };
    const rev = await addRevision(tx, before, osv, now, `Withdrawn: ${reason}`);
    return commit(tx, record, 'advisory.withdrawn', before, { state, ...rev, withdrawnAt: now });
  });
}
