import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAdvisoriesLocally } from '../../src/services/advisories/import';
import { readImportFile } from '../../src/services/advisories/import-read';
import { startTestServer, type TestServer } from '../helpers/server';
import { ensureWebBuilt, haveChromium, launchChromium, newPage, screenshotPath, logIn } from './browser';

/** A published advisory as another source would publish it (OSV 1.7). */
const OSV_RECORD = {
  schema_version: '1.7.0',
  id: 'OSV-2026-101',
  modified: '2026-05-01T00:00:00Z',
  published: '2026-04-30T00:00:00Z',
  aliases: ['CVE-2026-0001'],
  summary: 'Out-of-bounds write in frame-parser',
  details: 'A crafted frame with a negative length overflows the heap buffer.',
  affected: [{ package: { ecosystem: 'npm', name: 'frame-parser' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.1.1' }] }] }],
  references: [{ type: 'ADVISORY', url: 'https://example.org/advisories/OSV-2026-101' }],
};

/** The findings form and the public advisory pages in headless Chromium (issue 4). */
describe.skipIf(!haveChromium)('web UI: submitting findings and reading public advisories', () => {
  let server: TestServer;
  let browser: Browser;
  const scriptErrors: string[] = [];
  let advisoryId = '';
  let advisorySummary = '';

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    const { items } = readImportFile(JSON.stringify(OSV_RECORD), 'osv');
    const r = await importAdvisoriesLocally(server.server.runtime.ctx, items);
    expect(r.created).toBe(1);
    advisoryId = OSV_RECORD.id;
    advisorySummary = OSV_RECORD.summary;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(scriptErrors).toEqual([]);
  });

  it('submits a finding through the form, then recognises the same finding as a duplicate', async () => {
    const page = await newPage(browser, scriptErrors);
    await logIn(page, server.url, server.admin.email, server.admin.password);
    await page.goto(`${server.url}/findings/new`);
    const fill = async () => {
      await page.getByLabel(/^Title/).fill('Heap overflow in the frame parser');
      await page.getByLabel(/^Description/).fill('A crafted frame with a negative length overflows the heap buffer in parse_frame.');
      await page.getByLabel(/^Package URL/).fill('pkg:npm/frame-parser@2.1.0');
      await page.getByLabel(/^File/).fill('src/parser.c');
      await page.getByLabel(/^Line/).fill('212');
      await page.getByLabel(/^CWE/).fill('CWE-787');
      await page.getByLabel(/^CVSS vector/).fill('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    };
    await fill();
    await page.getByRole('button', { name: 'Submit finding' }).click();
    await page.getByText('Accepted as a new report').waitFor();
    await page.screenshot({ path: screenshotPath('finding-accepted.png') });

    await page.goto(`${server.url}/findings/new`);
    await fill();
    await page.getByRole('button', { name: 'Submit finding' }).click();
    await page.getByText(/^Duplicate/).waitFor();

    await page.getByRole('link', { name: 'Open the report' }).click();
    await page.getByText('Heap overflow in the frame parser').first().waitFor();
    await page.screenshot({ path: screenshotPath('report.png') });
    await page.context().close();
  });

  it('shows the server’s objection when a field is wrong', async () => {
    const page = await newPage(browser, scriptErrors);
    await logIn(page, server.url, server.admin.email, server.admin.password);
    await page.goto(`${server.url}/findings/new`);
    await page.getByLabel(/^Description/).fill('Something is wrong somewhere.');
    await page.getByLabel(/^Package URL/).fill('pkg:npm/other@1.0.0');
    await page.getByLabel(/^CVSS vector/).fill('CVSS:3.1/AV:X');
    await page.getByRole('button', { name: 'Submit finding' }).click();
    // The shared form pattern (docs/ui-forms.md): the problem+json error is shown on the field it names.
    const field = page.getByLabel(/^CVSS vector/);
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const described = (await field.getAttribute('aria-describedby')) ?? '';
    const errorText = await page
      .locator(
        described
          .split(' ')
          .map((id) => `[id="${id}"]`)
          .join(', '),
      )
      .allTextContents();
    expect(errorText.join(' ')).toMatch(/"AV"/);
    // Fields the server did not name stay valid.
    expect(await page.getByLabel(/^Package URL/).getAttribute('aria-invalid')).not.toBe('true');
    await page.context().close();
  });

  it('lists and shows published advisories to anyone, without logging in', async () => {
    const page = await newPage(browser, scriptErrors);
    await page.goto(`${server.url}/advisories`);
    await page.getByText(advisoryId).first().waitFor();
    await page.screenshot({ path: screenshotPath('public-advisories.png') });
    await page.goto(`${server.url}/advisories/${advisoryId}`);
    await page.getByRole('heading', { name: advisoryId }).waitFor();
    if (advisorySummary) await page.getByText(advisorySummary).first().waitFor();
    await page.screenshot({ path: screenshotPath('public-advisory.png') });
    await page.context().close();
  });
});
