import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { makeOrganisation } from '../helpers/factories';
import { aiFinding, intakeWorld, type IntakeWorld, personIn } from '../intake/world';

describe('aisc cases (a vendor at the terminal)', () => {
  // One server for the file (starting one is the slow part); each test that needs a case makes its own.
  let w: IntakeWorld;
  const as = (token: string) => ({ AISC_SERVER: w.server.url, AISC_TOKEN: token });
  beforeAll(async () => {
    w = await intakeWorld();
  });
  afterAll(() => w?.close());

  /** A vendor invited to a case opened from a newly accepted report, and an outsider vendor. */
  const vendorInCase = async () => {
    const ctx = w.server.server.runtime.ctx;
    const org = await makeOrganisation(ctx, { name: 'Vendor CLI' });
    const vendor = { ...(await personIn(w.server, org.id, 'admin', ['read', 'write'])), org: org.id };
    const other = await makeOrganisation(ctx, { name: 'Vendor elsewhere' });
    const outsider = await personIn(w.server, other.id, 'admin', ['read', 'write']);
    const reportId = (await w.call(w.reporterA, 'POST', '/api/findings', aiFinding())).json.reportId as string;
    for (const event of ['start-triage', 'accept'])
      expect((await w.call(w.analyst, 'POST', `/api/reports/${reportId}/transitions`, { event })).status).toBe(200);
    const caseId = (await w.call(w.analyst, 'POST', '/api/cases', { title: 'Overflow in the CLI test', summary: 's', reportIds: [reportId] })).json
      .id as string;
    expect((await w.call(w.analyst, 'POST', `/api/cases/${caseId}/vendors`, { organisations: [vendor.org] })).status).toBe(200);
    const vulnId = (await w.call(vendor.token, 'GET', `/api/cases/${caseId}`)).json.vulnerabilities[0].id as string;
    return { vendor, outsider, caseId, vulnId };
  };

  it('lists the inbox and the cases a vendor takes part in, and shows one', async () => {
    const { vendor, caseId, vulnId } = await vendorInCase();
    const inbox = await cli(['cases', 'inbox'], as(vendor.token));
    expect(inbox.code, inbox.stderr).toBe(0);
    expect(inbox.stdout).toContain(caseId);
    expect(inbox.stdout).toMatch(/1 invitation\n$/);
    const list = await cli(['cases', 'list', '--json'], as(vendor.token));
    expect(JSON.parse(list.stdout).map((c: { id: string }) => c.id)).toEqual([caseId]);
    const show = await cli(['cases', 'show', caseId], as(vendor.token));
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(
      /^Overflow in the CLI test \(coordinating\)\nembargo: proposed\nproposal [0-9a-f-]{36}: \d{4}-\d\d-\d\d open — policy default\n/,
    );
    expect(show.stdout).toContain(`vulnerability ${vulnId}`);
    // What the vendor is asked about (issue 9 item 19): the details, not the finder.
    expect(show.stdout).toContain('  affected versions: 2.3.0, 2.3.1\n  severity high, CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H (8.8)\n');
    expect(show.stdout).not.toContain('frontier-x');
  });

  it('records a statement, naming a bad one in one line with exit code 3', async () => {
    const { vendor, caseId, vulnId } = await vendorInCase();
    const bad = await cli(['cases', 'statement', caseId, vulnId, '--status', 'not_affected'], as(vendor.token));
    expect(bad.code).toBe(3);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/justification/);
    const unknown = await cli(['cases', 'statement', caseId, vulnId, '--status', 'maybe'], as(vendor.token));
    expect(unknown.code).not.toBe(0);
    const ok = await cli(['cases', 'statement', caseId, vulnId, '--status', 'fixed', '--fixed', '1.4.2', '1.5.0'], as(vendor.token));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe('recorded: fixed (fixed in 1.4.2, 1.5.0)\n');
    const show = await cli(['cases', 'show', caseId], as(vendor.token));
    expect(show.stdout).toContain(`  ${vendor.org}: fixed fixed in 1.4.2, 1.5.0`);
  });

  it('keeps other vendors out: not found, and absent from their lists', async () => {
    const { outsider, caseId, vulnId } = await vendorInCase();
    const show = await cli(['cases', 'show', caseId], as(outsider.token));
    expect(show.code).toBe(5);
    expect(show.stderr.trim().split('\n')).toHaveLength(1);
    const list = await cli(['cases', 'list'], as(outsider.token));
    expect(list.stdout).toBe('0 cases\n');
    const stmt = await cli(['cases', 'statement', caseId, vulnId, '--status', 'affected'], as(outsider.token));
    expect(stmt.code).toBe(5);
  });

  it('needs a server', async () => {
    const r = await cli(['cases', 'list'], {});
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/--server/);
  });
});
