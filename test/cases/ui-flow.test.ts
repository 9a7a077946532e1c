import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { CLI_ACTOR } from '../../src/services/actor';
import { createOrganisation } from '../../src/services/organisations';
import { createUser } from '../../src/services/users';
import { haveChromium, newPage, screenshotPath, logIn } from '../ui/browser';
import { browserWorld } from '../ui/browser-world';

const pick = async (page: Page, label: RegExp | string, option: string) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

/** The whole flow in headless Chromium: finding → triage → case → vendor statement → advisory → public page (issue 4). */
describe.skipIf(!haveChromium)('web UI: coordinated disclosure end to end', () => {
  const vendor = { email: 'psirt@vendor.test', password: 'a long enough vendor password', org: 'Frame Parser Vendor' };
  const w = browserWorld(async (server) => {
    const ctx = server.server.runtime.ctx;
    const org = await createOrganisation(ctx, CLI_ACTOR, { name: vendor.org, kind: 'software_vendor' });
    await createUser(ctx, CLI_ACTOR, { email: vendor.email, name: 'Vendor PSIRT', organisationId: org.id, role: 'admin', password: vendor.password });
  });

  it('submits, triages, opens a case, takes a vendor statement and publishes the advisory', async () => {
    const { server, browser, scriptErrors } = w;
    const page = await newPage(browser, scriptErrors);
    await logIn(page, server.url, server.admin.email, server.admin.password);
    await page.goto(`${server.url}/findings/new`);
    await page.getByLabel(/^Title/).fill('Out-of-bounds write in the frame parser');
    await page.getByLabel(/^Description/).fill('A frame whose length field exceeds the buffer is copied without a bounds check in parse_frame.');
    await page.getByLabel(/^Package URL/).fill('pkg:npm/frame-parser@2.1.0');
    await page.getByLabel(/^CWE/).fill('CWE-787');
    await page.getByRole('button', { name: 'Submit finding' }).click();
    await page.getByText('Accepted as a new report').waitFor();
    await page.getByRole('link', { name: 'Open the report' }).click();
    // Credits name the reporting organisation, not its id.
    await page.getByText('Clearinghouse (1 finding)').waitFor();
    await page.getByRole('button', { name: 'Start triage' }).click();
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByText('accepted', { exact: true }).waitFor();
    const reportId = new URL(page.url()).pathname.split('/').pop()!;

    await page.goto(`${server.url}/cases`);
    await page.getByRole('button', { name: 'Open a case' }).click();
    await page.getByLabel(/^Title/).fill('Frame parser overflow');
    await page.getByLabel(/^Summary/).fill('The frame parser trusts the length field.');
    await page.getByLabel(/^Accepted report ids/).fill(reportId);
    await page.getByRole('button', { name: 'Open case', exact: true }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = page.url();
    await page.getByRole('combobox', { name: 'Invite a vendor' }).fill('Frame Parser');
    await page.getByRole('option', { name: vendor.org }).click();
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByRole('button', { name: 'Adopt' }).click();
    await page.getByText('active', { exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath('case-coordinator.png') });

    // The vendor finds the case in its inbox and states that it is fixed.
    const vp = await newPage(browser, scriptErrors);
    await logIn(vp, server.url, vendor.email, vendor.password);
    await vp.goto(`${server.url}/inbox`);
    await vp.getByRole('link', { name: 'Frame parser overflow' }).click();
    await pick(vp, /^Status for/, 'fixed');
    await vp.getByLabel('Fixed versions').fill('2.1.1');
    await vp.getByRole('button', { name: 'Save statement' }).click();
    await vp.getByRole('status').filter({ hasText: 'Statement saved' }).waitFor();
    await vp.screenshot({ path: screenshotPath('case-vendor.png') });
    await vp.context().close();

    // The coordinator sees the statement, drafts the advisory and publishes it early.
    await page.goto(caseUrl);
    await page.getByText('2.1.1').waitFor();
    await page.getByLabel('Affected package').fill('frame-parser');
    await page.getByLabel('Fixed in').fill('2.1.1');
    await page.getByRole('button', { name: 'Draft the case advisory' }).click();
    // A draft has an internal id; its public AISC id comes with publication (ADR 0021).
    const draftLink = page.getByRole('link', { name: /^AISC-DRAFT-/ });
    await draftLink.waitFor();
    const draftId = (await draftLink.textContent())!;
    await page.goto(`${server.url}/advisory-desk`);
    const row = page.getByRole('row').filter({ hasText: draftId });
    await row.getByText('scheduled').waitFor();
    // Publishing before the agreed date names it and asks why (issue 9 item 18).
    await row.getByRole('button', { name: 'Publish now' }).click();
    const dialog = page.getByRole('dialog', { name: 'End the agreed embargo early?' });
    await dialog.getByText(/Embargo agreed until/).waitFor();
    await dialog.getByLabel('Reason').fill('The vendor released 2.1.1 with release notes describing the bug');
    await page.screenshot({ path: screenshotPath('advisory-publish-early.png') });
    await dialog.getByRole('button', { name: /^End the embargo/ }).click();
    await page.goto(caseUrl);
    const link = page.getByRole('link', { name: /^AISC-\d{4}-\d{5}$/ });
    await link.waitFor();
    const advisoryId = (await link.textContent())!;
    await page.getByText('Disclosed before the agreed date: The vendor released 2.1.1').waitFor();
    await page.context().close();

    const anon = await newPage(browser, scriptErrors);
    await anon.goto(`${server.url}/advisories/${advisoryId}`);
    await anon.getByRole('heading', { name: advisoryId }).waitFor();
    await anon.screenshot({ path: screenshotPath('case-advisory-public.png') });
    await anon.context().close();
  }, 180_000);
});
