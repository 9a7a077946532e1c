import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/domain/policy/viewer';
import { getAdvisory } from '../../src/services/advisories/reads';
import { openCase } from '../../src/services/cases/open';
import { makePrincipal } from '../helpers/factories';
import { haveChromium, logIn, newPage } from './browser';
import { browserWorld } from './browser-world';

/**
 * Issue 9 items 2 and 20 in the browser: the submit form asks "credit me publicly as …", and a
 * case's advisory drafted with nothing typed carries the PyPI package and that credit.
 */
describe.skipIf(!haveChromium)('web UI: public credit and the case advisory draft', () => {
  const w = browserWorld();

  it('records the finder’s choice and drafts the case advisory from the case', async () => {
    const { server } = w;
    const page = await newPage(w.browser, w.scriptErrors);
    await logIn(page, server.url, server.admin.email, server.admin.password);
    await page.goto(`${server.url}/findings/new`);
    await page.getByLabel(/^Title/).fill('Heap overflow in the frame decoder');
    await page.getByLabel(/^Description/).fill('A frame longer than its header says is copied without a bounds check in decode_frame.');
    await page.getByLabel(/^Package URL/).fill('pkg:pypi/framedecoder@2.1.0');
    await page.getByLabel(/^CWE/).fill('CWE-787');
    await page.getByLabel('Credit me publicly on the advisory').check();
    await page.getByLabel('Credit me as').fill('Frame Team');
    await page.getByRole('button', { name: 'Submit finding' }).click();
    await page.getByText('Accepted as a new report').waitFor();
    await page.getByRole('link', { name: 'Open the report' }).click();
    await page.getByRole('button', { name: 'Start triage' }).click();
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByText('accepted', { exact: true }).waitFor();
    const reportId = new URL(page.url()).pathname.split('/').pop()!;

    const ctx = server.server.runtime.ctx;
    const analyst = { ...(await makePrincipal(ctx, { organisationId: server.admin.organisationId, role: 'analyst' })), coordinator: true };
    const opened = await openCase(ctx, analyst, {
      kind: 'single',
      title: 'Frame decoder overflow',
      summary: 'The decoder trusts the frame header.',
      reportIds: [reportId],
    });
    await page.goto(`${server.url}/cases/${opened.id}`);
    await page.getByRole('button', { name: 'Draft the case advisory' }).click();
    const link = page.getByRole('link', { name: /^AISC-DRAFT-[0-9a-f-]{36}$/ });
    await link.waitFor();
    const advisory = await getAdvisory(ctx, SYSTEM, (await link.textContent())!, { kind: 'coordinator' });
    expect(advisory.content).toMatchObject({
      title: 'Frame decoder overflow',
      affected: [{ ecosystem: 'PyPI', name: 'framedecoder', versions: ['2.1.0'] }],
      cweIds: ['CWE-787'],
      credits: [{ name: 'Frame Team', kind: 'human', role: 'FINDER' }],
    });
    await page.context().close();
  });
});
