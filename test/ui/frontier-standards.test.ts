import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/services/actor';
import { createOrganisation } from '../../src/services/organisations';
import { createUser } from '../../src/services/users';
import type { TestServer } from '../helpers/server';
import { haveChromium, logIn, newPage, screenshotPath } from './browser';
import { browserWorld } from './browser-world';

const PASSWORD = 'a long enough test password';
const developer = { email: 'dev@standards-lab.test', name: 'Sam Standards' };
const DAY = 86_400_000;

/** A `date` input value a year from now. */
const inAYear = () => new Date(Date.now() + 365 * DAY).toISOString().slice(0, 10);

async function world(server: TestServer): Promise<void> {
  const ctx = server.server.runtime.ctx;
  const lab = await createOrganisation(ctx, CLI_ACTOR, { name: 'Standards Lab', kind: 'ai_developer' });
  await createUser(ctx, CLI_ACTOR, { ...developer, organisationId: lab.id, role: 'member', password: PASSWORD });
}

async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('dialog').getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * Voluntary standards in the browser: a developer attests a practice (the missing evidence named
 * next to its field, then given), sees its own scorecard with "not tracked yet" where nothing is
 * tracked, and the public page publishes nothing about a single developer.
 */
describe.skipIf(!haveChromium)('web UI: voluntary practices, attestations and scorecards', () => {
  const w = browserWorld(world);

  it('a developer attests with evidence, sees its scorecard, and the public sees no figure about it', async () => {
    const page = await newPage(w.browser, w.scriptErrors);
    await logIn(page, w.server.url, developer.email, PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Voluntary practices' }).click();
    await page.getByRole('heading', { name: 'Serious incident reporting process' }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Attestations' }).click();
    await page.getByRole('button', { name: 'Attest a practice' }).click();
    await choose(page, 'Practice', 'Serious incident reporting process');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Expires on/).fill(inAYear());
    await dialog.getByRole('button', { name: 'Attest' }).click();
    await dialog.getByText(/needs evidence for a status of implemented/).waitFor();
    await dialog.getByRole('button', { name: 'Add evidence' }).click();
    await dialog.getByLabel('Evidence 1 reference').fill('https://standards-lab.test/incident-process');
    await dialog.getByRole('button', { name: 'Attest' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /incident-reporting/ });
    await row.getByText('Current').waitFor();
    await row.getByText('Not reviewed').waitFor();
    await page.screenshot({ path: screenshotPath('frontier-standards-attestations.png'), fullPage: true });

    await page.getByRole('navigation').getByRole('link', { name: 'Scorecard' }).click();
    await page.getByRole('heading', { name: 'Scorecard' }).waitFor();
    // Assessments and findings are tracked (none yet: zero is a real zero); incidents are not tracked yet, said so, never shown as zero.
    await expect.poll(() => page.getByText('Not tracked yet').count()).toBe(1);
    await page.getByText('Practices attested').waitFor();
    await page.screenshot({ path: screenshotPath('frontier-standards-scorecard.png'), fullPage: true });

    const anonymous = await newPage(w.browser, w.scriptErrors);
    await anonymous.goto(`${w.server.url}/scorecards`);
    await anonymous.getByText(/nothing is published yet/).waitFor();
    expect(await anonymous.getByText(/^\d+$/).count()).toBe(0);
    await anonymous.screenshot({ path: screenshotPath('frontier-standards-published.png'), fullPage: true });
  });
});
