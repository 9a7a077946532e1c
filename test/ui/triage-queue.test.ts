import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitChunk } from '../../src/services/intake/submit';
import { makePrincipal } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';
import { aiFinding } from '../intake/world';
import { ensureWebBuilt, haveChromium, launchChromium, logIn, newPage, screenshotPath } from './browser';

/** More reports than one page of the queue (the page asks for 100 at a time). */
const REPORTS = 105;

/** The triage queue page follows the server's `nextCursor` (ADR 0051) in headless Chromium. */
describe.skipIf(!haveChromium)('web UI: the triage queue pages through every report', () => {
  let server: TestServer;
  let browser: Browser;
  const scriptErrors: string[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    const ctx = server.server.runtime.ctx;
    const reporter = await makePrincipal(ctx);
    const items = Array.from({ length: REPORTS }, (_, index) => ({
      index,
      value: aiFinding({ target: { purl: `pkg:npm/queue-lib-${index}@1.0.0` } }),
    }));
    const { results } = await submitChunk(ctx, reporter, items, { requestKey: null, source: 'api' });
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(REPORTS);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(scriptErrors).toEqual([]);
  });

  it('shows the first page with the count, then loads the rest with "Load more"', async () => {
    const page = await newPage(browser, scriptErrors);
    await logIn(page, server.url, server.admin.email, server.admin.password);
    await page.goto(`${server.url}/reports`);
    await page.getByText(`100 of ${REPORTS} reports`).waitFor();
    expect(await page.getByRole('row').count()).toBe(101); // the header row and the first page
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText(`${REPORTS} of ${REPORTS} reports`).waitFor();
    expect(await page.getByRole('row').count()).toBe(REPORTS + 1);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('triage-queue.png'), fullPage: true });
  }, 120_000);
});
