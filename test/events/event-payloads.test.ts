import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES, type EventType } from '../../src/domain/events/event';
import { type Principal, viewerOf } from '../../src/domain/identity/principal';
import type { Marking } from '../../src/domain/policy/marking';
import type { Viewer } from '../../src/domain/policy/viewer';
import { canSee } from '../../src/domain/policy/visibility';
import { acceptProposal, decideEmbargo, proposeEmbargo } from '../../src/services/cases/embargo';
import { inviteVendors } from '../../src/services/cases/invite';
import { transitionCaseBy } from '../../src/services/cases/lifecycle';
import { createThread, postMessage } from '../../src/services/cases/messages';
import { openCase } from '../../src/services/cases/open';
import { getCase } from '../../src/services/cases/reads';
import { embargoDeadline } from '../../src/services/cases/reminders';
import { setEmbargoPolicy } from '../../src/services/cases/settings';
import { recordStatement, shareStatement } from '../../src/services/cases/statements';
import { eventsAfter, type StoredEvent } from '../../src/store/outbox';
import { DRIVERS } from '../helpers/databases';
import { makeOrganisation, makePrincipal } from '../helpers/factories';
import { caseWorld, type CaseWorld } from '../cases/world';

const POC = { name: 'poc.py', mediaType: 'text/x-python', contentBase64: Buffer.from('print("boom")\n').toString('base64') };

/**
 * The payload fields each event type may carry. Typed over every event type the code can
 * emit (`Change.action` is an `EventType`), so a new event type does not compile until it
 * is listed here, and a new payload field fails the walk below until it is reviewed here.
 * `null` = not walked by this file's scenario yet (see WALKED below).
 */
const PAYLOAD_FIELDS: Readonly<Record<EventType, readonly string[] | null>> = {
  'organisation.created': ['id', 'name', 'kind', 'sectors', 'parentId', 'coordinator', 'createdAt', 'updatedAt'],
  'organisation.updated': null,
  'user.created': ['id', 'email', 'name', 'organisationId', 'role', 'clearance', 'status', 'lastLoginAt', 'createdAt', 'updatedAt'],
  'user.updated': null,
  'user.activated': null,
  'user.logged_in': null,
  'api_token.created': null,
  'api_token.revoked': null,
  'webhook.created': null,
  'webhook.updated': null,
  'webhook.deleted': null,
  'webhook_delivery.resent': null,
  'note.created': null,
  'note.updated': null,
  'note.deleted': null,
  'finding_batch.submitted': ['batchId', 'organisationId', 'source', 'accepted', 'duplicates', 'reportIds'],
  'report.transitioned': ['id', 'from', 'to', 'event', 'reason', 'duplicateOf'],
  'report.updated': null,
  'report.merged': null,
  'report.split': null,
  'intake_quota.updated': null,
  'intake_settings.updated': null,
  'advisory.drafted': null,
  'advisory.updated': null,
  'advisory.scheduled': null,
  'advisory.unscheduled': null,
  'advisory.published': null,
  'advisory.revised': null,
  'advisory.withdrawn': null,
  'advisory.imported': null,
  'case.opened': ['id', 'title', 'kind'],
  'case.updated': ['id', 'state', 'advisoryId'],
  'case.transitioned': ['id', 'from', 'to', 'event'],
  'case_vendor.invited': ['caseId', 'organisationId', 'status', 'invitedAt', 'acknowledgedAt', 'embargoResponse', 'title'],
  'case_settings.updated': ['defaultDays', 'exploitedDays', 'fixBypassDays', 'reminderOffsetsMinutes'],
  'vendor_statement.recorded': ['id', 'caseId', 'vulnerabilityId', 'vendorOrganisationId', 'status', 'justification', 'impactStatement', 'actionStatement', 'fixedVersions', 'shared', 'createdAt', 'updatedAt'],
  'vendor_statement.shared': ['id', 'caseId', 'vulnerabilityId', 'vendorOrganisationId', 'status', 'justification', 'impactStatement', 'actionStatement', 'fixedVersions', 'shared', 'createdAt', 'updatedAt'],
  'case_thread.created': ['id', 'caseId', 'subject', 'private', 'vendorOrganisationId', 'createdAt'],
  'case_message.posted': ['id', 'caseId', 'threadId'],
  'embargo.proposed': ['id', 'caseId', 'publicAt', 'reason', 'extension', 'proposedByOrganisationId', 'status', 'decidedAt', 'createdAt'],
  'embargo.responded': ['caseId', 'organisationId', 'status', 'invitedAt', 'acknowledgedAt', 'embargoResponse'],
  // The reason of the adopted proposal only when it is the coordinator's (case-wide) own.
  'embargo.decided': ['id', 'decision', 'publicAt', 'extension', 'reason', 'reminders', 'embargo'],
  'embargo.reminder': ['id', 'title', 'publicAt'],
  'embargo.ended': ['id', 'title', 'publicAt', 'state'],
  'finding_attachment.shared': ['id', 'findingId', 'reportId', 'organisations'],
};

/** The event types this file's scenario emits; the test fails if one of them is not emitted. */
const WALKED = EVENT_TYPES.filter((t) => PAYLOAD_FIELDS[t] !== null);

/**
 * Issue 9 item 4: an event carries only what its marking allows. The scenario writes
 * distinctive "canary" text into vendor-private and coordinator-private fields; every event
 * that carries a canary must be marked at most as openly as the record the canary came from:
 * whoever may receive the event may also see that record (checked for every probe viewer:
 * each party's users, their organisations as webhooks, a vendor's client, an outsider).
 */
describe.each(DRIVERS)('event payloads against their markings on %s', (driver) => {
  let w: CaseWorld;
  let clientOfA: Principal;
  let events: StoredEvent[];
  const canaries = new Map<string, Marking>();
  let probes: Viewer[];

  beforeAll(async () => {
    w = await caseWorld(driver, 2);
    const [a, b] = w.vendors;
    clientOfA = await makePrincipal(w.ctx, { organisationId: (await makeOrganisation(w.ctx, { parentId: a!.organisationId })).id });
    const people = [w.analyst, w.admin, w.reporter, a!, b!, clientOfA, w.outsider];
    probes = [
      ...people.map((p) => viewerOf(p)),
      ...people.map((p): Viewer => ({ kind: 'organisation', organisationId: p.organisationId, clientOf: p.organisationId === clientOfA.organisationId ? a!.organisationId : null })),
    ];
    const since = (await eventsAfter(w.ctx.db, 0, 100_000)).at(-1)?.seq ?? 0;

    await setEmbargoPolicy(w.ctx, w.admin, { defaultDays: 90, exploitedDays: 7, fixBypassDays: 7, reminderOffsetsMinutes: [10_080, 1_440] });
    const c = await openCase(w.ctx, w.analyst, { kind: 'single', title: 'Payload walk', summary: 's', reportIds: [await w.acceptedReport({ proofOfConcept: [POC] })] });
    await inviteVendors(w.ctx, w.analyst, c.id, [a!.organisationId, b!.organisationId]);
    const vulnId = (await getCase(w.ctx, w.analyst, c.id)).vulnerabilities[0]!.id;

    // Vendor-private canaries: B's unshared statement, A's private thread and message, A's counter-proposal reason.
    await recordStatement(w.ctx, b!, c.id, vulnId, { status: 'affected', impactStatement: 'CANARY-statement-B' });
    const sa = await recordStatement(w.ctx, a!, c.id, vulnId, { status: 'not_affected', justification: 'component_not_present' });
    await shareStatement(w.ctx, w.analyst, c.id, sa.id);
    const thread = await createThread(w.ctx, w.analyst, c.id, { subject: 'CANARY-thread-A', vendorOrganisationId: a!.organisationId });
    await postMessage(w.ctx, a!, c.id, thread.id, { body: 'CANARY-message-A', tlp: 'AMBER' });
    const coordinatorProposal = (await getCase(w.ctx, w.analyst, c.id)).embargo;
    expect(coordinatorProposal.state).toBe('proposed');
    const counter = await proposeEmbargo(w.ctx, a!, c.id, { publicAt: new Date(w.ctx.clock.now.getTime() + 60 * 86_400_000), reason: 'CANARY-reason-A' });
    const all = await eventsAfter(w.ctx.db, since, 100_000);
    const proposals = all.filter((e) => e.type === 'embargo.proposed');
    await acceptProposal(w.ctx, b!, c.id, proposals.find((e) => e.data.id !== counter.id)!.recordId);
    await decideEmbargo(w.ctx, w.analyst, c.id, { decision: 'adopt', proposalId: counter.id });
    const agreed = (await getCase(w.ctx, w.analyst, c.id)).embargo.publicAt!;
    await embargoDeadline(w.ctx, c.id, agreed, 'reminder');
    await embargoDeadline(w.ctx, c.id, agreed, 'end');
    const other = await openCase(w.ctx, w.analyst, { kind: 'single', title: 'Closed', summary: 's', reportIds: [await w.acceptedReport()] });
    await transitionCaseBy(w.ctx, w.analyst, other.id, { event: 'close', reason: 'no vendor' });

    events = await eventsAfter(w.ctx.db, 0, 100_000);
    // Each canary's audience is the marking of the record it was written into (its own creation event).
    const own = (type: string, canary: string) => events.find((e) => e.type === type && JSON.stringify(e.data).includes(canary))!.marking;
    canaries.set('CANARY-statement-B', own('vendor_statement.recorded', 'CANARY-statement-B'));
    canaries.set('CANARY-thread-A', own('case_thread.created', 'CANARY-thread-A'));
    canaries.set('CANARY-reason-A', own('embargo.proposed', 'CANARY-reason-A'));
    canaries.set('CANARY-message-A', { ...own('case_thread.created', 'CANARY-thread-A') });
  }, 180_000);
  afterAll(() => w.t.close());

  it('walks every event type in the typed list', () => {
    const emitted = new Set(events.map((e) => e.type));
    for (const e of emitted) expect(EVENT_TYPES, `event type ${e} is not in EVENT_TYPES`).toContain(e);
    expect(WALKED.filter((t) => !emitted.has(t))).toEqual([]);
  });

  it('carries only the reviewed fields of each event type', () => {
    for (const e of events) {
      const allowed = PAYLOAD_FIELDS[e.type as EventType];
      if (!allowed) continue;
      expect(Object.keys(e.data).filter((k) => !allowed.includes(k)), `${e.type} carries unreviewed fields`).toEqual([]);
    }
  });

  it('carries private data only to those who may see the record it comes from', () => {
    const leaks: string[] = [];
    for (const e of events) {
      const text = JSON.stringify(e.data);
      for (const [canary, marking] of canaries) {
        if (!text.includes(canary)) continue;
        for (const v of probes) if (canSee(v, e.marking) && !canSee(v, marking)) leaks.push(`${e.type} carries ${canary} to ${JSON.stringify(v)}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
