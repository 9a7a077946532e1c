import { DEFAULT_ACCESS_POLICY } from '../../../src/domain/frontier/access-vocabulary';
import { addGrant, addOutage, editGrant } from '../../../src/services/frontier/access-grants';
import { createPlan } from '../../../src/services/frontier/access-plans';
import { setAccessPolicy } from '../../../src/services/frontier/access-policy';
import { sendDueAccessReminders } from '../../../src/services/frontier/access-reminders';
import { acknowledgeTerms, recordSessions, setTerms } from '../../../src/services/frontier/access-terms';
import { nominatePartner, transitionNomination } from '../../../src/services/frontier/partners';
import { makeOrganisation, makePrincipal } from '../../helpers/factories';
import { makeVersion } from '../../frontier/access-world';
import type { Canaries } from './canaries';
import type { PayloadWorld } from './world';

const DAY = 86_400_000;

/**
 * Voluntary pre-release access: a developer's plan with a government grant (terms both sides
 * acknowledge, an outage, the access log) and a vetted trusted partner's grant; the policy an
 * admin sets; a reminder. Private fields — the plan's notes, the terms' text, who used a grant —
 * carry canaries; none of them travels in an event.
 */
export async function frontierAccessEvents(w: PayloadWorld, c: Canaries): Promise<void> {
  await setAccessPolicy(w.ctx, w.admin, { ...DEFAULT_ACCESS_POLICY, reminderOffsetsDays: [30, 14, 7, 1] });
  const developer = await makePrincipal(w.ctx, { organisationId: (await makeOrganisation(w.ctx, { kind: 'ai_developer' })).id });
  const agency = await makePrincipal(w.ctx, { organisationId: (await makeOrganisation(w.ctx, { kind: 'government_agency' })).id });
  const operator = await makePrincipal(w.ctx, {
    organisationId: (await makeOrganisation(w.ctx, { kind: 'critical_infrastructure_operator', sectors: ['energy'] })).id,
  });
  w.joined.push(developer, agency, operator);
  const now = w.ctx.now().getTime();
  const versionId = await makeVersion(w.ctx, developer.organisationId, { general: new Date(now + 10 * DAY) });
  const plan = await createPlan(w.ctx, developer, { versionId, notes: 'CANARY-plan-notes' });
  c.plant('CANARY-plan-notes', plan.id);
  const withGrant = await addGrant(w.ctx, developer, plan.id, {
    granteeOrganisationId: agency.organisationId,
    accessKind: 'weights_secure_enclave',
    environment: 'classified',
    testedCheckpoint: 'sha256:CANARY-checkpoint-tested',
    startsAt: new Date(now - DAY),
    endsAt: new Date(now + 20 * DAY),
  });
  const grant = withGrant.grants[0]!;
  c.plant('sha256:CANARY-checkpoint-tested', grant.id);
  await editGrant(w.ctx, developer, plan.id, grant.id, { budgets: { tokens: 50_000_000 } });
  await addOutage(w.ctx, w.analyst, plan.id, grant.id, { startsAt: new Date(now + DAY), endsAt: new Date(now + 2 * DAY), reason: 'CANARY-outage-reason' });
  await setTerms(w.ctx, developer, plan.id, grant.id, [{ protection: 'confidentiality_nda', detail: 'CANARY-terms-detail' }]);
  c.plant('CANARY-terms-detail', grant.id);
  await acknowledgeTerms(w.ctx, agency, plan.id, grant.id, 1);
  await recordSessions(w.ctx, agency, plan.id, grant.id, [{ actor: 'CANARY-session-actor', startedAt: new Date(now), environment: 'classified' }]);

  const n = await nominatePartner(w.ctx, w.analyst, { planId: plan.id, partnerOrganisationId: operator.organisationId, reason: 'CANARY-nomination-reason' });
  c.plant('CANARY-nomination-reason', n.id);
  await transitionNomination(w.ctx, developer, n.id, 'start-vetting');
  await transitionNomination(w.ctx, w.analyst, n.id, 'approve');
  await addGrant(w.ctx, developer, plan.id, {
    granteeOrganisationId: operator.organisationId,
    accessKind: 'api_production',
    environment: 'developer_cloud',
    startsAt: new Date(now),
    endsAt: new Date(now + 9 * DAY),
  });
  await sendDueAccessReminders(w.ctx);
}
