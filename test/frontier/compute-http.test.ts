import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCELERATOR_IDS } from '../../src/domain/frontier/accelerators';
import { intakeWorld, type IntakeWorld } from '../intake/world';

const paths = (json: { errors?: { path: string }[] }) => (json.errors ?? []).map((e) => e.path);

describe('compute registry over HTTP', () => {
  // Organisation A owns the facility and shares it with B (AMBER); the analyst holds no clearance.
  let w: IntakeWorld;
  let facilityId: string;
  beforeAll(async () => {
    w = await intakeWorld();
    const r = await w.call(w.reporterA, 'POST', '/api/frontier/facilities', {
      name: 'North hall',
      country: 'US',
      region: 'US-OR',
      site: 'Hillsboro',
      powerCapacityMw: 150,
      status: 'operational',
      marking: { tlp: 'AMBER', access: { organisations: [w.orgB] } },
    });
    expect(r.status, r.text).toBe(201);
    facilityId = r.json.id;
  }, 120_000);
  afterAll(() => w?.close());

  it('serves the catalogue with TPP, density and ECCN computed', async () => {
    const r = await w.call(w.reporterB, 'GET', '/api/frontier/accelerators');
    expect(r.status).toBe(200);
    expect(r.json.accelerators.map((a: { id: string }) => a.id)).toEqual(ACCELERATOR_IDS);
    const h100 = r.json.accelerators.find((a: { id: string }) => a.id === 'nvidia-h100-sxm');
    expect(h100).toMatchObject({ tpp: 15831.2, performanceDensity: 19.449, export: { eccn: '3A090.a', ruleVersion: '2023-10-25' } });
    expect(r.json.clusterRules.map((c: { id: string }) => c.id)).toEqual(['us-eo14110-cluster', 'us-bis-2024-cluster']);
  });

  it('a partner sees the facility without its location; another organisation gets 404', async () => {
    expect((await w.call(w.reporterA, 'GET', `/api/frontier/facilities/${facilityId}`)).json).toMatchObject({ country: 'US', site: 'Hillsboro' });
    expect((await w.call(w.reporterB, 'GET', `/api/frontier/facilities/${facilityId}`)).json).toMatchObject({
      country: null,
      site: null,
      locationHidden: true,
    });
    expect((await w.call(w.reporterB, 'GET', '/api/frontier/facilities?country=US')).json.total).toBe(0);
    expect((await w.call(w.analyst, 'GET', `/api/frontier/facilities/${facilityId}`)).status).toBe(404);
    expect((await w.call(w.analyst, 'GET', '/api/frontier/facilities')).json.items).toEqual([]);
  });

  it('clusters: figures and flags, the reportable filter, and problem+json naming every bad field', async () => {
    const ok = await w.call(w.reporterA, 'POST', '/api/frontier/clusters', {
      facilityId,
      name: 'c1',
      inventory: [{ acceleratorId: 'nvidia-gb200-gpu', count: 20_000 }],
      interconnectGbps: 101,
      status: 'operational',
    });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json.reportable.map((f: { rule: string }) => f.rule)).toEqual(['us-eo14110-cluster']);
    const listed = await w.call(w.reporterB, 'GET', `/api/frontier/clusters?reportable=us-eo14110-cluster&facilityId=${facilityId}`);
    expect(listed.json.items.map((c: { id: string }) => c.id)).toEqual([ok.json.id]);
    expect((await w.call(w.reporterB, 'GET', `/api/frontier/clusters?reportable=us-bis-2024-cluster&facilityId=${facilityId}`)).json.total).toBe(0);

    const bad = await w.call(w.reporterA, 'POST', '/api/frontier/clusters', {
      facilityId,
      name: 'bad',
      inventory: [
        { acceleratorId: 'acme-x1', count: 1 },
        { acceleratorId: 'nvidia-h100-sxm', count: -4 },
        { acceleratorId: 'amd-mi300x', count: 0.5 },
        { acceleratorId: 'intel-gaudi3', count: 1e9 },
      ],
      status: 'operational',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(paths(bad.json)).toEqual(['/inventory/0/acceleratorId', '/inventory/1/count', '/inventory/2/count', '/inventory/3/count']);
    expect(JSON.stringify(bad.json)).toContain('nvidia-h100-sxm');
  });
});
