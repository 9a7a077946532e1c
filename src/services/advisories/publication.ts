import type { AdvisoryContent } from '../../domain/advisory/content';
import { AppError } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import type { Marking } from '../../domain/policy/marking';
import { SYSTEM } from '../../domain/policy/viewer';
import type { OsvRecord } from '../../standards/osv/index';
import { insertRevisions, lockVisibleAdvisory, type AdvisoryRow, updateAdvisory } from '../../store/advisories/queries';
import type { Tx } from '../../store/database';
import { enqueueJobs } from '../../store/jobs';
import { markingOf, markingRow } from '../../store/visibility';
import { type Actor, actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { uuidv7 } from '../ids';
import type { JobHandler } from '../jobs/runner';
import { type Record_, write } from '../unit-of-work';
import { assertContent } from './check';
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
  record({ action, recordType: 'advisory', recordId: before.id, before: advisoryView(before), after: advisoryView(after), marking: markingOf(after), data: advisoryEventData(after) });
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
  if (publishAt.getTime() <= now.getTime()) throw new AppError('VALIDATION', 'The publication time has passed', [{ path: '/publishAt', message: 'must be in the future (publish now instead)' }]);
  assertContent(before.content as AdvisoryContent);
  await enqueueJobs(tx, [{ id: uuidv7(), kind: PUBLISH_JOB, payload: { advisoryId: id, publishAt: publishAt.toISOString() }, runAt: publishAt, maxAttempts: 20 }], now);
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

async function publishLocked(ctx: ServiceContext, tx: Tx, record: Record_, before: AdvisoryRow): Promise<AdvisoryView> {
  const state = nextState(before.state, 'publish');
  const content = before.content as AdvisoryContent;
  assertContent(content);
  const now = ctx.now();
  const osv = advisoryToOsv(before.id, content, { published: now, modified: now });
  const rev = await addRevision(tx, before, osv, now, 'Initial publication.');
  return commit(tx, record, 'advisory.published', before, { state, ...rev, publishedAt: now, publishAt: before.publishAt ?? now, ...markingRow(publishedMarking(markingOf(before))) });
}

/** Publishes a draft or scheduled advisory now (the coordinator's "publish early"). */
export async function publishAdvisory(ctx: ServiceContext, p: Principal, id: string): Promise<AdvisoryView> {
  return write(ctx, actorOf(p), async (tx, record) => publishLocked(ctx, tx, record, await lockForCoordinator(tx, p, id)));
}

/**
 * The `advisory.publish` job: publishes when the advisory is still scheduled for exactly
 * this time and the time has come. Idempotent: a second run, a rescheduled or unscheduled
 * advisory, or one already published, finishes without change.
 */
export const publishScheduledJob: JobHandler = async (ctx, payload) => {
  const id = String(payload.advisoryId ?? '');
  const at = new Date(String(payload.publishAt ?? ''));
  const early = await write(ctx, SCHEDULER, async (tx, record) => {
    const row = await lockVisibleAdvisory(tx, SYSTEM, id);
    if (!row || row.state !== 'scheduled' || row.publishAt?.getTime() !== at.getTime()) return false;
    if (at.getTime() > ctx.now().getTime()) return true;
    await publishLocked(ctx, tx, record, row);
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
    const osv = advisoryToOsv(id, content, { published: before.publishedAt!, modified: now });
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
