import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeGate } from '../../src/services/intake/gate';
import { aiFinding, intakeWorld, type IntakeWorld } from './world';

describe('admission control', () => {
  let w: IntakeWorld;
  const clock = { now: Date.parse('2026-06-01T10:00:00Z') };
  beforeAll(async () => {
    w = await intakeWorld({}, { now: () => new Date(clock.now) });
  }, 60_000);
  afterAll(async () => w?.close());

  it('lets only platform admins set quotas', async () => {
    const limits = { findingsPerMinute: 3, priorityFindingsPerMinute: 2, findingsPerDay: 100 };
    expect((await w.call(w.reporterA, 'PUT', `/api/intake/quotas/${w.orgA}`, limits)).status).toBe(403);
    expect((await w.call(w.analyst, 'PUT', `/api/intake/quotas/${w.orgA}`, limits)).status).toBe(403);
    const r = await w.call(w.admin, 'PUT', `/api/intake/quotas/${w.orgA}`, limits);
    expect(r.status, r.text).toBe(200);
    expect((await w.call(w.admin, 'GET', '/api/intake/quotas')).json).toEqual([expect.objectContaining({ organisationId: w.orgA, findingsPerMinute: 3 })]);
  });

  it('answers 429 with Retry-After once the rate is spent, and shows the remaining budget', async () => {
    const first = await w.call(w.reporterA, 'POST', '/api/findings', aiFinding());
    expect(first.status).toBe(201);
    expect(first.headers.get('x-intake-remaining')).toBe('2');
    expect(first.headers.get('x-intake-day-remaining')).toBe('99');
    const batch = [aiFinding(), aiFinding(), aiFinding()].map((f) => JSON.stringify(f)).join('\n');
    const r = await w.call(w.reporterA, 'POST', '/api/findings/batch', batch, { 'content-type': 'application/x-ndjson' });
    const out = r.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.slice(0, 3).map((x) => x.status)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(out[2]).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 20 });
    const limited = await w.call(w.reporterA, 'POST', '/api/findings', aiFinding());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('20');
    expect(limited.json.code).toBe('RATE_LIMITED');
    // Organisation B has its own budget.
    expect((await w.call(w.reporterB, 'POST', '/api/findings', aiFinding())).status).toBe(201);
  });

  it('serves exploited-in-the-wild findings from the priority lane when the normal lane is spent', async () => {
    const r = await w.call(w.reporterA, 'POST', '/api/findings', aiFinding({ exploited: true }));
    expect(r.status, r.text).toBe(201);
    expect(r.headers.get('x-intake-priority-remaining')).toBe('1');
    const mixed = [aiFinding(), aiFinding({ exploited: true })].map((f) => JSON.stringify(f)).join('\n');
    const out = (await w.call(w.reporterA, 'POST', '/api/findings/batch', mixed, { 'content-type': 'application/x-ndjson' })).text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.slice(0, 2).map((x) => x.code ?? x.status)).toEqual(['RATE_LIMITED', 'accepted']);
  });

  it('refills with time', async () => {
    clock.now += 60_000;
    expect((await w.call(w.reporterA, 'POST', '/api/findings', aiFinding())).status).toBe(201);
  });

  it('enforces the daily quota until the next UTC day (6 findings stored so far today)', async () => {
    await w.call(w.admin, 'PUT', `/api/intake/quotas/${w.orgA}`, { findingsPerMinute: 1000, priorityFindingsPerMinute: 10, findingsPerDay: 6 });
    const r = await w.call(w.reporterA, 'POST', '/api/findings', aiFinding());
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBe((Date.parse('2026-06-02T00:00:00Z') - clock.now) / 1000);
    expect(r.json.detail).toMatch(/daily/);
  });
});

describe('the intake gate', () => {
  it('lets waiting priority chunks in before normal ones', async () => {
    const gate = new IntakeGate();
    const order: string[] = [];
    const release = await gate.acquire(false);
    const enter = (name: string) => (leave: () => void) => {
      order.push(name);
      leave();
    };
    const waiters = [gate.acquire(false).then(enter('normal-1')), gate.acquire(false).then(enter('normal-2')), gate.acquire(true).then(enter('priority'))];
    expect(gate.waiting).toEqual({ priority: 1, normal: 2 });
    release();
    await Promise.all(waiters);
    expect(order).toEqual(['priority', 'normal-1', 'normal-2']);
  });
});
