import { addCatalogueVersion, seedBuiltInPracticeCatalogues } from '../../../src/services/frontier/practices';
import { attest, changeAttestation, reviewAttestation } from '../../../src/services/frontier/attestations';
import { setStandardsSettings } from '../../../src/services/frontier/scorecards';
import { makeOrganisation, makePrincipal } from '../../helpers/factories';
import type { Canaries } from './canaries';
import type { PayloadWorld } from './world';

const DAY = 86_400_000;

/**
 * Voluntary standards (ADR 0105): the shipped catalogue and an admin's version, a developer's
 * attestation with evidence and a statement, its change and a staff review with a comment. The
 * evidence, the statement and the comment carry canaries; none of them travels in an event.
 */
export async function frontierStandardsEvents(w: PayloadWorld, c: Canaries): Promise<void> {
  await seedBuiltInPracticeCatalogues(w.ctx);
  await addCatalogueVersion(w.ctx, w.admin, {
    version: 'walk-1',
    title: 'Walk catalogue',
    practices: [
      { id: 'incident-reporting', title: 'Incident reporting', description: 'A process.', evidenceRequired: true, sources: [{ citation: 'SB 53' }] },
      { id: 'cyber-capability-red-teaming', title: 'Red-teaming', description: 'Testing.', evidenceRequired: false, sources: [{ citation: 'CoP' }] },
    ],
  });
  await setStandardsSettings(w.ctx, w.admin, { minGroupSize: 4 });
  const developer = await makePrincipal(w.ctx, { organisationId: (await makeOrganisation(w.ctx, { kind: 'ai_developer' })).id });
  w.joined.push(developer);
  const expiresAt = new Date(w.ctx.now().getTime() + 365 * DAY);
  const a = await attest(w.ctx, developer, {
    practiceId: 'incident-reporting',
    status: 'implemented',
    evidence: [{ kind: 'document', ref: 'CANARY-attestation-evidence' }],
    statement: 'CANARY-attestation-statement',
    expiresAt,
  });
  c.plant('CANARY-attestation-evidence', a.id);
  c.plant('CANARY-attestation-statement', a.id);
  await changeAttestation(w.ctx, developer, a.id, { status: 'partial', evidence: [{ kind: 'document', ref: 'CANARY-attestation-evidence' }], expiresAt });
  await reviewAttestation(w.ctx, w.analyst, a.id, { decision: 'questioned', comment: 'CANARY-review-comment' });
  c.plant('CANARY-review-comment', a.id);
}
