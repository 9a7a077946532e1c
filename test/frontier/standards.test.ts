import { beforeEach, describe, expect, it } from 'vitest';
import { viewerOf } from '../../src/domain/identity/principal';
import { BUILT_IN_PRACTICE_CATALOGUES } from '../../src/domain/frontier/practices/index';
import { addGrant } from '../../src/services/frontier/access-grants';
import { createPlan, getPlan } from '../../src/services/frontier/access-plans';
import { attest, changeAttestation, getAttestation, listAttestations, reviewAttestation } from '../../src/services/frontier/attestations';
import { addCatalogueVersion, listPracticeCatalogues, seedBuiltInPracticeCatalogues } from '../../src/services/frontier/practices';
import { developerScorecard, setStandardsSettings, standardsSettings } from '../../src/services/frontier/scorecards';
import { addFinding, moveRemediation } from '../../src/services/frontier/engagement-findings';
import { createEngagement, moveEngagement } from '../../src/services/frontier/engagements';
import { eventsAfter } from '../../src/store/outbox';
import { makeOrganisation, makePrincipal } from '../helpers/factories';
import { databasePerFile } from '../helpers/database-per-file';
import { DRIVERS } from '../helpers/databases';
import { type AccessWorld, accessWorld, makeVersion } from './access-world';
import { engagementInput } from './engagement-world';

const DAY = 86_400_000;
const page = { limit: 50, offset: 0 };
const paths = (e: unknown) => ((e as { details: { path: string }[] }).details ?? []).map((d) => d.path);
const codeOf = (e: unknown) => (e as { code: string }).code;
async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe.each(DRIVERS)('voluntary standards on %s', (driver) => {
  const db = databasePerFile(driver);
  let w: AccessWorld;
  beforeEach(async () => {
    w = await accessWorld(db());
    await seedBuiltInPracticeCatalogues(w.ctx);
  }, 120_000);
  const at = (days: number) => new Date(w.ctx.clock.now.getTime() + days * DAY);

  it('seeds the shipped catalogue once; an admin adds a version (every bad field named, 409 on a duplicate)', async () => {
    expect(await seedBuiltInPracticeCatalogues(w.ctx)).toBe(0);
    const listed = await listPracticeCatalogues(w.ctx);
    expect(listed.find((c) => c.version === '2026-12-01')).toMatchObject({ builtIn: true });
    const next = {
      version: `test-${driver}`,
      title: 'Next',
      practices: [
        ...BUILT_IN_PRACTICE_CATALOGUES[0]!.practices,
        { id: 'model-spec-published', title: 'Spec', description: 'A published model spec.', evidenceRequired: false, sources: [{ citation: 'x' }] },
      ],
    };
    expect(codeOf(await failure(addCatalogueVersion(w.ctx, w.developer, next)))).toBe('FORBIDDEN');
    const bad = await failure(
      addCatalogueVersion(w.ctx, w.admin, { ...next, practices: [{ id: 'x', title: 'x', description: 'x', sources: [{ citation: 'x' }] }] }),
    );
    expect(paths(bad)).toEqual(['/practices/0/evidenceRequired']);
    const added = await addCatalogueVersion(w.ctx, w.admin, next);
    expect(added).toMatchObject({ version: next.version, current: true, builtIn: false });
    expect((await listPracticeCatalogues(w.ctx))[0]!.version).toBe(next.version);
    const dup = await failure(addCatalogueVersion(w.ctx, w.admin, next));
    expect([codeOf(dup), paths(dup)]).toEqual(['CONFLICT', ['/version']]);
  });

  it('refuses an attestation without evidence where the practice requires it, naming every bad field, writing nothing', async () => {
    const before = (await eventsAfter(w.ctx.db, 0, 1_000_000)).length;
    const e = await failure(
      attest(w.ctx, w.developer, {
        practiceId: 'incident-reporting',
        status: 'implemented',
        evidence: [],
        expiresAt: at(-1),
      }),
    );
    expect([codeOf(e), paths(e)]).toEqual(['VALIDATION', ['/evidence', '/expiresAt']]);
    const refs = await failure(
      attest(w.ctx, w.developer, {
        practiceId: 'no-such-practice',
        status: 'not_applicable',
        evidence: [
          { kind: 'link', ref: 'ftp://nope' },
          { kind: 'assessment', ref: 'not-an-id' },
        ],
        expiresAt: at(365),
      }),
    );
    expect(paths(refs)).toEqual(['/practiceId', '/evidence/0/ref', '/evidence/1/ref', '/statement']);
    expect((await eventsAfter(w.ctx.db, 0, 1_000_000)).length).toBe(before);
    // Where evidence is optional, or the status claims nothing in place, none is needed.
    await attest(w.ctx, w.developer, { practiceId: 'cyber-capability-red-teaming', status: 'implemented', evidence: [], expiresAt: at(365) });
    await attest(w.ctx, w.developer, { practiceId: 'incident-reporting', status: 'planned', evidence: [], expiresAt: at(365) });
    expect(codeOf(await failure(attest(w.ctx, w.developer, { practiceId: 'incident-reporting', status: 'planned', evidence: [], expiresAt: at(365) })))).toBe(
      'CONFLICT',
    );
    expect(
      codeOf(await failure(attest(w.ctx, w.developerViewer, { practiceId: 'model-weight-security', status: 'planned', evidence: [], expiresAt: at(9) }))),
    ).toBe('FORBIDDEN');
  });

  it('shows an attestation as expired from its expiry date on, computed when read', async () => {
    const a = await attest(w.ctx, w.developer, {
      practiceId: 'vulnerability-disclosure-policy',
      status: 'implemented',
      evidence: [{ kind: 'link', ref: 'https://example.test/security' }],
      expiresAt: at(30),
    });
    expect(a.standing).toBe('current');
    w.ctx.clock.now = at(29);
    expect((await getAttestation(w.ctx, viewerOf(w.developer), a.id)).standing).toBe('current');
    w.ctx.clock.now = at(1);
    expect((await getAttestation(w.ctx, viewerOf(w.developer), a.id)).standing).toBe('expired');
    expect((await developerScorecard(w.ctx, viewerOf(w.developer), w.developer.organisationId)).participation).toMatchObject({ current: 0, expired: 1 });
  });

  it('keeps history on change, lets staff review (a question needs a comment) and clears the review on a change', async () => {
    const a = await attest(w.ctx, w.developer, {
      practiceId: 'model-weight-security',
      status: 'partial',
      evidence: [{ kind: 'document', ref: 'SEC-2026-04 security report' }],
      expiresAt: at(200),
    });
    expect(codeOf(await failure(reviewAttestation(w.ctx, w.developer, a.id, { decision: 'accepted' })))).toBe('FORBIDDEN');
    expect(paths(await failure(reviewAttestation(w.ctx, w.analyst, a.id, { decision: 'questioned', comment: ' ' })))).toEqual(['/comment']);
    const reviewed = await reviewAttestation(w.ctx, w.analyst, a.id, { decision: 'questioned', comment: 'Which controls cover egress?' });
    expect(reviewed.review).toMatchObject({ decision: 'questioned', comment: 'Which controls cover egress?', reviewedBy: w.analyst.userId });
    expect(codeOf(await failure(changeAttestation(w.ctx, w.analyst, a.id, { status: 'implemented', evidence: [], expiresAt: at(300) })))).toBe('FORBIDDEN');
    const changed = await changeAttestation(w.ctx, w.developer, a.id, {
      status: 'implemented',
      evidence: [{ kind: 'document', ref: 'SEC-2026-05 egress controls' }],
      expiresAt: at(300),
    });
    expect(changed.review).toBeNull();
    expect(changed.history).toHaveLength(1);
    expect(changed.history[0]).toMatchObject({ status: 'partial', review: { decision: 'questioned' } });
    expect(changed.history[0]!.evidence).toEqual([{ kind: 'document', ref: 'SEC-2026-04 security report' }]);
    const types = (await eventsAfter(w.ctx.db, 0, 1_000_000)).filter((e) => e.recordId === a.id).map((e) => e.type);
    expect(types).toEqual(['frontier_attestation.recorded', 'frontier_attestation.reviewed', 'frontier_attestation.changed']);
  });

  it('hides an attestation and a scorecard from another organisation (404, absent from lists)', async () => {
    const a = await attest(w.ctx, w.developer, { practiceId: 'cyber-capability-red-teaming', status: 'planned', evidence: [], expiresAt: at(90) });
    expect(codeOf(await failure(getAttestation(w.ctx, viewerOf(w.outsider), a.id)))).toBe('NOT_FOUND');
    expect(codeOf(await failure(changeAttestation(w.ctx, w.outsider, a.id, { status: 'planned', evidence: [], expiresAt: at(90) })))).toBe('NOT_FOUND');
    expect((await listAttestations(w.ctx, viewerOf(w.outsider), page)).items.map((x) => x.id)).not.toContain(a.id);
    expect((await listAttestations(w.ctx, viewerOf(w.analyst), { ...page, organisationId: w.developer.organisationId })).items.map((x) => x.id)).toContain(
      a.id,
    );
    expect(codeOf(await failure(developerScorecard(w.ctx, viewerOf(w.outsider), w.developer.organisationId)))).toBe('NOT_FOUND');
    expect(codeOf(await failure(developerScorecard(w.ctx, viewerOf(w.operator), w.developer.organisationId)))).toBe('NOT_FOUND');
    // Its own viewers and the clearinghouse see it; an organisation that is not an AI developer has none.
    await developerScorecard(w.ctx, viewerOf(w.developerViewer), w.developer.organisationId);
    await developerScorecard(w.ctx, viewerOf(w.analyst), w.developer.organisationId);
    expect(codeOf(await failure(developerScorecard(w.ctx, viewerOf(w.operator), w.operator.organisationId)))).toBe('NOT_FOUND');
  });

  it('computes the scorecard from real access plans and real assessments, with the plans’ own window figures, and null for what is not tracked yet', async () => {
    const grant = (kind: string, from: number, to: number) => ({
      granteeOrganisationId: w.agency.organisationId,
      accessKind: kind as 'fine_tuning',
      environment: 'government_on_premises' as const,
      startsAt: at(from),
      endsAt: at(to),
    });
    const v1 = await makeVersion(w.ctx, w.developer.organisationId, { general: at(60) });
    const p1 = await createPlan(w.ctx, w.developer, { versionId: v1 });
    await addGrant(w.ctx, w.developer, p1.id, grant('api_reduced_safeguards', 10, 90));
    const v2 = await makeVersion(w.ctx, w.developer.organisationId, { general: at(40) });
    const p2 = await createPlan(w.ctx, w.developer, { versionId: v2 });
    await addGrant(w.ctx, w.developer, p2.id, grant('fine_tuning', 20, 50));
    const v3 = await makeVersion(w.ctx, w.developer.organisationId, { general: at(100) });
    await attest(w.ctx, w.developer, {
      practiceId: 'pre-release-government-access',
      status: 'implemented',
      evidence: [{ kind: 'document', ref: p1.id }],
      expiresAt: at(365),
    });
    // Third-party assessments of v1: one taken to its final report with a finding mitigated before
    // release, one still at work with an open finding, one withdrawn (not counted).
    const firm = await makeOrganisation(w.ctx, { kind: 'third_party_assessor' });
    const assessor = await makePrincipal(w.ctx, { organisationId: firm.id, role: 'member' });
    const engagement = async () => {
      const e = await createEngagement(w.ctx, w.developer, engagementInput(v1, firm.id));
      await moveEngagement(w.ctx, assessor, e.id, { event: 'request_access' });
      await moveEngagement(w.ctx, assessor, e.id, { event: 'start' });
      return e;
    };
    const done = await engagement();
    const mitigated = await addFinding(w.ctx, assessor, done.id, { domain: 'cyber_offense', severity: 'high', title: 'exploit chain' });
    await moveRemediation(w.ctx, w.developer, done.id, mitigated.id, { event: 'mitigate', note: 'patched', evidence: ['change-1'] });
    await moveEngagement(w.ctx, assessor, done.id, { event: 'submit_draft' });
    await moveEngagement(w.ctx, assessor, done.id, { event: 'finalise' });
    const working = await engagement();
    await addFinding(w.ctx, assessor, working.id, { domain: 'cbrn', severity: 'low', title: 'uplift probe' });
    const dropped = await engagement();
    await moveEngagement(w.ctx, assessor, dropped.id, { event: 'withdraw', reason: 'scope changed' });
    w.ctx.clock.now = at(70);

    const s = await developerScorecard(w.ctx, viewerOf(w.developer), w.developer.organisationId);
    const windows = await Promise.all([p1.id, p2.id].map(async (id) => (await getPlan(w.ctx, viewerOf(w.developer), id)).window!));
    const byVersion = Object.fromEntries(s.preReleaseAccess.versions.map((v) => [v.versionId, v]));
    // The same figures the plans show (one computation, reused).
    for (const [v, win] of [
      [v1, windows[0]!],
      [v2, windows[1]!],
    ] as const)
      expect(byVersion[v]).toMatchObject({ status: win.status, leadTimeDays: win.leadTimeDays, effectiveAccessDays: win.effectiveAccessDays });
    expect(byVersion[v1]).toMatchObject({ status: 'met', leadTimeDays: 50, effectiveAccessDays: 50, accessKinds: ['api_reduced_safeguards'] });
    expect(byVersion[v2]).toMatchObject({ status: 'late', leadTimeDays: 20, effectiveAccessDays: 20, accessKinds: ['fine_tuning'] });
    expect(byVersion[v3]).toMatchObject({ status: 'at_risk', leadTimeDays: 0, accessKinds: [] });
    expect(s.preReleaseAccess).toMatchObject({
      designatedVersions: 3,
      released: 2,
      met: 1,
      late: 1,
      atRisk: 1,
      medianLeadTimeDays: 20,
      medianEffectiveAccessDays: 35,
    });
    expect(s.accessKinds).toEqual([
      { kind: 'api_reduced_safeguards', versions: 1 },
      { kind: 'fine_tuning', versions: 1 },
    ]);
    // The current catalogue (another test may have added a version with more practices).
    const n = (await listPracticeCatalogues(w.ctx))[0]!.practices.length;
    expect(s.participation).toMatchObject({ practices: n, current: 1, implemented: 1, notAttested: n - 1, rate: Math.round((100 * 1) / n) / 100 });
    expect(s.thirdPartyAssessments).toEqual({ engagements: 2, completed: 1, completedBeforeRelease: 1 });
    expect(s.findings).toEqual({ total: 2, open: 1, mitigatedBeforeRelease: 1, accepted: 0, disputed: 0 });
    // No incident module yet: not tracked, never a made-up zero.
    expect(s.incidents).toBeNull();
  });

  it('keeps the minimum group size a setting of platform admins, never below 3', async () => {
    expect(await standardsSettings(w.ctx.db)).toEqual({ minGroupSize: 3 });
    expect(codeOf(await failure(setStandardsSettings(w.ctx, w.analyst, { minGroupSize: 5 })))).toBe('FORBIDDEN');
    expect(paths(await failure(setStandardsSettings(w.ctx, w.admin, { minGroupSize: 2 })))).toEqual(['/minGroupSize']);
    expect(await setStandardsSettings(w.ctx, w.admin, { minGroupSize: 5 })).toEqual({ minGroupSize: 5 });
    await setStandardsSettings(w.ctx, w.admin, { minGroupSize: 3 });
  });
});
