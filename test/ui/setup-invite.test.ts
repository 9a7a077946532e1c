import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/runtime/server';
import { testConfig } from '../helpers/config';
import { ensureWebBuilt, haveChromium, launchChromium, newPage, screenshotPath } from './browser';

/** Picks an option of a Mantine Select or MultiSelect by the input's label. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('dialog').getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The part after `#token=` of a link the server printed or answered. */
const fragmentToken = (link: string) => link.split('#token=')[1] ?? '';

describe.skipIf(!haveChromium)('web UI in headless Chromium: first-run setup, organisations, invitations, live refresh', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  const scriptErrors: string[] = [];
  let invitationLink = '';

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer(testConfig());
    browser = await launchChromium();
    admin = await newPage(browser, scriptErrors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(scriptErrors).toEqual([]);
  });

  it('creates the first administrator from the one-time setup link', async () => {
    expect(server.setupUrl).toBeTruthy();
    await admin.goto(`${server.url}/setup#token=${fragmentToken(server.setupUrl!)}`);
    const token = admin.getByLabel(/^Setup token/);
    await token.waitFor();
    expect(await token.inputValue()).toBe(fragmentToken(server.setupUrl!));
    // The token leaves the address bar once read.
    await admin.waitForURL((url) => url.hash === '');
    await admin.getByLabel(/^Organisation name/).fill('National AI Clearinghouse');
    await admin.getByLabel(/^Email/).fill('root@aisc.test');
    await admin.getByLabel(/^Your name/).fill('Root Admin');
    await admin.getByLabel(/^New password/).fill('a very long password 1');
    await admin.getByLabel(/^Repeat password/).fill('a very long password 1');
    await admin.getByRole('button', { name: 'Create administrator' }).click();
    await admin.getByRole('heading', { name: 'Welcome, Root Admin' }).waitFor();
    expect(await admin.getByTestId('current-organisation').textContent()).toBe('National AI Clearinghouse');
  });

  it('names the field the server rejects, then creates a critical-infrastructure operator as a client', async () => {
    await admin.getByRole('navigation').getByRole('link', { name: 'Organisations' }).click();
    await admin.getByRole('button', { name: 'Create organisation' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel(/^Organisation name/).fill('Grid Operator');
    await choose(admin, 'Kind', 'Critical-infrastructure operator');
    await dialog.getByRole('button', { name: 'Create organisation' }).click();
    // problem+json errors[].path "/sectors" shows under the sectors field.
    await dialog.getByText('a critical-infrastructure operator names at least one sector').waitFor();

    await choose(admin, 'Critical-infrastructure sectors', 'Energy');
    await admin.keyboard.press('Escape');
    await dialog.getByRole('combobox', { name: 'Client of' }).fill('National');
    await admin.getByRole('option', { name: 'National AI Clearinghouse' }).click();
    await dialog.getByRole('button', { name: 'Create organisation' }).click();
    const row = admin.getByRole('row').filter({ hasText: 'Grid Operator' });
    await row.waitFor();
    expect(await row.getByText('Energy').count()).toBe(1);
    expect(await row.getByText('National AI Clearinghouse').count()).toBe(1);
  });

  it('refreshes an open list live from the event stream when another tab changes it', async () => {
    const watcher = await admin.context().newPage();
    await watcher.goto(`${server.url}/organisations`);
    await watcher.getByRole('row').filter({ hasText: 'Grid Operator' }).waitFor();
    // A background tab gets no animation frames, and the dialogs animate.
    await admin.bringToFront();

    await admin.getByRole('button', { name: 'Create organisation' }).click();
    await admin
      .getByRole('dialog')
      .getByLabel(/^Organisation name/)
      .fill('Frontier Lab');
    await choose(admin, 'Kind', 'AI developer');
    await admin.getByRole('dialog').getByRole('button', { name: 'Create organisation' }).click();

    // No reload in the watching tab: the SSE event invalidates its query.
    await watcher.getByRole('row').filter({ hasText: 'Frontier Lab' }).waitFor({ timeout: 15_000 });
    await watcher.close();
  });

  it('invites a user and shows the invitation link once', async () => {
    await admin.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('button', { name: 'Invite user' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel(/^Email/).fill('grace@grid.test');
    await dialog.getByLabel(/^Name/).fill('Grace');
    await dialog.getByRole('combobox', { name: 'Organisation' }).fill('Grid');
    await admin.getByRole('option', { name: 'Grid Operator' }).click();
    await choose(admin, 'Role', 'Analyst');
    await choose(admin, 'Clearance', 'Secret');
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const link = dialog.getByTestId('one-time-secret');
    await link.waitFor();
    invitationLink = (await link.textContent())?.trim() ?? '';
    expect(invitationLink).toMatch(/\/invite#token=./);
    await admin.screenshot({ path: screenshotPath('invitation-created.png') });
    await dialog.getByRole('button', { name: 'Done' }).click();
    const row = admin.getByRole('row').filter({ hasText: 'grace@grid.test' });
    await row.getByText('invited').waitFor();
  });

  it('lets the invited user set a password, log in, and see no admin pages', async () => {
    const invitee = await newPage(browser, scriptErrors);
    await invitee.goto(`${server.url}/invite#token=${fragmentToken(invitationLink)}`);
    await invitee.getByLabel(/^Your name/).fill('Grace Hopper');
    await invitee.getByLabel(/^New password/).fill('another long password 2');
    await invitee.getByLabel(/^Repeat password/).fill('another long password 2');
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    await invitee.getByRole('heading', { name: 'Welcome, Grace Hopper' }).waitFor();
    const nav = invitee.getByRole('navigation');
    expect(await nav.getByRole('link', { name: 'API tokens' }).count()).toBe(1);
    for (const label of ['Organisations', 'Users', 'Webhooks', 'Audit trail']) {
      expect(await nav.getByRole('link', { name: label }).count()).toBe(0);
    }
    await invitee.context().close();
  });

  it('shows the audit trail of one record, with digests and hashes shortened', async () => {
    await admin.goto(`${server.url}/audit?recordType=organisation`);
    const table = admin.getByRole('table', { name: 'Audit entries' });
    await table.getByRole('row').filter({ hasText: 'organisation' }).first().waitFor();
    const rows = await table.getByRole('row').count();
    expect(rows).toBeGreaterThanOrEqual(4); // header + three organisations created
    expect(await admin.getByRole('combobox', { name: 'Record type' }).inputValue()).toBe('organisation');
    await admin.screenshot({ path: screenshotPath('audit-trail.png'), fullPage: true });
  });
});
