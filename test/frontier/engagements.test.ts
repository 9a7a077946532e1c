import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { viewerOf } from '../../src/domain/identity/principal';
import { ANONYMOUS } from '../../src/domain/policy/viewer';
import { addAnnex, setConclusion } from '../../src/services/frontier/engagement-conclusions';
import { exportEngagement } from '../../src/services/frontier/engagement-export';
import { addFinding, editFinding, moveRemediation, removeFinding } from '../../src/services/frontier/engagement-findings';
import { linkRun, unlinkRun } from '../../src/services/frontier/engagement-runs';
import { importEvaluationRun, listEvaluationRuns } from '../../src/services/frontier/evaluation-runs';
import { createEngagement, getEngagement, listEngagements, moveEngagement } from '../../src/services/frontier/engagements';
import { frontierCheckpoints } from '../../src/store/schema/index';
import { eventsAfter } from '../../src/store/outbox';
import { markingRow } from '../../src/store/visibility';
import { databasePerFile } from '../helpers/database-per-file';
import { DRIVERS } from '../helpers/databases';
import { makeOrganisation, makePrincipal } from '../helpers/factories';
import { makeVersion, versionMarking } from './access-world';
import { type EngagementWorld, engagementInput, engagementWorld, makeEngagement } from './engagement-world';
import { inspectLog } from './evaluations-world';

const page = { limit: 50, offset: 0 };

describe.each(DRIVERS)('third-party assessment engagements on %s', (driver) => {
  const db = databasePerFile(driver);
  let w: EngagementWorld;
  beforeEach(async () => {
    w = await engagementWorld(db());
  }, 120_000);

  const rows = async (table: string, id: string) => {
    const r = await w.ctx.db.execute(sql.raw(`select count(*)::int as n from ${table} where engagement_id = '${id}'`));
    return (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
  };
  const lastSeq = async () => (await eventsAfter(w.ctx.db, 0, 1_000_000)).at(-1)?.seq ?? 0;
  /** An engagement taken to in_progress by its assessor. */
  const working = async (over = {}) => {
    const e = await makeEngagement(w, over);
    await moveEngagement(w.ctx, w.assessor, e.id, { event: 'request_access' });
    await moveEngagement(w.ctx, w.assessor, e.id, { event: 'start' });
    return e;
  };

  it('walks the whole path, each move by its party, each with its audit entry and event', async () => {
    const e = await makeEngagement(w);
    expect(e).toMatchObject({ state: 'scoped', commissionedBy: 'developer', parties: ['commissioner', 'developer'], moves: ['request_access', 'withdraw'] });
    const before = await lastSeq();
    const steps: [typeof w.developer, Parameters<typeof moveEngagement>[3], string][] = [
      [w.developer, { event: 'request_access' }, 'access_pending'],
      [w.assessor, { event: 'start' }, 'in_progress'],
      [w.assessor, { event: 'submit_draft' }, 'draft_report'],
      [w.developer, { event: 'open_review' }, 'developer_review'],
      [w.developer, { event: 'close_review' }, 'final'],
      [w.developer, { event: 'publish_summary', summary: 'No domain reached high.' }, 'published_summary'],
    ];
    for (const [who, move, state] of steps) expect((await moveEngagement(w.ctx, who, e.id, move)).state).toBe(state);
    const events = (await eventsAfter(w.ctx.db, before, 100)).filter((x) => x.recordId === e.id);
    expect(events.map((x) => [x.type, x.data.from, x.data.state])).toEqual(
      steps.map(([, , s], i) => ['assessment_engagement.transitioned', i === 0 ? 'scoped' : steps[i - 1]![2], s]),
    );
    const got = await getEngagement(w.ctx, viewerOf(w.developer), w.developer, e.id);
    expect(got.history.map((h) => h.to)).toEqual(['scoped', ...steps.map((s) => s[2])]);
    expect(got.summary).toBe('No domain reached high.');
    expect(got.moves).toEqual([]);
  });

  it('refuses a move by the wrong party (403), a move the state does not allow (409) and a withdrawal without reason (400)', async () => {
    const e = await makeEngagement(w);
    await expect(moveEngagement(w.ctx, w.developer, e.id, { event: 'start' })).rejects.toMatchObject({ code: 'CONFLICT', details: [{ path: '/event' }] });
    await moveEngagement(w.ctx, w.assessor, e.id, { event: 'request_access' });
    await expect(moveEngagement(w.ctx, w.developer, e.id, { event: 'start' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(moveEngagement(w.ctx, w.developerViewer, e.id, { event: 'withdraw', reason: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(moveEngagement(w.ctx, w.assessor, e.id, { event: 'withdraw', reason: ' ' })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/reason' }],
    });
    const withdrawn = await moveEngagement(w.ctx, w.assessor, e.id, { event: 'withdraw', reason: 'access never given' });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', withdrawalReason: 'access never given', moves: [] });
    await expect(moveEngagement(w.ctx, w.developer, e.id, { event: 'withdraw', reason: 'again' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets the assessor finalise without waiting for a review, and the developer review only with the right to it', async () => {
    const noReview = await working({ independence: { assessorChosenBy: 'developer', developerReviewRight: false } });
    await moveEngagement(w.ctx, w.assessor, noReview.id, { event: 'submit_draft' });
    await expect(moveEngagement(w.ctx, w.developer, noReview.id, { event: 'open_review' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await moveEngagement(w.ctx, w.assessor, noReview.id, { event: 'finalise' })).state).toBe('final');
    await expect(moveEngagement(w.ctx, w.developer, noReview.id, { event: 'publish_summary', summary: '' })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/summary' }],
    });
    expect((await moveEngagement(w.ctx, w.developer, noReview.id, { event: 'keep_confidential' })).state).toBe('confidential_only');
    const none = await working({ publicationRights: 'none' });
    await moveEngagement(w.ctx, w.assessor, none.id, { event: 'submit_draft' });
    await moveEngagement(w.ctx, w.assessor, none.id, { event: 'finalise' });
    await expect(moveEngagement(w.ctx, w.developer, none.id, { event: 'publish_summary', summary: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('names every bad field of a new engagement at once and writes nothing', async () => {
    const vendor = await makeOrganisation(w.ctx, { kind: 'software_vendor' });
    const otherVersion = await makeVersion(w.ctx, w.developer.organisationId);
    const checkpoint = w.ctx.newId();
    await w.ctx.db.insert(frontierCheckpoints).values({
      id: checkpoint,
      versionId: otherVersion,
      hash: 'sha256:aa',
      ...markingRow(versionMarking(w.developer.organisationId)),
      createdAt: w.ctx.now(),
    });
    const before = await lastSeq();
    await expect(
      createEngagement(
        w.ctx,
        w.developer,
        engagementInput(w.versionId, vendor.id, {
          title: ' ',
          scope: { domains: ['cbrn', 'cbrn'] },
          checkpointIds: [checkpoint],
          grantIds: [w.ctx.newId()],
          startsOn: new Date('2026-12-10T00:00:00Z'),
          endsOn: new Date('2026-12-01T00:00:00Z'),
          classification: 'SECRET',
        }),
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [
        { path: '/assessorOrganisationId' },
        { path: '/title' },
        { path: '/scope/domains/1' },
        { path: '/checkpointIds/0' },
        { path: '/grantIds/0' },
        { path: '/endsOn' },
        { path: '/classification' },
      ],
    });
    await expect(
      createEngagement(w.ctx, w.developer, engagementInput(w.versionId, w.assessor.organisationId, { scope: { domains: [] } })),
    ).rejects.toMatchObject({
      details: [{ path: '/scope/domains' }],
    });
    expect(await lastSeq()).toBe(before);
    expect((await listEngagements(w.ctx, viewerOf(w.developer), page)).total).toBe(0);
  });

  it('lets the clearinghouse commission for the government, and nobody else for the developer', async () => {
    const e = await createEngagement(w.ctx, w.analyst, engagementInput(w.versionId, w.assessor.organisationId));
    expect(e).toMatchObject({ commissionedBy: 'government', commissioningOrganisationId: w.analyst.organisationId, parties: ['commissioner'] });
    // Another analyst of the clearinghouse acts for the government too.
    const colleague = await makePrincipal(w.ctx, { organisationId: w.analyst.organisationId, role: 'analyst' });
    expect((await moveEngagement(w.ctx, colleague, e.id, { event: 'request_access' })).state).toBe('access_pending');
    await expect(
      createEngagement(w.ctx, w.developer, engagementInput(w.versionId, w.assessor.organisationId, { commissioningOrganisationId: w.assessor.organisationId })),
    ).rejects.toMatchObject({ details: [{ path: '/commissioningOrganisationId' }] });
    await expect(createEngagement(w.ctx, w.otherLab, engagementInput(w.versionId, w.assessor.organisationId))).rejects.toMatchObject({
      details: [{ path: '/versionId' }],
    });
  });

  it('is absent for another lab and another assessor: 404 on read, absent from lists and counts, 404 on writes', async () => {
    const e = await working();
    for (const outsider of [w.otherLab, w.otherAssessor]) {
      await expect(getEngagement(w.ctx, viewerOf(outsider), outsider, e.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await listEngagements(w.ctx, viewerOf(outsider), page)).toEqual({ items: [], total: 0 });
      await expect(moveEngagement(w.ctx, outsider, e.id, { event: 'submit_draft' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(addFinding(w.ctx, outsider, e.id, { domain: 'cbrn', severity: 'low', title: 't' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(exportEngagement(w.ctx, viewerOf(outsider), e.id, 'partner')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(linkRun(w.ctx, outsider, e.id, w.ctx.newId())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    for (const party of [w.developer, w.developerViewer, w.assessor, w.analyst])
      expect((await listEngagements(w.ctx, viewerOf(party), { ...page, state: 'in_progress', domain: 'cbrn' })).items.map((x) => x.id)).toEqual([e.id]);
    expect((await listEngagements(w.ctx, viewerOf(w.developer), { ...page, domain: 'persuasion_manipulation' })).total).toBe(0);
    await expect(getEngagement(w.ctx, ANONYMOUS, null, e.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('records findings the assessor edits and deletes, with a detail only its audience reads', async () => {
    const e = await working();
    await expect(addFinding(w.ctx, w.developer, e.id, { domain: 'cbrn', severity: 'low', title: 't' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      addFinding(w.ctx, w.assessor, e.id, {
        domain: 'persuasion_manipulation',
        severity: 'high',
        title: ' ',
        evidence: [''],
        tlp: 'GREEN',
        detailTlp: 'CLEAR',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/title' }, { path: '/evidence/0' }, { path: '/tlp' }, { path: '/detailTlp' }, { path: '/domain' }],
    });
    const f = await addFinding(w.ctx, w.assessor, e.id, {
      domain: 'cyber_offense',
      severity: 'high',
      title: 'Exploit chain',
      detail: 'works against unpatched X',
    });
    expect(f).toMatchObject({ remediationState: 'open', tlp: 'AMBER', detailTlp: 'AMBER+STRICT', detail: 'works against unpatched X' });
    const red = await addFinding(w.ctx, w.assessor, e.id, {
      domain: 'cbrn',
      severity: 'critical',
      title: 'Uplift',
      detail: 'RED-ONLY protocol',
      detailTlp: 'RED',
    });
    const asDeveloper = await getEngagement(w.ctx, viewerOf(w.developer), w.developer, e.id);
    expect(asDeveloper.findings.map((x) => [x.title, x.detail])).toEqual([
      ['Exploit chain', 'works against unpatched X'],
      ['Uplift', null],
    ]);
    expect(JSON.stringify(asDeveloper)).not.toContain('RED-ONLY');
    expect((await editFinding(w.ctx, w.assessor, e.id, f.id, { severity: 'critical', evidence: ['run:1'] })).severity).toBe('critical');
    await removeFinding(w.ctx, w.assessor, e.id, red.id);
    expect(await rows('frontier_assessment_findings', e.id)).toBe(1);
    await moveEngagement(w.ctx, w.assessor, e.id, { event: 'submit_draft' });
    await moveEngagement(w.ctx, w.assessor, e.id, { event: 'finalise' });
    await expect(addFinding(w.ctx, w.assessor, e.id, { domain: 'cbrn', severity: 'low', title: 'late' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('moves a finding’s remediation by the developer with evidence, reopened by the assessor', async () => {
    const e = await working();
    const f = await addFinding(w.ctx, w.assessor, e.id, { domain: 'cyber_offense', severity: 'high', title: 'Exploit chain' });
    await expect(moveRemediation(w.ctx, w.assessor, e.id, f.id, { event: 'mitigate', note: 'n', evidence: ['e'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(moveRemediation(w.ctx, w.developer, e.id, f.id, { event: 'mitigate', note: '' })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/note' }, { path: '/evidence' }],
    });
    const disputed = await moveRemediation(w.ctx, w.developer, e.id, f.id, { event: 'dispute', note: 'not reproducible', evidence: ['repro-log'] });
    expect(disputed).toMatchObject({ remediationState: 'disputed', remediationMoves: ['mitigate', 'accept'] });
    expect((await moveRemediation(w.ctx, w.assessor, e.id, f.id, { event: 'reopen', note: 'reproduced again' })).remediationState).toBe('open');
    const mitigated = await moveRemediation(w.ctx, w.developer, e.id, f.id, { event: 'mitigate', note: 'classifier deployed', evidence: ['change-42'] });
    expect(mitigated.remediationState).toBe('mitigated_before_release');
    expect(mitigated.remediationHistory.map((h) => h.to)).toEqual(['disputed', 'open', 'mitigated_before_release']);
    await expect(moveRemediation(w.ctx, w.developer, e.id, f.id, { event: 'accept', note: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('concludes one level per domain on the common scale, with the framework label and the mapping version', async () => {
    const e = await working();
    const c = await setConclusion(w.ctx, w.assessor, e.id, { domain: 'cbrn', framework: 'anthropic-rsp', frameworkLabel: 'ASL-3' });
    expect(c).toMatchObject({ domain: 'cbrn', level: 'high', framework: 'anthropic-rsp', frameworkLabel: 'ASL-3', mappingVersion: '2026-12-03.1' });
    await expect(
      setConclusion(w.ctx, w.assessor, e.id, { domain: 'cbrn', level: 'low', framework: 'anthropic-rsp', frameworkLabel: 'ASL-3' }),
    ).rejects.toMatchObject({
      details: [{ path: '/level', message: expect.stringContaining('at high') }],
    });
    await expect(setConclusion(w.ctx, w.assessor, e.id, { domain: 'persuasion_manipulation', framework: 'nist', frameworkLabel: '' })).rejects.toMatchObject({
      details: [
        { path: '/domain' },
        { path: '/framework', message: expect.stringContaining('anthropic-rsp, openai-preparedness, google-deepmind-fsf') },
        { path: '/frameworkLabel' },
      ],
    });
    await expect(setConclusion(w.ctx, w.assessor, e.id, { domain: 'cyber_offense' })).rejects.toMatchObject({ details: [{ path: '/level' }] });
    await expect(setConclusion(w.ctx, w.developer, e.id, { domain: 'cyber_offense', level: 'low' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await setConclusion(w.ctx, w.assessor, e.id, { domain: 'cbrn', framework: 'openai-preparedness', frameworkLabel: 'Critical' });
    await setConclusion(w.ctx, w.assessor, e.id, { domain: 'cyber_offense', level: 'medium' });
    const got = await getEngagement(w.ctx, viewerOf(w.developer), w.developer, e.id);
    expect(got.conclusions.map((x) => [x.domain, x.level, x.framework, x.frameworkLabel])).toEqual([
      ['cbrn', 'critical', 'openai-preparedness', 'Critical'],
      ['cyber_offense', 'medium', null, null],
    ]);
  });

  it('exports per audience, leaving out what each may not see', async () => {
    const clearedAssessor = await makePrincipal(w.ctx, { organisationId: w.assessor.organisationId, clearance: 'SECRET' });
    const e = await working();
    await addFinding(w.ctx, w.assessor, e.id, { domain: 'cyber_offense', severity: 'high', title: 'Exploit chain', detail: 'DETAIL-TEXT-42' });
    await setConclusion(w.ctx, w.assessor, e.id, { domain: 'cyber_offense', framework: 'openai-preparedness', frameworkLabel: 'High', tlp: 'CLEAR' });
    await setConclusion(w.ctx, w.assessor, e.id, { domain: 'cbrn', level: 'medium' });
    await addAnnex(w.ctx, clearedAssessor, e.id, { title: 'Classified annex', body: 'ANNEX-SECRET-TEXT', classification: 'SECRET' });
    await addAnnex(w.ctx, w.assessor, e.id, { title: 'Partner annex', body: 'ANNEX-AMBER-TEXT', tlp: 'AMBER' });
    await expect(addAnnex(w.ctx, w.assessor, e.id, { title: 'x', body: 'y', classification: 'SECRET', tlp: 'GREEN' })).rejects.toMatchObject({
      details: [{ path: '/tlp' }, { path: '/classification' }],
    });
    // Before publication there is no public summary: a party is told so, anyone else finds nothing.
    await expect(exportEngagement(w.ctx, viewerOf(w.developer), e.id, 'public')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(exportEngagement(w.ctx, ANONYMOUS, e.id, 'public')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const partner = await exportEngagement(w.ctx, viewerOf(w.developer), e.id, 'partner');
    expect(partner).toMatchObject({ audience: 'partner', tlp: 'AMBER', classification: 'UNCLASSIFIED' });
    expect(partner.findings).toEqual([expect.objectContaining({ title: 'Exploit chain', detail: null })]);
    expect(partner.annexes.map((a) => a.title)).toEqual(['Partner annex']);
    expect(partner.conclusions.map((c) => c.domain).sort()).toEqual(['cbrn', 'cyber_offense']);
    expect(JSON.stringify(partner)).not.toMatch(/DETAIL-TEXT-42|ANNEX-SECRET-TEXT/);

    const government = await exportEngagement(w.ctx, viewerOf(w.clearedAnalyst), e.id, 'government');
    expect(government).toMatchObject({ audience: 'government', classification: 'SECRET' });
    expect(government.findings[0]!.detail).toEqual({ text: 'DETAIL-TEXT-42', evidence: [] });
    expect(government.annexes.map((a) => a.title).sort()).toEqual(['Classified annex', 'Partner annex']);
    // The requester's own clearance bounds what it can hand on.
    const byUncleared = await exportEngagement(w.ctx, viewerOf(w.analyst), e.id, 'government');
    expect(byUncleared.annexes.map((a) => a.title)).toEqual(['Partner annex']);
    expect(JSON.stringify(byUncleared)).not.toContain('ANNEX-SECRET-TEXT');

    await moveEngagement(w.ctx, w.assessor, e.id, { event: 'submit_draft' });
    await moveEngagement(w.ctx, w.assessor, e.id, { event: 'finalise' });
    await moveEngagement(w.ctx, w.developer, e.id, { event: 'publish_summary', summary: 'Cyber reached High; mitigations deployed.' });
    const pub = await exportEngagement(w.ctx, ANONYMOUS, e.id, 'public');
    expect(pub).toMatchObject({ audience: 'public', tlp: 'CLEAR', classification: 'UNCLASSIFIED', findings: [], annexes: [] });
    expect(pub.header).toMatchObject({ summary: 'Cyber reached High; mitigations deployed.', state: 'published_summary' });
    expect(pub.conclusions).toEqual([
      expect.objectContaining({ domain: 'cyber_offense', level: 'high', frameworkLabel: 'High', mappingVersion: '2026-12-03.1' }),
    ]);
    expect(JSON.stringify(pub)).not.toMatch(/DETAIL-TEXT-42|ANNEX-SECRET-TEXT|ANNEX-AMBER-TEXT|Exploit chain/);
    expect(await exportEngagement(w.ctx, viewerOf(w.otherLab), e.id, 'public')).toEqual(pub);
  });

  it('takes an Inspect log imported into it as a run of a checkpoint it relies on, links runs once, refuses runs of another version', async () => {
    // A checkpoint of the engagement's version, marked as the developer's registry marks it: the assessor cannot see it.
    const checkpoint = w.ctx.newId();
    await w.ctx.db.insert(frontierCheckpoints).values({
      id: checkpoint,
      versionId: w.versionId,
      hash: `sha256:${'c'.repeat(64)}`,
      ...markingRow(versionMarking(w.developer.organisationId)),
      createdAt: w.ctx.now(),
    });
    const e = await working({ checkpointIds: [checkpoint] });
    const bytes = inspectLog('cyber_ctf', 0.42);
    // Without the engagement the checkpoint is not one the assessor may name.
    await expect(importEvaluationRun(w.ctx, w.assessor, { checkpointId: checkpoint, bytes })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/checkpointId' }],
    });
    const { run, created } = await importEvaluationRun(w.ctx, w.assessor, { checkpointId: checkpoint, bytes, engagementId: e.id });
    expect([created, run.checkpointId, run.versionId, run.marking.ownerOrganisationId]).toEqual([true, checkpoint, w.versionId, w.assessor.organisationId]);
    expect(await rows('engagement_runs', e.id)).toBe(1);
    // Importing the same bytes again, or linking the run again, adds nothing.
    expect((await importEvaluationRun(w.ctx, w.assessor, { checkpointId: checkpoint, bytes, engagementId: e.id })).created).toBe(false);
    await linkRun(w.ctx, w.assessor, e.id, run.id);
    expect(await rows('engagement_runs', e.id)).toBe(1);
    // The developer sees the run linked to its engagement.
    expect((await getEngagement(w.ctx, viewerOf(w.developer), w.developer, e.id)).runs.map((r) => r.runId)).toEqual([run.id]);
    // A run that does not exist (or one the caller may not see) is 404; a run of another version is named.
    await expect(linkRun(w.ctx, w.assessor, e.id, w.ctx.newId())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const other = await makeEngagement(w, { versionId: await makeVersion(w.ctx, w.developer.organisationId) });
    await moveEngagement(w.ctx, w.assessor, other.id, { event: 'request_access' });
    await expect(linkRun(w.ctx, w.assessor, other.id, run.id)).rejects.toMatchObject({ code: 'VALIDATION', details: [{ path: '/runId' }] });
    // A run the clearinghouse's analyst imported (its organisation is no party of this engagement)
    // is not the parties' evidence: the developer sees it, but cannot link it.
    const outside = await importEvaluationRun(w.ctx, w.analyst, { checkpointId: checkpoint, bytes: inspectLog('cyber_ctf', 0.9) });
    await expect(linkRun(w.ctx, w.developer, e.id, outside.run.id)).rejects.toMatchObject({ code: 'VALIDATION', details: [{ path: '/runId' }] });
    // The developer commissioned this one, so it may link; its read-only members may not.
    await expect(linkRun(w.ctx, w.developerViewer, e.id, run.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await unlinkRun(w.ctx, w.developer, e.id, run.id);
    expect(await rows('engagement_runs', e.id)).toBe(0);
    await expect(unlinkRun(w.ctx, w.developer, e.id, run.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // An ended engagement takes no new runs, and the import writes nothing then.
    await moveEngagement(w.ctx, w.assessor, e.id, { event: 'withdraw', reason: 'model withdrawn' });
    await expect(
      importEvaluationRun(w.ctx, w.assessor, { checkpointId: checkpoint, bytes: inspectLog('cyber_ctf', 0.5), engagementId: e.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await listEvaluationRuns(w.ctx, viewerOf(w.assessor), { limit: 50 })).items.map((r) => r.id)).toEqual([run.id]);
  });
});
