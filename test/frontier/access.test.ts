import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { viewerOf } from '../../src/domain/identity/principal';
import { DEFAULT_ACCESS_POLICY } from '../../src/domain/frontier/access-vocabulary';
import { addGrant, addOutage, editGrant } from '../../src/services/frontier/access-grants';
import { createPlan, getPlan, listPlans } from '../../src/services/frontier/access-plans';
import { accessPolicy, setAccessPolicy } from '../../src/services/frontier/access-policy';
import { acknowledgeTerms, listSessions, recordSessions, setTerms } from '../../src/services/frontier/access-terms';
import { listNominations, nominatePartner, transitionNomination } from '../../src/services/frontier/partners';
import { updateVersionPlan } from '../../src/services/frontier/models';
import { portfolio } from '../../src/services/frontier/portfolio';
import { eventsAfter } from '../../src/store/outbox';
import { findUser } from '../../src/store/users';
import { databasePerFile } from '../helpers/database-per-file';
import { DRIVERS } from '../helpers/databases';
import { type AccessWorld, accessWorld, makeVersion } from './access-world';

const DAY = 86_400_000;
const page = { limit: 50, offset: 0 };

describe.each(DRIVERS)('pre-release access on %s', (driver) => {
  const db = databasePerFile(driver);
  let w: AccessWorld;
  beforeEach(async () => {
    w = await accessWorld(db());
  }, 120_000);

  const at = (days: number) => new Date(w.ctx.clock.now.getTime() + days * DAY);
  const grant = (granteeOrganisationId: string, from: number, to: number, over: Record<string, unknown> = {}) => ({
    granteeOrganisationId,
    accessKind: 'api_reduced_safeguards' as const,
    environment: 'developer_cloud' as const,
    startsAt: at(from),
    endsAt: at(to),
    ...over,
  });
  const count = async (table: string, planId: string) => {
    const r = await w.ctx.db.execute(sql.raw(`select count(*)::int as n from ${table} where plan_id = '${planId}'`));
    return (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
  };
  const lastEventSeq = async () => {
    const all = await eventsAfter(w.ctx.db, 0, 1_000_000);
    return all.length ? all[all.length - 1]!.seq : 0;
  };
  /** A plan of a new designated version releasing (to the public) in 60 days. */
  const newPlan = async (opts: { trustedPartner?: number; general?: number } = {}) => {
    const versionId = await makeVersion(w.ctx, w.developer.organisationId, {
      ...(opts.trustedPartner !== undefined ? { trustedPartner: at(opts.trustedPartner) } : {}),
      general: at(opts.general ?? 60),
    });
    return createPlan(w.ctx, w.developer, { versionId });
  };

  it('turns from at_risk to on_track when a grant is added, computed live as the clock moves', async () => {
    const plan = await newPlan();
    expect(plan.window).toMatchObject({ status: 'at_risk', leadTimeDays: 0, scheduledAccessDays: 0, effectiveAccessDays: 0, drift: false });
    const after = await addGrant(w.ctx, w.developer, plan.id, grant(w.agency.organisationId, 10, 90));
    expect(after.window).toEqual({
      releaseAt: at(60).toISOString(),
      leadTimeDays: 50,
      effectiveAccessDays: 0,
      scheduledAccessDays: 50,
      status: 'on_track',
      lateByDays: 0,
      drift: false,
    });
    // Forty days on: 30 days of access so far; after the release, the window was met.
    w.ctx.clock.now = at(40);
    expect((await getPlan(w.ctx, viewerOf(w.developer), plan.id)).window).toMatchObject({ effectiveAccessDays: 30, status: 'on_track' });
    w.ctx.clock.now = at(30);
    expect((await getPlan(w.ctx, viewerOf(w.analyst), plan.id)).window).toMatchObject({ effectiveAccessDays: 50, status: 'met' });
  });

  it('subtracts outages, reports late access after the release, and shows checkpoint drift', async () => {
    const plan = await newPlan();
    const p1 = await addGrant(
      w.ctx,
      w.developer,
      plan.id,
      grant(w.agency.organisationId, 30, 70, { testedCheckpoint: 'sha256:aa', releasedCheckpoint: 'sha256:bb' }),
    );
    const g = p1.grants[0]!;
    expect(p1.window).toMatchObject({ scheduledAccessDays: 30, status: 'on_track', drift: true });
    const p2 = await addOutage(w.ctx, w.developer, plan.id, g.id, { startsAt: at(40), endsAt: at(44), reason: 'enclave maintenance' });
    expect(p2.window).toMatchObject({ scheduledAccessDays: 26, status: 'at_risk' });
    expect(p2.grants[0]!.outages).toEqual([expect.objectContaining({ reason: 'enclave maintenance', startsAt: at(40).toISOString() })]);
    w.ctx.clock.now = at(61);
    expect((await getPlan(w.ctx, viewerOf(w.developer), plan.id)).window).toMatchObject({ effectiveAccessDays: 26, status: 'late', lateByDays: 4 });
    // The same grant with the released checkpoint under test: no drift.
    w.ctx.clock.now = at(-61);
    const p3 = await editGrant(w.ctx, w.developer, plan.id, g.id, { testedCheckpoint: 'sha256:bb' });
    expect(p3.window?.drift).toBe(false);
  });

  it('follows the policy an admin sets: maximum mode, the trusted-partner milestone', async () => {
    await expect(setAccessPolicy(w.ctx, w.analyst, { ...DEFAULT_ACCESS_POLICY, mode: 'maximum' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      setAccessPolicy(w.ctx, w.admin, { windowDays: 0, mode: 'sometimes' as never, milestone: 'general', reminderOffsetsDays: [-1] }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: [{ path: '/windowDays' }, { path: '/mode' }, { path: '/reminderOffsetsDays/0' }] });
    onTestFinished(async () => {
      await setAccessPolicy(w.ctx, w.admin, { ...DEFAULT_ACCESS_POLICY, reminderOffsetsDays: [...DEFAULT_ACCESS_POLICY.reminderOffsetsDays] });
    });
    const plan = await newPlan({ trustedPartner: 20, general: 60 });
    await addGrant(w.ctx, w.developer, plan.id, grant(w.agency.organisationId, 10, 90));
    expect((await getPlan(w.ctx, viewerOf(w.developer), plan.id)).window).toMatchObject({ status: 'on_track', scheduledAccessDays: 50 });
    await setAccessPolicy(w.ctx, w.admin, { windowDays: 30, mode: 'minimum', milestone: 'trusted_partner', reminderOffsetsDays: [7, 30, 7] });
    expect((await accessPolicy(w.ctx.db)).reminderOffsetsDays).toEqual([30, 7]);
    expect((await getPlan(w.ctx, viewerOf(w.developer), plan.id)).window).toMatchObject({
      releaseAt: at(20).toISOString(),
      scheduledAccessDays: 10,
      status: 'at_risk',
    });
    await setAccessPolicy(w.ctx, w.admin, { windowDays: 30, mode: 'maximum', milestone: 'trusted_partner', reminderOffsetsDays: [] });
    expect((await getPlan(w.ctx, viewerOf(w.developer), plan.id)).window).toMatchObject({ status: 'on_track', lateByDays: 0 });
    w.ctx.clock.now = at(25);
    expect((await getPlan(w.ctx, viewerOf(w.developer), plan.id)).window).toMatchObject({ status: 'met' });
    const audit = await w.ctx.db.execute(sql`select count(*)::int as n from audit_log where action = 'frontier_access_settings.updated'`);
    expect((audit as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('names every bad field of a grant or an outage and writes nothing', async () => {
    const plan = await newPlan();
    const seq = await lastEventSeq();
    await expect(addGrant(w.ctx, w.developer, plan.id, grant(w.agency.organisationId, 20, 10))).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/endsAt' }],
    });
    // The release (in 60 days) is before the grant starts.
    await expect(addGrant(w.ctx, w.developer, plan.id, grant(w.agency.organisationId, 61, 90))).rejects.toMatchObject({ details: [{ path: '/startsAt' }] });
    await expect(
      addGrant(
        w.ctx,
        w.developer,
        plan.id,
        grant(w.agency.organisationId, 1, 90, { budgets: { queries: -5, tokens: 1.5 }, granteeOrganisationId: w.ctx.newId() }),
      ),
    ).rejects.toMatchObject({ details: [{ path: '/granteeOrganisationId' }, { path: '/budgets/queries' }, { path: '/budgets/tokens' }] });
    expect(await count('frontier_access_grants', plan.id)).toBe(0);
    expect(await lastEventSeq()).toBe(seq);

    const g = (await addGrant(w.ctx, w.developer, plan.id, grant(w.agency.organisationId, 1, 50))).grants[0]!;
    await addOutage(w.ctx, w.developer, plan.id, g.id, { startsAt: at(10), endsAt: at(12) });
    const seq2 = await lastEventSeq();
    await expect(addOutage(w.ctx, w.developer, plan.id, g.id, { startsAt: at(11), endsAt: at(13) })).rejects.toMatchObject({
      details: [{ path: '/startsAt', message: expect.stringContaining('overlaps') }],
    });
    await expect(addOutage(w.ctx, w.developer, plan.id, g.id, { startsAt: at(20), endsAt: at(19) })).rejects.toMatchObject({ details: [{ path: '/endsAt' }] });
    await expect(addOutage(w.ctx, w.developer, plan.id, g.id, { startsAt: at(45), endsAt: at(55) })).rejects.toMatchObject({
      details: [{ path: '/startsAt' }],
    });
    // Shrinking the grant past its outage is refused too.
    await expect(editGrant(w.ctx, w.developer, plan.id, g.id, { endsAt: at(5) })).rejects.toMatchObject({ details: [{ path: '/endsAt' }] });
    expect(await count('frontier_access_outages', plan.id)).toBe(1);
    expect(await lastEventSeq()).toBe(seq2);
  });

  it('lets the developer and the coordinators plan, not viewers, outsiders or grantees', async () => {
    const versionId = await makeVersion(w.ctx, w.developer.organisationId);
    await expect(createPlan(w.ctx, w.outsider, { versionId })).rejects.toMatchObject({ code: 'VALIDATION', details: [{ path: '/versionId' }] });
    await expect(createPlan(w.ctx, w.developerViewer, { versionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const plan = await createPlan(w.ctx, w.analyst, { versionId });
    await expect(createPlan(w.ctx, w.developer, { versionId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await addGrant(w.ctx, w.developer, plan.id, grant(w.agency.organisationId, 1, 50));
    await expect(addGrant(w.ctx, w.agency, plan.id, grant(w.agency.organisationId, 1, 50))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(addGrant(w.ctx, w.outsider, plan.id, grant(w.outsider.organisationId, 1, 50))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('vets trusted partners; approved ones get grants; a partner sees only its own grants; others get 404', async () => {
    const plan = await newPlan();
    await expect(nominatePartner(w.ctx, w.developer, { planId: plan.id, partnerOrganisationId: w.agency.organisationId })).rejects.toMatchObject({
      details: [{ path: '/partnerOrganisationId' }],
    });
    await expect(
      nominatePartner(w.ctx, w.developer, { planId: plan.id, partnerOrganisationId: w.operator.organisationId, sector: 'water_and_wastewater' }),
    ).rejects.toMatchObject({
      details: [{ path: '/sector' }],
    });
    const n1 = await nominatePartner(w.ctx, w.developer, { planId: plan.id, partnerOrganisationId: w.operator.organisationId });
    expect(n1).toMatchObject({ state: 'nominated', nominatedBy: 'developer', sector: 'energy' });
    const n2 = await nominatePartner(w.ctx, w.analyst, {
      planId: plan.id,
      partnerOrganisationId: w.otherOperator.organisationId,
      sector: 'water_and_wastewater',
    });
    expect(n2.nominatedBy).toBe('government');
    await expect(nominatePartner(w.ctx, w.analyst, { planId: plan.id, partnerOrganisationId: w.operator.organisationId })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // Not yet approved: no grant.
    await expect(addGrant(w.ctx, w.developer, plan.id, grant(w.operator.organisationId, 1, 50))).rejects.toMatchObject({
      details: [{ path: '/granteeOrganisationId' }],
    });
    await expect(transitionNomination(w.ctx, w.analyst, n1.id, 'approve')).rejects.toMatchObject({ code: 'CONFLICT' });
    await transitionNomination(w.ctx, w.analyst, n1.id, 'start-vetting');
    const approved = await transitionNomination(w.ctx, w.analyst, n1.id, 'approve');
    expect(approved.history.map((h) => h.to)).toEqual(['nominated', 'vetting', 'approved']);
    await transitionNomination(w.ctx, w.developer, n2.id, 'start-vetting');
    await transitionNomination(w.ctx, w.analyst, n2.id, 'approve');
    await expect(transitionNomination(w.ctx, w.outsider, n1.id, 'withdraw')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await addGrant(w.ctx, w.developer, plan.id, grant(w.agency.organisationId, 1, 50));
    const withPartner = await addGrant(w.ctx, w.developer, plan.id, grant(w.operator.organisationId, 5, 50, { accessKind: 'api_production' }));
    expect(withPartner.grants.find((g) => g.granteeOrganisationId === w.operator.organisationId)?.nominationId).toBe(n1.id);
    await addGrant(w.ctx, w.developer, plan.id, grant(w.otherOperator.organisationId, 5, 50));

    const asPartner = await getPlan(w.ctx, viewerOf(w.operator), plan.id);
    expect(asPartner.grants.map((g) => g.granteeOrganisationId)).toEqual([w.operator.organisationId]);
    // The partner does not see the version, so neither its release dates nor the window.
    expect(asPartner.version).toBeNull();
    expect(asPartner.window).toBeNull();
    expect((await getPlan(w.ctx, viewerOf(w.otherOperator), plan.id)).grants.map((g) => g.granteeOrganisationId)).toEqual([w.otherOperator.organisationId]);
    expect((await getPlan(w.ctx, viewerOf(w.developer), plan.id)).grants).toHaveLength(3);
    expect((await getPlan(w.ctx, viewerOf(w.analyst), plan.id)).grants).toHaveLength(3);
    await expect(getPlan(w.ctx, viewerOf(w.outsider), plan.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listPlans(w.ctx, viewerOf(w.outsider), page)).items.map((p) => p.id)).not.toContain(plan.id);
    expect((await listPlans(w.ctx, viewerOf(w.operator), page)).items.map((p) => p.id)).toContain(plan.id);
    // A second plan with an outage and terms: the list (built for the whole page at once) shows every
    // plan exactly as the single read does, for each viewer; `versionId` keeps only that version's plan.
    const other = await newPlan({ trustedPartner: 20 });
    const g = await addGrant(w.ctx, w.developer, other.id, grant(w.agency.organisationId, 1, 30));
    await addOutage(w.ctx, w.developer, other.id, g.grants[0]!.id, { startsAt: at(3), endsAt: at(4), reason: 'maintenance' });
    await setTerms(w.ctx, w.developer, other.id, g.grants[0]!.id, [{ protection: 'confidentiality_nda', detail: 'Mutual NDA' }]);
    await acknowledgeTerms(w.ctx, w.agency, other.id, g.grants[0]!.id, 1);
    for (const who of [w.developer, w.analyst, w.operator, w.otherOperator, w.agency, w.outsider]) {
      const listed = (await listPlans(w.ctx, viewerOf(who), page)).items;
      const read = [];
      for (const p of listed) read.push(await getPlan(w.ctx, viewerOf(who), p.id));
      expect(listed).toEqual(read);
    }
    const only = await listPlans(w.ctx, viewerOf(w.developer), { ...page, versionId: other.versionId });
    expect(only.items.map((p) => p.id)).toEqual([other.id]);
    expect(only.total).toBe(1);
    expect((await listPlans(w.ctx, viewerOf(w.outsider), { ...page, versionId: other.versionId })).total).toBe(0);
    // Nominations are the developer's and the government's.
    expect((await listNominations(w.ctx, viewerOf(w.operator), { planId: plan.id, ...page })).total).toBe(0);
    expect((await listNominations(w.ctx, viewerOf(w.developer), { planId: plan.id, ...page })).total).toBe(2);
  });

  it('records terms both sides acknowledge, per terms version', async () => {
    const plan = await newPlan();
    const g = (await addGrant(w.ctx, w.developer, plan.id, grant(w.agency.organisationId, 1, 50))).grants[0]!;
    await expect(acknowledgeTerms(w.ctx, w.agency, plan.id, g.id, 1)).rejects.toMatchObject({ details: [{ path: '/termsVersion' }] });
    await expect(
      setTerms(w.ctx, w.developer, plan.id, g.id, [
        { protection: 'confidentiality_nda', detail: 'x' },
        { protection: 'confidentiality_nda', detail: 'y' },
      ]),
    ).rejects.toMatchObject({ details: [{ path: '/terms/1/protection' }] });
    const t1 = await setTerms(w.ctx, w.developer, plan.id, g.id, [
      { protection: 'confidentiality_nda', detail: 'Mutual NDA of 2026-05-01' },
      { protection: 'cybersecurity_requirements', detail: 'FedRAMP High enclave' },
      { protection: 'use_restrictions', detail: 'Evaluation only' },
    ]);
    expect(t1.termsVersion).toBe(1);
    await acknowledgeTerms(w.ctx, w.agency, plan.id, g.id, 1);
    const both = await acknowledgeTerms(w.ctx, w.developer, plan.id, g.id, 1);
    expect(both.acknowledgements.map((a) => [a.side, a.userId])).toEqual([
      ['grantee', w.agency.userId],
      ['developer', w.developer.userId],
    ]);
    // Who acknowledged is named where the policy's rule for users lets the reader see them
    // (policy/users.ts): one's own organisation's users, every user for the coordinators; ids otherwise.
    const nameOf = async (id: string) => (await findUser(w.ctx.db, id))!.name;
    const [agencyName, developerName] = [await nameOf(w.agency.userId), await nameOf(w.developer.userId)];
    const namesAs = async (who: typeof w.agency) =>
      (await getPlan(w.ctx, viewerOf(who), plan.id)).grants[0]!.terms!.acknowledgements.map((a) => [a.side, a.userId, a.userName]);
    expect(await namesAs(w.developer)).toEqual([
      ['grantee', w.agency.userId, null],
      ['developer', w.developer.userId, developerName],
    ]);
    expect(await namesAs(w.agency)).toEqual([
      ['grantee', w.agency.userId, agencyName],
      ['developer', w.developer.userId, null],
    ]);
    expect(await namesAs(w.analyst)).toEqual([
      ['grantee', w.agency.userId, agencyName],
      ['developer', w.developer.userId, developerName],
    ]);
    // Again: nothing new.
    expect((await acknowledgeTerms(w.ctx, w.agency, plan.id, g.id, 1)).acknowledgements).toHaveLength(2);
    await expect(acknowledgeTerms(w.ctx, w.outsider, plan.id, g.id, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const t2 = await setTerms(w.ctx, w.analyst, plan.id, g.id, [{ protection: 'insider_risk_controls', detail: 'Two-person rule' }]);
    expect(t2).toMatchObject({ termsVersion: 2, acknowledgements: [] });
    await expect(acknowledgeTerms(w.ctx, w.agency, plan.id, g.id, 1)).rejects.toMatchObject({ details: [{ path: '/termsVersion' }] });
    expect((await getPlan(w.ctx, viewerOf(w.agency), plan.id)).grants[0]!.terms).toMatchObject({ termsVersion: 2, acknowledgements: [] });
  });

  it('keeps an access log: recorded by the grantee, imported by the developer, seen by both, 404 to others', async () => {
    const plan = await newPlan();
    const p = await addGrant(w.ctx, w.developer, plan.id, grant(w.agency.organisationId, 1, 50));
    const other = await addGrant(w.ctx, w.developer, plan.id, grant(w.analyst.organisationId, 1, 50));
    const g = p.grants[0]!;
    const otherGrant = other.grants.find((x) => x.granteeOrganisationId === w.analyst.organisationId)!;
    await expect(
      recordSessions(w.ctx, w.agency, plan.id, g.id, [{ actor: 'evaluator-1', startedAt: at(3), endedAt: at(2), environment: 'government_on_premises' }]),
    ).rejects.toMatchObject({ details: [{ path: '/sessions/0/endedAt' }] });
    const recorded = await recordSessions(w.ctx, w.agency, plan.id, g.id, [
      { actor: 'evaluator-1', startedAt: at(2), endedAt: at(2.5), environment: 'government_on_premises' },
    ]);
    expect(recorded.items[0]!.source).toBe('recorded');
    const imported = await recordSessions(w.ctx, w.developer, plan.id, g.id, [
      { actor: 'acct-981', startedAt: at(3), environment: 'developer_cloud' },
      { actor: 'acct-982', startedAt: at(4), endedAt: at(4.1), environment: 'developer_cloud' },
    ]);
    expect(imported.items.map((s) => s.source)).toEqual(['imported', 'imported']);
    const log = await listSessions(w.ctx, viewerOf(w.developer), plan.id, g.id, page);
    expect(log.items.map((s) => s.actor)).toEqual(['evaluator-1', 'acct-981', 'acct-982']);
    expect((await listSessions(w.ctx, viewerOf(w.agency), plan.id, g.id, page)).total).toBe(3);
    await expect(listSessions(w.ctx, viewerOf(w.agency), plan.id, otherGrant.id, page)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listSessions(w.ctx, viewerOf(w.outsider), plan.id, g.id, page)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(recordSessions(w.ctx, w.agency, plan.id, otherGrant.id, [{ actor: 'x', startedAt: at(1), environment: 'classified' }])).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('filters the portfolio by status in SQL exactly as the pure window function decides it, over random plans, modes, milestones and clocks', async () => {
    // A small seeded generator: the same plans on every run, many shapes (overlapping grants, outages across grants, no grants, trusted-partner dates).
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return Math.floor((seed / 2147483647) * n);
    };
    const grantees = [w.agency.organisationId];
    const moved: { versionId: string; general: number }[] = [];
    for (let i = 0; i < 14; i++) {
      const general = 5 + rnd(60);
      const plan = await newPlan({ general, ...(rnd(2) ? { trustedPartner: 1 + rnd(40) } : {}) });
      if (i % 3 === 0) moved.push({ versionId: plan.versionId, general });
      const grants = rnd(4);
      for (let j = 0; j < grants; j++) {
        const from = -rnd(30) + rnd(40);
        const added = await addGrant(
          w.ctx,
          w.developer,
          plan.id,
          grant(grantees[0]!, from, from + 1 + rnd(45), {
            accessKind: (['api_production', 'api_reduced_safeguards', 'reasoning_traces', 'fine_tuning'] as const)[j],
          }),
        ).catch(() => null); // some random grants start after the release: refused, as they should be
        const g = added?.grants.at(-1);
        if (g && rnd(2)) {
          const o = from + rnd(20);
          await addOutage(w.ctx, w.developer, plan.id, g.id, {
            startsAt: at(o + rnd(1000) / 1000),
            endsAt: at(o + 1 + rnd(3) + rnd(1000) / 1000),
            reason: 'maintenance',
          }).catch(() => null);
        }
      }
    }
    // Release dates moved after the grants: the plan's cached scheduled days follow (ADR 0097).
    for (const m of moved) await updateVersionPlan(w.ctx, w.developer, m.versionId, { plannedGeneralRelease: at(m.general + 1 + rnd(25)).toISOString() });
    const all = async () => {
      const out: Record<string, string> = {};
      let after: string | undefined;
      for (;;) {
        const r = await portfolio(w.ctx, viewerOf(w.analyst), { limit: 7, ...(after ? { after } : {}) });
        for (const i of r.items) out[i.versionId] = i.window.status;
        if (!r.next) return out;
        after = r.next;
      }
    };
    const filtered = async (status: 'on_track' | 'at_risk' | 'met' | 'late' | 'not_provided') => {
      const out: string[] = [];
      let after: string | undefined;
      for (;;) {
        const r = await portfolio(w.ctx, viewerOf(w.analyst), { limit: 3, status, ...(after ? { after } : {}) });
        out.push(...r.items.map((i) => i.versionId));
        if (!r.next) return out.sort();
        after = r.next;
      }
    };
    const seen = new Set<string>();
    const start = w.ctx.clock.now;
    for (const policy of [
      { windowDays: 30, mode: 'minimum', milestone: 'general' },
      { windowDays: 10, mode: 'minimum', milestone: 'trusted_partner' },
      { windowDays: 30, mode: 'maximum', milestone: 'trusted_partner' },
    ] as const) {
      await setAccessPolicy(w.ctx, w.admin, { ...DEFAULT_ACCESS_POLICY, ...policy });
      for (const days of [0, 20, 45, 70]) {
        w.ctx.clock.now = new Date(start.getTime() + days * DAY);
        const truth = await all();
        for (const status of ['on_track', 'at_risk', 'met', 'late', 'not_provided'] as const) {
          const want = Object.keys(truth)
            .filter((id) => truth[id] === status)
            .sort();
          if (want.length) seen.add(status);
          expect({ policy, days, status, ids: await filtered(status) }).toEqual({ policy, days, status, ids: want });
        }
      }
    }
    // The sample reaches every status, so the comparison is not vacuous.
    expect([...seen].sort()).toEqual(['at_risk', 'late', 'met', 'not_provided', 'on_track']);
  }, 600_000);

  it('shows every designated version the caller may see in the portfolio, filterable by status', async () => {
    const onTrack = await newPlan();
    await addGrant(w.ctx, w.developer, onTrack.id, grant(w.agency.organisationId, 1, 59));
    const atRisk = await newPlan();
    const noPlan = await makeVersion(w.ctx, w.developer.organisationId);
    const notDesignated = await makeVersion(w.ctx, w.developer.organisationId, { outcome: 'not_designated' });
    const noDate = await makeVersion(w.ctx, w.developer.organisationId, { general: null });
    const mine = async (v: ReturnType<typeof viewerOf>, status?: 'on_track' | 'at_risk' | 'no_release_date' | 'met') => {
      const ids = [onTrack.versionId, atRisk.versionId, noPlan, notDesignated, noDate];
      const out: Record<string, string> = {};
      let after: string | undefined;
      for (;;) {
        const r = await portfolio(w.ctx, v, { limit: 2, ...(after ? { after } : {}), ...(status ? { status } : {}) });
        for (const i of r.items) if (ids.includes(i.versionId)) out[i.versionId] = i.window.status;
        if (!r.next) return out;
        after = r.next;
      }
    };
    expect(await mine(viewerOf(w.developer))).toEqual({
      [onTrack.versionId]: 'on_track',
      [atRisk.versionId]: 'at_risk',
      [noPlan]: 'at_risk',
      [noDate]: 'no_release_date',
    });
    expect(await mine(viewerOf(w.analyst), 'at_risk')).toEqual({ [atRisk.versionId]: 'at_risk', [noPlan]: 'at_risk' });
    expect(await mine(viewerOf(w.analyst), 'no_release_date')).toEqual({ [noDate]: 'no_release_date' });
    // After the releases: the plan that gave 58 days met the window.
    w.ctx.clock.now = at(61);
    expect(await mine(viewerOf(w.developer), 'met')).toEqual({ [onTrack.versionId]: 'met' });
    expect(await mine(viewerOf(w.outsider))).toEqual({});
    expect(await mine(viewerOf(w.agency))).toEqual({});
  });
});
