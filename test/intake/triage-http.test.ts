import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/services/jobs/runner';
import { JOB_HANDLERS } from '../../src/services/jobs/worker';
import { aiFinding, intakeWorld, personIn, type IntakeWorld } from './world';

const poc = { name: 'poc.py', mediaType: 'text/x-python', contentBase64: Buffer.from('print("boom")\n').toString('base64') };

describe('triage and need-to-know', () => {
  let w: IntakeWorld;
  const clock = { now: Date.parse('2026-06-01T10:00:00Z') };
  beforeAll(async () => {
    w = await intakeWorld({ AISC_WORKER: 'false' }, { now: () => new Date(clock.now) });
  }, 60_000);
  afterAll(async () => w?.close());
  const submit = async (token: string, f: Record<string, unknown>) => (await w.call(token, 'POST', '/api/findings', f)).json;
  const transition = (id: string, body: Record<string, unknown>, token = w.analyst) => w.call(token, 'POST', `/api/reports/${id}/transitions`, body);

  it('shows a reporter its own reports, hides them from other organisations (404), and keeps the PoC TLP:RED', async () => {
    const a = await submit(w.reporterA, aiFinding({ proofOfConcept: [poc] }));
    const mine = await w.call(w.reporterA, 'GET', `/api/reports/${a.reportId}`);
    expect(mine.status).toBe(200);
    const attachment = mine.json.findings[0].proofOfConcept[0];
    expect(attachment).toMatchObject({ name: 'poc.py', tlp: 'RED', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect((await w.call(w.reporterB, 'GET', `/api/reports/${a.reportId}`)).status).toBe(404);
    expect((await w.call(w.reporterB, 'GET', '/api/reports?limit=500')).json.items.map((r: { id: string }) => r.id)).not.toContain(a.reportId);
    expect((await w.call(w.reporterB, 'GET', `/api/findings/attachments/${attachment.id}`)).status).toBe(404);
    const analyst = await fetch(`${w.url}/api/findings/attachments/${attachment.id}`, { headers: { authorization: `Bearer ${w.analyst}` } });
    expect(analyst.status).toBe(200);
    expect(await analyst.text()).toBe('print("boom")\n');
    // A colleague of the reporter sees the report (AMBER+STRICT) but not the PoC (RED: named people only).
    const colleague = await personIn(w.server, w.orgA, 'member', ['read']);
    expect((await w.call(colleague.token, 'GET', `/api/reports/${a.reportId}`)).status).toBe(200);
    expect((await w.call(colleague.token, 'GET', `/api/findings/attachments/${attachment.id}`)).status).toBe(404);
    // Anonymous callers get nothing.
    expect((await fetch(`${w.url}/api/reports/${a.reportId}`)).status).toBe(401);
  });

  it('credits every reporter of a duplicate to the coordinators, and opens nothing to the second organisation (ADR 0013)', async () => {
    const f = aiFinding();
    const a = await submit(w.reporterA, f);
    const b = await submit(w.reporterB, {
      ...f,
      description: `${f.description as string} Seen independently.`,
      provenance: { finderKind: 'hybrid', model: { name: 'other-model' } },
    });
    expect(b).toMatchObject({ status: 'duplicate', findingId: expect.any(String) });
    expect(b.reportId).toBeUndefined();
    expect((await w.call(w.reporterB, 'GET', `/api/reports/${a.reportId}`)).status).toBe(404);
    const seenByAnalyst = await w.call(w.analyst, 'GET', `/api/reports/${a.reportId}`);
    // (This suite's clock stands still: findings of one millisecond have no order between them.)
    expect(seenByAnalyst.json.findings.map((x: { organisationId: string }) => x.organisationId).sort()).toEqual([w.orgA, w.orgB].sort());
    expect(
      seenByAnalyst.json.credits
        .map((c: { organisation: string; findings: number; models: string[] }) => [c.organisation.replace(/\d+$/, ''), c.findings, c.models])
        .sort(),
    ).toEqual([
      ['Lab A ', 1, ['frontier-x']],
      ['Lab B ', 1, ['other-model']],
    ]);
    expect(seenByAnalyst.json.findingCount).toBe(2);
    const seenByA = (await w.call(w.reporterA, 'GET', `/api/reports/${a.reportId}`)).json;
    expect(seenByA.findings.map((x: { organisationId: string }) => x.organisationId)).toEqual([w.orgA]);
    expect(seenByA).toMatchObject({ findingCount: 2, otherCredits: 1 });
  });

  it('walks a report through triage; a reporter cannot triage; the rejection reason reaches the reporter', async () => {
    const a = await submit(w.reporterA, aiFinding());
    expect((await transition(a.reportId, { event: 'start-triage' }, w.reporterA)).status).toBe(403);
    expect((await transition(a.reportId, { event: 'accept' })).status).toBe(409);
    expect((await transition(a.reportId, { event: 'start-triage' })).json.state).toBe('triaging');
    const noReason = await transition(a.reportId, { event: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.errors[0].path).toBe('/reason');
    expect((await transition(a.reportId, { event: 'reject', reason: 'Not reproducible: the length is checked in caller' })).json.state).toBe('rejected');
    const seen = (await w.call(w.reporterA, 'GET', `/api/reports/${a.reportId}`)).json;
    expect(seen).toMatchObject({ state: 'rejected', reason: 'Not reproducible: the length is checked in caller', actions: [] });
  });

  it('closes a needs-info report by itself after the configured number of days', async () => {
    await w.call(w.admin, 'PUT', '/api/intake/settings', {
      findingsPerMinute: 6000,
      priorityFindingsPerMinute: 1000,
      findingsPerDay: 200000,
      needsInfoCloseDays: 3,
    });
    const a = await submit(w.reporterA, aiFinding());
    await transition(a.reportId, { event: 'start-triage' });
    const asked = await transition(a.reportId, { event: 'request-info', reason: 'Which build flags?' });
    expect(asked.json).toMatchObject({ state: 'needs-info', closesAt: '2026-06-04T10:00:00.000Z' });
    const ctx = w.server.server.runtime.ctx;
    const runner = new JobRunner(ctx, JOB_HANDLERS, 'test', 60_000, 4);
    clock.now += 2 * 86_400_000;
    await runner.tick();
    await runner.drain(5_000);
    expect((await w.call(w.analyst, 'GET', `/api/reports/${a.reportId}`)).json.state).toBe('needs-info');
    clock.now += 86_400_000 + 1;
    await runner.tick();
    await runner.drain(5_000);
    const closed = (await w.call(w.reporterA, 'GET', `/api/reports/${a.reportId}`)).json;
    expect(closed).toMatchObject({ state: 'rejected', reason: 'No information received within 3 days' });
  });

  it('does not close a report that got its information in time', async () => {
    const a = await submit(w.reporterA, aiFinding());
    await transition(a.reportId, { event: 'start-triage' });
    await transition(a.reportId, { event: 'request-info', reason: 'Versions?' });
    await transition(a.reportId, { event: 'provide-info' });
    clock.now += 10 * 86_400_000;
    const runner = new JobRunner(w.server.server.runtime.ctx, JOB_HANDLERS, 'test2', 60_000, 4);
    await runner.tick();
    await runner.drain(5_000);
    expect((await w.call(w.analyst, 'GET', `/api/reports/${a.reportId}`)).json.state).toBe('triaging');
  });

  it('records SSVC, reproduction, CWE and CVSS; refuses bad ones by field', async () => {
    const a = await submit(w.reporterA, aiFinding());
    const bad = await w.call(w.analyst, 'PATCH', `/api/reports/${a.reportId}`, { cwe: 'CWE-999999', cvss: 'CVSS:4.0/AV:N' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/cwe']));
    expect(bad.json.errors.some((e: { path: string }) => e.path.startsWith('/cvss'))).toBe(true);
    const r = await w.call(w.analyst, 'PATCH', `/api/reports/${a.reportId}`, {
      cwe: 'CWE-122',
      cvss: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
      knownExploited: true,
      reproduction: 'reproduced',
      ssvc: { exploitation: 'active', automatable: 'yes', technicalImpact: 'total', missionWellbeing: 'medium' },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({
      cwe: 'CWE-122',
      severity: 'critical',
      knownExploited: true,
      reproduction: { status: 'reproduced', by: w.analystUserId },
      ssvc: { decision: 'act' },
    });
  });

  it('takes SSVC exploitation as `poc`, and the deprecated `public-poc` as an alias stored as `poc` (ADR 0075); refuses others by field', async () => {
    const ssvc = { automatable: 'yes', technicalImpact: 'total', missionWellbeing: 'high' };
    const answers = [];
    for (const exploitation of ['poc', 'public-poc']) {
      const { reportId } = await submit(w.reporterA, aiFinding());
      const r = await w.call(w.analyst, 'PATCH', `/api/reports/${reportId}`, { ssvc: { exploitation, ...ssvc } });
      expect(r.status, r.text).toBe(200);
      answers.push((await w.call(w.analyst, 'GET', `/api/reports/${reportId}`)).json.ssvc);
    }
    for (const stored of answers) expect(stored).toMatchObject({ exploitation: 'poc', decision: 'attend', vector: 'SSVCv2/E:P/A:Y/T:T/M:H/D:A/' });
    const { reportId } = await submit(w.reporterA, aiFinding());
    const bad = await w.call(w.analyst, 'PATCH', `/api/reports/${reportId}`, { ssvc: { exploitation: 'public_poc', ...ssvc, missionWellbeing: 'extreme' } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/ssvc/exploitation', '/ssvc/missionWellbeing']);
  });

  it('merges and splits reports, audited, with the dedup index following', async () => {
    const f1 = aiFinding();
    const a = await submit(w.reporterA, f1);
    const b = await submit(w.reporterB, aiFinding());
    const merged = await w.call(w.analyst, 'POST', `/api/reports/${a.reportId}/merge`, { sourceReportIds: [b.reportId] });
    expect(merged.status, merged.text).toBe(200);
    expect(merged.json.findingCount).toBe(2);
    expect((await w.call(w.analyst, 'GET', `/api/reports/${b.reportId}`)).json).toMatchObject({ state: 'duplicate', duplicateOf: a.reportId });
    // A merge does not share: organisation B does not see the report its finding moved to (ADR 0013).
    expect((await w.call(w.reporterB, 'GET', `/api/reports/${a.reportId}`)).status).toBe(404);
    const detail = (await w.call(w.analyst, 'GET', `/api/reports/${a.reportId}`)).json;
    const bFinding = detail.findings.find((x: { organisationId: string }) => x.organisationId === w.orgB).id;
    const split = await w.call(w.analyst, 'POST', `/api/reports/${a.reportId}/split`, { findingIds: [bFinding] });
    expect(split.status, split.text).toBe(200);
    expect(split.json.report.findingCount).toBe(1);
    // A resubmission of the first finding is still a duplicate of the first report; of the split one, of the new report.
    expect(await submit(w.reporterA, { ...f1, provenance: { finderKind: 'human' } })).toMatchObject({ status: 'duplicate', reportId: a.reportId });
    const audit = await w.call(w.admin, 'GET', `/api/audit?recordType=report&recordId=${a.reportId}`);
    expect(audit.status).toBe(200);
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['report.merged', 'report.split']));
  });

  it('filters and sorts the queue, with each finder’s running precision for triagers only', async () => {
    const exploited = await submit(w.reporterB, aiFinding({ exploited: true, severity: { cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N' } }));
    const q = await w.call(w.analyst, 'GET', `/api/reports?exploited=true&finderOrganisationId=${w.orgB}&sort=severity`);
    expect(q.json.items.map((r: { id: string }) => r.id)).toContain(exploited.reportId);
    expect(q.json.items.every((r: { exploited: boolean }) => r.exploited)).toBe(true);
    const bySeverity = (await w.call(w.analyst, 'GET', '/api/reports?sort=severity&limit=500')).json.items.map((r: { severity: string }) => r.severity);
    const rank = { critical: 5, high: 4, medium: 3, low: 2, none: 1, unknown: 0 } as Record<string, number>;
    expect(bySeverity.map((s: string) => rank[s])).toEqual([...bySeverity.map((s: string) => rank[s])].sort((x, y) => y - x));
    const byModel = (await w.call(w.analyst, 'GET', '/api/reports?model=other-model')).json.items;
    expect(byModel.length).toBeGreaterThan(0);
    const withRep = (await w.call(w.analyst, 'GET', `/api/reports?finderOrganisationId=${w.orgA}&limit=500`)).json.items[0];
    // Organisation A: one rejected (by hand) and one closed without information, none accepted yet.
    expect(withRep.reputation.organisation).toMatchObject({ accepted: 0, rejected: 2, precision: 0 });
    expect(withRep.reputation.model).toMatchObject({ key: 'frontier-x' });
    expect((await w.call(w.reporterA, 'GET', '/api/reports?limit=1')).json.items[0].reputation).toBeNull();
    const bad = await w.call(w.analyst, 'GET', '/api/reports?sort=sideways&state=bogus');
    expect(bad.status).toBe(400);
  });
});
