import { expect } from 'vitest';
import { draftCaseAdvisory } from '../../../src/services/cases/advisory';
import { acceptProposal, decideEmbargo, proposeEmbargo } from '../../../src/services/cases/embargo';
import { inviteVendors } from '../../../src/services/cases/invite';
import { transitionCaseBy } from '../../../src/services/cases/lifecycle';
import { createThread, postMessage } from '../../../src/services/cases/messages';
import { openCase } from '../../../src/services/cases/open';
import { getCase } from '../../../src/services/cases/reads';
import { embargoDeadline } from '../../../src/services/cases/reminders';
import { setEmbargoPolicy } from '../../../src/services/cases/settings';
import { recordStatement, shareStatement } from '../../../src/services/cases/statements';
import { eventsAfter } from '../../../src/store/outbox';
import { advisoryContent } from '../../advisories/fixtures';
import type { Canaries } from './canaries';
import type { PayloadWorld } from './world';

const POC = { name: 'poc.py', mediaType: 'text/x-python', contentBase64: Buffer.from('print("boom")\n').toString('base64') };

/**
 * Coordination: a case with two vendors, from invitation to the embargo's end, with
 * vendor-private canaries (B's unshared statement, A's private thread, message and
 * counter-proposal reason) and the case's advisory drafted under the agreed embargo.
 */
export async function caseEvents(w: PayloadWorld, c: Canaries): Promise<void> {
  const [a, b] = w.vendors;
  const since = (await eventsAfter(w.ctx.db, 0, 100_000)).at(-1)?.seq ?? 0;
  await setEmbargoPolicy(w.ctx, w.admin, { defaultDays: 90, exploitedDays: 7, fixBypassDays: 7, reminderOffsetsMinutes: [10_080, 1_440] });
  const k = await openCase(w.ctx, w.analyst, {
    kind: 'single',
    title: 'CANARY-case-title',
    summary: 's',
    reportIds: [await w.acceptedReport({ proofOfConcept: [POC] })],
  });
  await inviteVendors(w.ctx, w.analyst, k.id, [a!.organisationId, b!.organisationId]);
  const vulnId = (await getCase(w.ctx, w.analyst, k.id)).vulnerabilities[0]!.id;

  const sb = await recordStatement(w.ctx, b!, k.id, vulnId, { status: 'affected', impactStatement: 'CANARY-statement-B' });
  c.plant('CANARY-statement-B', sb.id);
  const sa = await recordStatement(w.ctx, a!, k.id, vulnId, { status: 'not_affected', justification: 'component_not_present' });
  await shareStatement(w.ctx, w.analyst, k.id, sa.id);
  const thread = await createThread(w.ctx, w.analyst, k.id, { subject: 'CANARY-thread-A', vendorOrganisationId: a!.organisationId });
  c.plant('CANARY-thread-A', thread.id);
  await postMessage(w.ctx, a!, k.id, thread.id, { body: 'CANARY-message-A', tlp: 'AMBER' });
  // A message is never more open than its thread (issue 9 item 3).
  c.plant('CANARY-message-A', thread.id);

  expect((await getCase(w.ctx, w.analyst, k.id)).embargo.state).toBe('proposed');
  const counter = await proposeEmbargo(w.ctx, a!, k.id, { publicAt: new Date(w.ctx.clock.now.getTime() + 60 * 86_400_000), reason: 'CANARY-reason-A' });
  c.plant('CANARY-reason-A', counter.id);
  const proposals = (await eventsAfter(w.ctx.db, since, 100_000)).filter((e) => e.type === 'embargo.proposed');
  await acceptProposal(w.ctx, b!, k.id, proposals.find((e) => e.data.id !== counter.id)!.recordId);
  await decideEmbargo(w.ctx, w.analyst, k.id, { decision: 'adopt', proposalId: counter.id });

  // The case's advisory, drafted under the agreed embargo: scheduled for its end, its text the draft's.
  const drafted = await draftCaseAdvisory(w.ctx, w.analyst, k.id, advisoryContent('case-pkg', { title: 'CANARY-case-advisory-title' }));
  c.plant('CANARY-case-advisory-title', drafted.advisory.id);

  const agreed = (await getCase(w.ctx, w.analyst, k.id)).embargo.publicAt!;
  await embargoDeadline(w.ctx, k.id, agreed, 'reminder');
  await embargoDeadline(w.ctx, k.id, agreed, 'end');
  // The case's title is the case's: its audience is the case's, with every vendor on it.
  c.plant('CANARY-case-title', k.id, 'latest');

  const other = await openCase(w.ctx, w.analyst, { kind: 'single', title: 'Closed', summary: 's', reportIds: [await w.acceptedReport()] });
  await transitionCaseBy(w.ctx, w.analyst, other.id, { event: 'close', reason: 'no vendor' });
}
