import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/services/actor';
import { setDesignationSettings } from '../../src/services/frontier/designation-settings';
import { createOrganisation } from '../../src/services/organisations';
import { principalOf } from '../../src/services/principal';
import { createUser } from '../../src/services/users';
import { findUserByEmail, findUserWithOrganisation } from '../../src/store/users';
import type { TestServer } from '../helpers/server';
import { haveChromium, logIn, newPage, screenshotPath } from './browser';
import { browserWorld } from './browser-world';

const PASSWORD = 'a long enough test password';
const developer = { email: 'dev@frontier-lab.test', name: 'Dana Developer' };
const analyst = { email: 'analyst@aisc.test', name: 'Ari Analyst' };
const colleague = { email: 'colleague@aisc.test', name: 'Cleo Colleague' };
const FULL_RATIONALE = 'Full rationale: the classified cyber range run scored above the authority threshold on every track.';
const SUMMARY = 'Designated: the evaluated capabilities meet the criteria for covered frontier models.';
const DAY = 86_400_000;

/** A `datetime-local` value (the browser's local time, the same zone as this process) `days` from now. */
function localInput(days: number): string {
  const d = new Date(Date.now() + days * DAY);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Picks an option of a Mantine Select inside the open dialog by the input's label. */
async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('dialog').getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** A frontier developer and a cleared analyst of the clearinghouse, named on the designation panel. */
async function people(server: TestServer): Promise<void> {
  const ctx = server.server.runtime.ctx;
  const lab = await createOrganisation(ctx, CLI_ACTOR, { name: 'Frontier Lab', kind: 'ai_developer' });
  await createUser(ctx, CLI_ACTOR, { ...developer, organisationId: lab.id, role: 'member', password: PASSWORD });
  const { user } = await createUser(ctx, CLI_ACTOR, {
    ...analyst,
    organisationId: server.admin.organisationId,
    role: 'analyst',
    clearance: 'SECRET',
    password: PASSWORD,
  });
  await createUser(ctx, CLI_ACTOR, { ...colleague, organisationId: server.admin.organisationId, role: 'analyst', clearance: 'SECRET', password: PASSWORD });
  const adminRow = await findUserByEmail(ctx.db, server.admin.email);
  const admin = await findUserWithOrganisation(ctx.db, adminRow!.id);
  await setDesignationSettings(ctx, principalOf(admin!.user, admin!.organisation, null, null), { classification: 'SECRET', panelUserIds: [user.id] });
}

/**
 * Issue 11 in a real browser: a developer registers a model and asks whether it is covered; a
 * cleared analyst designates it with a summary rationale; the developer sees the outcome and the
 * summary, never the full rationale; the developer plans access and the window turns from
 * at_risk to on_track when a grant is added.
 */
describe.skipIf(!haveChromium)('web UI: frontier models, designation and voluntary pre-release access', () => {
  const w = browserWorld(people);
  let versionUrl = '';

  it('a developer registers a model, declares a fact, sees every rule set side by side and asks whether it is covered', async () => {
    const page = await newPage(w.browser, w.scriptErrors);
    await logIn(page, w.server.url, developer.email, PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Model registry' }).click();
    await page.getByRole('button', { name: 'Register a model' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Model name/).fill('Aurora');
    await dialog.getByLabel(/^Family/).fill('Aurora');
    await dialog.getByRole('button', { name: 'Register model' }).click();
    await page.getByRole('heading', { name: 'Aurora' }).waitFor();

    await page.getByRole('button', { name: 'Add a version' }).click();
    await dialog.getByLabel(/^Version/).fill('1.0');
    await dialog.getByLabel(/^Planned public release/).fill(localInput(60));
    await dialog.getByRole('button', { name: 'Add version' }).click();
    await page.getByRole('heading', { name: 'Aurora 1.0' }).waitFor();
    versionUrl = page.url();

    await page.getByRole('button', { name: 'Declare a fact' }).click();
    await choose(page, 'Fact', 'Training compute, pre-training');
    await dialog.getByLabel(/^Value/).fill('2e26');
    await dialog.getByRole('button', { name: 'Record the fact' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const eu = page.locator('[data-rule-set="eu-ai-act-gpai-systemic-risk"]');
    await expect.poll(() => eu.getAttribute('data-outcome')).toBe('covered');
    expect(await page.locator('[data-rule-set]').count()).toBeGreaterThanOrEqual(4);

    await page.getByRole('button', { name: 'Ask whether it is covered' }).click();
    await dialog.getByLabel(/^Your question/).fill('We plan an API release in two months. Is Aurora 1.0 a covered frontier model?');
    await dialog.getByRole('button', { name: 'Send the inquiry' }).click();
    await page.getByText('Your inquiry is recorded').waitFor();
    await page.screenshot({ path: screenshotPath('frontier-coverage.png'), fullPage: true });
    await page.context().close();
  });

  it('a cleared analyst sees the review and designates the model with a summary rationale', async () => {
    const page = await newPage(w.browser, w.scriptErrors);
    await logIn(page, w.server.url, analyst.email, PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Designation reviews' }).click();
    await page
      .getByRole('table', { name: 'Designation reviews' })
      .getByRole('link', { name: /^Review/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Designation review' }).waitFor();
    // The rule sets' `covered` opened the review (proposed); the inquiry was routed to it.
    await page.getByRole('button', { name: 'Start the review' }).click();
    const form = page.getByRole('form', { name: 'Authority decision' });
    await form.waitFor();
    await form.getByLabel(/^Basis/).fill('Classified range run 2026-12, track results on file.');
    await form.getByLabel(/^Rationale/).fill(FULL_RATIONALE);
    await form.getByLabel(/^Summary for the developer/).fill(SUMMARY);
    await form.getByRole('radio', { name: 'Summary' }).check();
    await form.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText('Standing decision').waitFor();
    // The review's access list: a cleared colleague is named on it.
    const access = page.getByRole('form', { name: 'Review access' });
    await access.getByLabel(/^Add cleared users/).click();
    await page.getByRole('option', { name: /Cleo Colleague/ }).click();
    await access.getByRole('button', { name: 'Add to the access list' }).click();
    await page.getByRole('table', { name: 'Access list' }).getByText(colleague.email, { exact: false }).waitFor();
    await page.screenshot({ path: screenshotPath('frontier-review-decided.png'), fullPage: true });
    // …and taken off again, after a confirmation.
    await page.getByRole('button', { name: `Take ${colleague.name} <${colleague.email}> off the access list` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Take off' }).click();
    await page.getByRole('table', { name: 'Access list' }).getByText(colleague.email, { exact: false }).waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('the developer sees the outcome and the summary, not the full rationale, then plans access: at_risk turns on_track with a grant', async () => {
    const page = await newPage(w.browser, w.scriptErrors);
    await logIn(page, w.server.url, developer.email, PASSWORD);
    await page.goto(versionUrl);
    const outcome = page.getByTestId('designation-outcome');
    await outcome.getByText('designated', { exact: true }).waitFor();
    expect(await page.getByTestId('designation-rationale').textContent()).toBe(SUMMARY);
    expect(await page.content()).not.toContain(FULL_RATIONALE);

    await page.getByRole('button', { name: 'Plan access' }).click();
    await page.getByRole('heading', { name: /^Access plan/ }).waitFor();
    const status = page.getByTestId('window-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('at_risk');
    await page.screenshot({ path: screenshotPath('frontier-timeline-at-risk.png'), fullPage: true });

    await page.getByRole('button', { name: 'Add a grant' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Grantee' }).fill('Clearing');
    await page.getByRole('option', { name: 'Clearinghouse' }).click();
    await choose(page, 'Access kind', /^Black-box API/);
    await choose(page, 'Environment', /developer/i);
    await dialog.getByLabel(/^Access from/).fill(localInput(1));
    await dialog.getByLabel(/^Access until/).fill(localInput(59));
    await dialog.getByRole('button', { name: 'Record the grant' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => status.getAttribute('data-status')).toBe('on_track');
    expect(await page.getByTestId('access-timeline').locator('svg .recharts-reference-area').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('frontier-timeline-on-track.png'), fullPage: true });

    // The portfolio dashboard lists the designated version with the same live status.
    await page.getByRole('navigation').getByRole('link', { name: 'Portfolio' }).click();
    const row = page.getByRole('table', { name: 'Designated models' }).getByRole('row').filter({ hasText: 'Aurora 1.0' });
    await row.waitFor();
    expect(await row.getByTestId('window-status').getAttribute('data-status')).toBe('on_track');
    await page.screenshot({ path: screenshotPath('frontier-portfolio.png'), fullPage: true });

    // The review itself is classified: to the developer it does not exist.
    await page.getByRole('navigation').getByRole('link', { name: 'Designation reviews' }).click();
    await page.getByText('No designation reviews you are cleared for.').waitFor();
    await page.context().close();
  });
});
