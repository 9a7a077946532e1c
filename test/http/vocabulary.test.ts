import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADVISORY_STATES } from '../../src/domain/advisory/state';
import { CASE_STATES } from '../../src/domain/cases/case-states';
import { VENDOR_STATUSES, VEX_JUSTIFICATIONS } from '../../src/domain/cases/vendor-statement';
import { CI_SECTORS, ORGANISATION_KINDS } from '../../src/domain/identity/organisation';
import { ROLES } from '../../src/domain/identity/roles';
import { AUTONOMY_LEVELS, FINDER_KINDS, REPRODUCTION_STATUSES, SEVERITIES } from '../../src/domain/intake/finding';
import { REPORT_STATES } from '../../src/domain/intake/report-states';
import { SSVC_AUTOMATABLE, SSVC_EXPLOITATION, SSVC_MISSION_WELLBEING, SSVC_TECHNICAL_IMPACT } from '../../src/domain/intake/ssvc';
import { TLP_LABELS } from '../../src/domain/policy/marking';
import { purlTypeFor, rangeTypeFor } from '../../src/standards/convert/ecosystems';
import { Browser } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';

/** Issue 10 §2: the enums the UI needs come from the API, read from the domain's own lists. */
describe('GET /api/vocabulary', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  }, 60_000);
  afterAll(async () => t?.close());

  it('answers anyone, and lets a shared cache keep the anonymous answer', async () => {
    const r = await new Browser(t.url).call('GET', '/api/vocabulary');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
  });

  it('stays no-store when the request carries a credential (issue 9 item 13)', async () => {
    const b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
    const r = await b.call('GET', '/api/vocabulary');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const bad = await new Browser(t.url).call('GET', '/api/vocabulary', undefined, { authorization: 'Bearer aisc_pat_nope' });
    expect(bad.headers.get('cache-control')).toBe('no-store');
  });

  it('serves exactly the domain constants', async () => {
    const v = (await new Browser(t.url).call('GET', '/api/vocabulary')).json;
    expect(v.reportStates).toEqual([...REPORT_STATES]);
    expect(v.severities).toEqual([...SEVERITIES]);
    expect(v.finderKinds).toEqual([...FINDER_KINDS]);
    expect(v.autonomyLevels).toEqual([...AUTONOMY_LEVELS]);
    expect(v.reproductionStatuses).toEqual([...REPRODUCTION_STATUSES]);
    expect(v.caseStates).toEqual([...CASE_STATES]);
    expect(v.vendorStatuses).toEqual([...VENDOR_STATUSES]);
    expect(v.vexJustifications).toEqual([...VEX_JUSTIFICATIONS]);
    expect(v.advisoryStates).toEqual([...ADVISORY_STATES]);
    expect(v.tlp).toEqual([...TLP_LABELS]);
    expect(v.ssvc.exploitation).toEqual([...SSVC_EXPLOITATION]);
    expect(v.ssvc.automatable).toEqual([...SSVC_AUTOMATABLE]);
    expect(v.ssvc.technicalImpact).toEqual([...SSVC_TECHNICAL_IMPACT]);
    expect(v.ssvc.missionWellbeing).toEqual([...SSVC_MISSION_WELLBEING]);
    expect(v.organisationKinds).toEqual(ORGANISATION_KINDS.map((k) => ({ ...k })));
    expect(v.sectors).toEqual(CI_SECTORS.map((s) => ({ ...s })));
    expect(v.roles).toEqual(ROLES.map((r) => ({ ...r })));
    expect(v.ecosystems.length).toBeGreaterThan(0);
    for (const e of v.ecosystems) {
      expect(e.rangeType, e.name).toBe(rangeTypeFor(e.name));
      expect(e.purlType, e.name).toBe(purlTypeFor(e.name));
    }
  });

  it('every report state and severity it serves is one the triage queue accepts as a filter', async () => {
    const b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
    const v = (await b.call('GET', '/api/vocabulary')).json as { reportStates: string[]; severities: string[]; reportSorts: string[] };
    for (const state of v.reportStates) expect((await b.call('GET', `/api/reports?state=${encodeURIComponent(state)}`)).status, state).toBe(200);
    for (const severity of v.severities) expect((await b.call('GET', `/api/reports?severity=${severity}`)).status, severity).toBe(200);
    for (const sort of v.reportSorts) expect((await b.call('GET', `/api/reports?sort=${sort}`)).status, sort).toBe(200);
    // The check above can fail: a value outside the vocabulary is refused, naming the field.
    const bad = await b.call('GET', '/api/reports?state=not-a-state');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json.errors)).toContain('state');
  });
});
