import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSee } from '../../src/domain/policy/visibility';
import type { Viewer } from '../../src/domain/policy/viewer';
import { eventsAfter } from '../../src/store/outbox';
import { aiFinding, intakeWorld, personIn, type IntakeWorld } from './world';

/**
 * Issue 9 item 1 (ADR 0013): a `duplicate` answer reveals that someone reported the bug
 * first, never who or what. Lab B's blind probe must not open Lab A's report on any channel,
 * and Lab A must not learn Lab B's name or model from its own report.
 */
describe('a duplicate from another organisation opens nothing', () => {
  let w: IntakeWorld;
  let reporterBUserId: string;
  beforeAll(async () => {
    w = await intakeWorld({ AISC_WORKER: 'false' });
    const b = await personIn(w.server, w.orgB, 'member', ['read', 'write']);
    w = { ...w, reporterB: b.token };
    reporterBUserId = b.userId;
  }, 60_000);
  afterAll(async () => w?.close());
  const submit = async (token: string, f: Record<string, unknown>, path = '/api/findings') => (await w.call(token, 'POST', path, f)).json;
  const probeOf = (f: Record<string, unknown>, key: string) => ({
    ...f,
    idempotencyKey: key,
    description: `${f.description as string} Seen independently.`,
    provenance: { finderKind: 'hybrid', model: { name: 'secret-model-b' } },
  });
  const bTotal = async () => (await w.call(w.reporterB, 'GET', '/api/reports?limit=500')).json as { items: { id: string }[]; total: number };

  it('answers Lab B with its own finding, no report id; Lab A’s report stays 404 and out of every list, count and event for Lab B', async () => {
    const f = aiFinding();
    const a = await submit(w.reporterA, f);
    expect(a.status).toBe('accepted');
    const before = await bTotal();
    const key = `probe-${Date.now()}`;
    const b = await submit(w.reporterB, probeOf(f, key));
    expect(b).toMatchObject({ status: 'duplicate', match: 'exact' });
    expect(b.findingId).toEqual(expect.any(String));
    expect(b).not.toHaveProperty('reportId');
    expect((await w.call(w.reporterB, 'GET', `/api/reports/${a.reportId}`)).status).toBe(404);
    const after = await bTotal();
    expect(after.items.map((r) => r.id)).not.toContain(a.reportId);
    expect(after.total).toBe(before.total);
    // Lab B still sees its own finding (marked for Lab B), without the report it landed on.
    const own = await w.call(w.reporterB, 'GET', `/api/findings/${b.findingId}`);
    expect(own.status, own.text).toBe(200);
    expect(own.json).toMatchObject({
      id: b.findingId,
      organisationId: w.orgB,
      disposition: 'duplicate',
      marking: { tlp: 'AMBER+STRICT', ownerOrganisationId: w.orgB },
    });
    expect(own.json.reportId).toBeNull();
    expect(own.text).not.toContain(a.reportId);
    expect((await w.call(w.reporterA, 'GET', `/api/findings/${b.findingId}`)).status).toBe(404);
    // A replay follows the same rule.
    const replay = await submit(w.reporterB, probeOf(f, key));
    expect(replay).toMatchObject({ status: 'duplicate', findingId: b.findingId, replayed: true });
    expect(replay).not.toHaveProperty('reportId');
    // The same probe through the bulk endpoint.
    const batch = await w.call(w.reporterB, 'POST', '/api/findings/batch', JSON.stringify(probeOf(f, `${key}-batch`)), {
      'content-type': 'application/x-ndjson',
    });
    expect(batch.status, batch.text).toBe(200);
    const line = batch.text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .find((x) => x.status);
    expect(line).toMatchObject({ status: 'duplicate' });
    expect(line).not.toHaveProperty('reportId');
    // Work on Lab A's report reaches no stream or webhook of Lab B.
    expect((await w.call(w.analyst, 'POST', `/api/reports/${a.reportId}/transitions`, { event: 'start-triage' })).status).toBe(200);
    const events = (await eventsAfter(w.server.server.runtime.ctx.db, 0, 100_000)).filter(
      (e) => e.recordId === a.reportId || JSON.stringify(e.data).includes(a.reportId),
    );
    expect(events.length).toBeGreaterThan(0);
    const asUser: Viewer = {
      kind: 'user',
      userId: reporterBUserId,
      organisationId: w.orgB,
      clientOf: null,
      clearance: 'NONE',
      coordinator: false,
      staff: false,
    };
    const asWebhook: Viewer = { kind: 'organisation', organisationId: w.orgB, clientOf: null, coordinator: false };
    expect(events.filter((e) => canSee(asUser, e.marking) || canSee(asWebhook, e.marking)).map((e) => e.type)).toEqual([]);
  });

  it('answers a duplicate of a report the submitter can see with that report', async () => {
    const f = aiFinding();
    const first = await submit(w.reporterB, f);
    const again = await submit(w.reporterB, { ...f, provenance: { finderKind: 'human' } });
    expect(again).toMatchObject({ status: 'duplicate', reportId: first.reportId });
  });

  it('shows Lab A its own credit and a count of others, never Lab B’s name or model; coordinators see every credit', async () => {
    const f = aiFinding();
    const a = await submit(w.reporterA, f);
    await submit(w.reporterB, probeOf(f, `p2-${Date.now()}`));
    const names = (await w.call(w.admin, 'GET', `/api/organisations?limit=500`)).json;
    const labB = (names.items ?? names).find((o: { id: string }) => o.id === w.orgB)?.name as string | undefined;
    const seen = await w.call(w.reporterA, 'GET', `/api/reports/${a.reportId}`);
    expect(seen.status).toBe(200);
    expect(seen.json.credits.map((c: { organisationId: string }) => c.organisationId)).toEqual([w.orgA]);
    expect(seen.json.otherCredits).toBe(1);
    expect(seen.text).not.toContain(w.orgB);
    expect(seen.text).not.toContain('secret-model-b');
    if (labB) expect(seen.text).not.toContain(labB);
    // Nor can Lab A find out by filtering its own reports by Lab B or Lab B's model.
    for (const q of [`finderOrganisationId=${w.orgB}`, 'model=secret-model-b']) {
      const found = (await w.call(w.reporterA, 'GET', `/api/reports?limit=500&${q}`)).json;
      expect(
        found.items.map((r: { id: string }) => r.id),
        q,
      ).not.toContain(a.reportId);
      expect(
        (await w.call(w.analyst, 'GET', `/api/reports?limit=500&${q}`)).json.items.map((r: { id: string }) => r.id),
        q,
      ).toContain(a.reportId);
    }
    const coordinator = await w.call(w.analyst, 'GET', `/api/reports/${a.reportId}`);
    const byOrg = (xs: [string, string[]][]) => [...xs].sort((x, y) => x[0].localeCompare(y[0]));
    expect(byOrg(coordinator.json.credits.map((c: { organisationId: string; models: string[] }) => [c.organisationId, c.models]))).toEqual(
      byOrg([
        [w.orgA, ['frontier-x']],
        [w.orgB, ['secret-model-b']],
      ]),
    );
    expect(coordinator.json.otherCredits).toBe(0);
  });

  it('stores each finder’s public-credit choice and refuses a name or model without consent, by field', async () => {
    for (const [publicCredit, path] of [
      [{ consent: false, name: 'Lab B' }, '/publicCredit/name'],
      [{ consent: false, model: true }, '/publicCredit/model'],
      [{ consent: 'yes' }, '/publicCredit/consent'],
      [{ consent: true, name: '' }, '/publicCredit/name'],
      [{ consent: true, as: 'Lab B' }, '/publicCredit/as'],
    ] as const) {
      const r = await w.call(w.reporterB, 'POST', '/api/findings', aiFinding({ publicCredit }));
      expect(r.status, JSON.stringify(publicCredit)).toBe(400);
      expect(r.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const ok = await submit(w.reporterB, aiFinding({ publicCredit: { consent: true, name: 'Lab B Research', model: true } }));
    expect(ok.status).toBe('accepted');
    const row = (await w.server.server.runtime.ctx.db.execute(sql`select public_credit from findings where id = ${ok.findingId}`)) as unknown as {
      rows: { public_credit: unknown }[];
    };
    expect(row.rows[0]!.public_credit).toEqual({ consent: true, name: 'Lab B Research', model: true });
  });

  it('a merge by an analyst does not share the report; sharing is its own, audited decision', async () => {
    const a = await submit(w.reporterA, aiFinding());
    const b = await submit(w.reporterB, aiFinding());
    const merged = await w.call(w.analyst, 'POST', `/api/reports/${a.reportId}/merge`, { sourceReportIds: [b.reportId] });
    expect(merged.status, merged.text).toBe(200);
    expect((await w.call(w.reporterB, 'GET', `/api/reports/${a.reportId}`)).status).toBe(404);
    // Lab B's own report says it was merged away, and its finding is still its own to read.
    expect((await w.call(w.reporterB, 'GET', `/api/reports/${b.reportId}`)).json).toMatchObject({ state: 'duplicate' });
    expect((await w.call(w.reporterB, 'GET', `/api/findings/${b.findingId}`)).status).toBe(200);
    expect((await w.call(w.reporterB, 'POST', `/api/reports/${a.reportId}/share`, { organisations: [w.orgB] })).status).toBe(403);
    const bad = await w.call(w.analyst, 'POST', `/api/reports/${a.reportId}/share`, { organisations: ['00000000-0000-7000-8000-000000000000'] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('/organisations/0');
    const shared = await w.call(w.analyst, 'POST', `/api/reports/${a.reportId}/share`, { organisations: [w.orgB] });
    expect(shared.status, shared.text).toBe(200);
    expect((await w.call(w.reporterB, 'GET', `/api/reports/${a.reportId}`)).status).toBe(200);
    const audit = await w.call(w.admin, 'GET', `/api/audit?recordType=report&recordId=${a.reportId}`);
    expect(audit.json.items.map((e: { action: string }) => e.action)).toContain('report.shared');
  });
});
