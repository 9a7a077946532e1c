import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { ensureWebBuilt, haveChromium, launchChromium, newPage, screenshotPath, logIn } from './browser';

describe.skipIf(!haveChromium)('web UI in headless Chromium: login and API tokens', () => {
  let server: TestServer;
  let browser: Browser;
  const scriptErrors: string[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(scriptErrors).toEqual([]);
  });

  it('shows the error next to the form when the password is wrong, and stays on the login page', async () => {
    const page = await newPage(browser, scriptErrors);
    await logIn(page, server.url, server.admin.email, 'not the password at all', { expectSuccess: false });
    const alert = page.getByRole('alert').filter({ hasText: 'Wrong email or password.' });
    await alert.waitFor();
    expect(await alert.isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByRole('button', { name: 'Log out' }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('login-wrong-password.png') });
    await page.context().close();
  });

  it('logs in as an admin, creates an API token, sees its secret once and sees it listed', async () => {
    const page = await newPage(browser, scriptErrors);
    await logIn(page, server.url, server.admin.email, server.admin.password);

    // The shell shows who is logged in, and the admin navigation.
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await page.getByTestId('current-user').textContent()).toBe('Ada Admin');
    expect(await page.getByTestId('current-organisation').textContent()).toBe('Clearinghouse');
    const nav = page.getByRole('navigation');
    for (const label of ['Organisations', 'Users', 'Webhooks', 'Audit trail']) {
      expect(await nav.getByRole('link', { name: label }).count()).toBe(1);
    }

    await nav.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Token name/).fill('nightly-import');
    await dialog.getByRole('checkbox').first().check();
    await dialog.getByLabel(/^Expires in days/).fill('30');
    await dialog.getByRole('button', { name: 'Create token' }).click();

    const secretBox = dialog.getByTestId('one-time-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThan(20);
    expect(await dialog.getByText('Shown only once').isVisible()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Copy token secret' }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('token-secret.png') });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Listed: its name, its prefix (the start of the secret), active, never used.
    const table = page.getByRole('table', { name: 'API tokens' });
    const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'nightly-import', exact: true }) });
    await row.waitFor();
    const prefix = ((await row.locator('code').first().textContent()) ?? '').replace(/…$/, '');
    expect(prefix.length).toBeGreaterThan(3);
    expect(secret.startsWith(prefix)).toBe(true);
    expect(await row.getByText('Active').isVisible()).toBe(true);
    expect(await row.getByText('Never').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('token-created.png'), fullPage: true });
    expect(existsSync(screenshotPath('token-created.png'))).toBe(true);

    // Shown once: after a reload the list is still there, the secret is not.
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.context().close();
  });
});
