import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/services/actor';
import { createOrganisation } from '../../src/services/organisations';
import { createToken } from '../../src/services/tokens';
import { createUser } from '../../src/services/users';
import type { ResponseJson } from '../helpers/http';
import { haveChromium, logIn, newPage, screenshotPath } from '../ui/browser';
import { browserWorld } from '../ui/browser-world';

const PASSWORD = 'a long enough test password';
const DESCRIPTION = 'A frame whose length field exceeds the buffer is copied without a bounds check in parse_frame.';
const CVSS = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';

/**
 * Issue 9 item 19 in headless Chromium: the finder is told who may download its PoC and later
 * sees its report's case status and public date; the invited vendor sees what it is asked about
 * (description, CVSS, affected product) and downloads the PoC.
 */
describe.skipIf(!haveChromium)('web UI: what the vendor and the finder see of a case', () => {
  let analyst: string;
  const finder = { email: 'finder@lab.test', org: 'Frame Lab' };
  const vendor = { email: 'psirt@frame-vendor.test', org: 'Frame Vendor Inc' };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(w.server.url + path, {
      method,
      headers: { authorization: `Bearer ${analyst}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    expect([path, res.status]).toEqual([path, path === '/api/cases' && method === 'POST' ? 201 : 200]);
    return (await res.json()) as ResponseJson;
  };

  const w = browserWorld(async (server) => {
    const ctx = server.server.runtime.ctx;
    for (const p of [finder, vendor]) {
      const org = await createOrganisation(ctx, CLI_ACTOR, { name: p.org, kind: p === finder ? 'ai_developer' : 'software_vendor' });
      await createUser(ctx, CLI_ACTOR, { email: p.email, name: p.org, organisationId: org.id, role: 'admin', password: PASSWORD });
    }
    const { user } = await createUser(ctx, CLI_ACTOR, {
      email: 'analyst@aisc.test',
      name: 'Ana Analyst',
      organisationId: server.admin.organisationId,
      role: 'analyst',
      password: PASSWORD,
    });
    analyst = (await createToken(ctx, CLI_ACTOR, user.id, { name: 't', scopes: ['read', 'write'] })).secret;
  });

  it('shows the vendor the details and PoC, and the finder its case status and public date', async () => {
    // The finder submits, told exactly who may download the proof of concept.
    const { server, browser, scriptErrors } = w;
    const fp = await newPage(browser, scriptErrors);
    await logIn(fp, server.url, finder.email, PASSWORD);
    await fp.goto(`${server.url}/findings/new`);
    await fp
      .getByText(
        "Only you, the clearinghouse's analysts and administrators and, once your report is in a coordination case, the people of each vendor invited to act on it can download it — not your colleagues.",
      )
      .waitFor();
    await fp.getByLabel(/^Title/).fill('Out-of-bounds write in the frame parser');
    await fp.getByLabel(/^Description/).fill(DESCRIPTION);
    await fp.getByLabel(/^Package URL/).fill('pkg:npm/frame-parser@2.1.0');
    await fp.getByLabel(/^CWE/).fill('CWE-787');
    await fp.getByLabel(/^CVSS vector/).fill(CVSS);
    await fp.locator('input[type="file"]').setInputFiles({ name: 'poc.py', mimeType: 'text/x-python', buffer: Buffer.from('print("boom")\n') });
    await fp.getByRole('button', { name: 'Submit finding' }).click();
    await fp.getByText('Accepted as a new report').waitFor();
    await fp.getByRole('link', { name: 'Open the report' }).click();
    await fp.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = new URL(fp.url()).pathname.split('/').pop()!;

    // The clearinghouse accepts it, opens a case, invites the vendor and adopts the default date.
    for (const event of ['start-triage', 'accept']) await call('POST', `/api/reports/${reportId}/transitions`, { event });
    const c = await call('POST', '/api/cases', { title: 'Frame parser overflow', summary: 'The frame parser trusts the length field.', reportIds: [reportId] });
    const vendorOrg = (await call('GET', `/api/organisations?q=${encodeURIComponent(vendor.org)}`)).items.find(
      (o: { name: string }) => o.name === vendor.org,
    ).id;
    await call('POST', `/api/cases/${c.id}/vendors`, { organisations: [vendorOrg] });
    const proposal = (await call('GET', `/api/cases/${c.id}`)).proposals[0];
    await call('POST', `/api/cases/${c.id}/embargo/decision`, { decision: 'adopt', proposalId: proposal.id });

    // The vendor sees what it is asked about and downloads the proof of concept.
    const vp = await newPage(browser, scriptErrors);
    await logIn(vp, server.url, vendor.email, PASSWORD);
    await vp.goto(`${server.url}/inbox`);
    await vp.getByRole('link', { name: 'Frame parser overflow' }).click();
    const details = vp.getByRole('group', { name: 'Vulnerability: Out-of-bounds write in the frame parser' });
    await details.getByText(DESCRIPTION).waitFor();
    await details.getByText(CVSS).waitFor();
    await details.getByText('pkg:npm/frame-parser@2.1.0').waitFor();
    await details.getByText('critical 9.8').waitFor();
    const poc = details.getByRole('link', { name: /^Proof of concept: poc\.py/ });
    const download = await vp.request.get(server.url + (await poc.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe('print("boom")\n');
    await vp.screenshot({ path: screenshotPath('case-vendor-details.png') });
    await vp.context().close();

    // The finder sees how far the case has come and when it goes public — not who the vendor is.
    await fp.reload();
    const status = fp.locator('[aria-label="Coordination case"]');
    await status.getByText('embargoed', { exact: true }).waitFor();
    await status.locator(`time[datetime="${proposal.publicAt}"]`).waitFor();
    expect(await fp.getByText(vendor.org).count()).toBe(0);
    await fp.screenshot({ path: screenshotPath('report-case-status.png') });
    await fp.context().close();
  }, 180_000);
});
