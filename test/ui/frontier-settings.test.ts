import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/services/actor';
import { addGrant } from '../../src/services/frontier/access-grants';
import { createPlan } from '../../src/services/frontier/access-plans';
import { createModel } from '../../src/services/frontier/models';
import { createOrganisation } from '../../src/services/organisations';
import { principalOf } from '../../src/services/principal';
import { createUser } from '../../src/services/users';
import { findUserByEmail, findUserWithOrganisation } from '../../src/store/users';
import type { TestServer } from '../helpers/server';
import { haveChromium, logIn, newPage, screenshotPath } from './browser';
import { browserWorld } from './browser-world';

const PASSWORD = 'a long enough test password';
const developer = { email: 'dev@terms-lab.test', name: 'Dana Developer' };
const NDA = 'No disclosure of outputs or weights outside the named evaluation team.';
const CHECKPOINT = `sha256:${'ab12'.repeat(16)}`;
const DAY = 86_400_000;

/** A `datetime-local` value (the browser's local time, the same zone as this process) `days` from now. */
function localInput(days: number): string {
  const d = new Date(Date.now() + days * DAY);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const ids = { planId: '', versionId: '' };

/**
 * A developer's model version, released publicly in 60 days, with an access plan granting the
 * clearinghouse (the admin's organisation, so the admin speaks for the grantee) ten days of access
 * before the release: short of a 30-day minimum, enough under the maximum reading.
 */
async function world(server: TestServer): Promise<void> {
  const ctx = server.server.runtime.ctx;
  const lab = await createOrganisation(ctx, CLI_ACTOR, { name: 'Terms Lab', kind: 'ai_developer' });
  const { user } = await createUser(ctx, CLI_ACTOR, { ...developer, organisationId: lab.id, role: 'member', password: PASSWORD });
  const dev = await findUserWithOrganisation(ctx.db, user.id);
  const p = principalOf(dev!.user, dev!.organisation, null, null);
  const releaseAt = new Date(Date.now() + 60 * DAY);
  const model = await createModel(ctx, p, {
    name: 'Borealis',
    family: 'Borealis',
    versions: [{ version: '2.0', plannedGeneralRelease: releaseAt.toISOString() }],
  });
  ids.versionId = model.versions.find((v) => v.version === '2.0')!.id;
  const plan = await createPlan(ctx, p, { versionId: ids.versionId });
  ids.planId = plan.id;
  // The base the lineage step names as the parent of Borealis 2.0.
  await createModel(ctx, p, { name: 'Borealis base', family: 'Borealis', versions: [{ version: '1.0' }] });
  await addGrant(ctx, p, plan.id, {
    granteeOrganisationId: server.admin.organisationId,
    accessKind: 'api_production',
    environment: 'developer_cloud',
    startsAt: new Date(releaseAt.getTime() - 10 * DAY),
    endsAt: new Date(releaseAt.getTime() - DAY),
  });
  expect(await findUserByEmail(ctx.db, server.admin.email)).toBeTruthy();
}

const grantSection = (page: Page) => page.getByRole('region', { name: /^Grant to / });

/**
 * The frontier operations beyond the first browser test: the admin's access-window policy (the
 * plan's status follows the reading chosen), a grant's terms recorded and acknowledged by both
 * sides, an access session recorded by the grantee and seen by the developer, and a checkpoint.
 */
describe.skipIf(!haveChromium)('web UI: frontier settings, grant terms, the access log checkpoints and lineage', () => {
  const w = browserWorld(world);

  it("an admin reads the window as a maximum and the plan's status follows", async () => {
    const page = await newPage(w.browser, w.scriptErrors);
    await logIn(page, w.server.url, w.server.admin.email, w.server.admin.password);
    await page.goto(`${w.server.url}/frontier/plans/${ids.planId}`);
    const status = page.getByTestId('window-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('at_risk');

    await page.getByRole('navigation').getByRole('link', { name: 'Frontier settings' }).click();
    const form = page.getByRole('form', { name: 'Access-window policy' });
    await form.waitFor();
    // A bad window length lands on its field, and nothing changes.
    await form.getByLabel(/^Window \(days\)/).fill('-5');
    await form.getByRole('button', { name: 'Save the policy' }).click();
    await expect.poll(() => form.getByLabel(/^Window \(days\)/).getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel(/^Window \(days\)/).fill('30');
    await form.getByRole('radio', { name: /^Maximum/ }).check();
    await form.getByRole('button', { name: 'Save the policy' }).click();
    await page.getByText('The policy is recorded.').waitFor();
    await page.screenshot({ path: screenshotPath('frontier-settings.png'), fullPage: true });

    await page.goto(`${w.server.url}/frontier/plans/${ids.planId}`);
    await expect.poll(() => page.getByTestId('window-status').getAttribute('data-status')).toBe('on_track');
    await page.getByText(/up to 30 days before the public release/).waitFor();
    await page.context().close();
  });

  it('the developer records the terms and acknowledges them; the grantee acknowledges and records a session', async () => {
    const dev = await newPage(w.browser, w.scriptErrors);
    await logIn(dev, w.server.url, developer.email, PASSWORD);
    await dev.goto(`${w.server.url}/frontier/plans/${ids.planId}`);
    const grant = grantSection(dev);
    await grant.getByRole('button', { name: 'Record the terms…' }).click();
    const terms = dev.getByRole('form', { name: 'Terms of the grant' });
    await terms.getByLabel('Confidentiality and non-disclosure').fill(NDA);
    // A term the server refuses is named under its own text, not in a banner for the whole list.
    const restrictions = terms.getByLabel('Use restrictions');
    await restrictions.fill('x'.repeat(5001));
    await terms.getByRole('button', { name: 'Record the terms' }).click();
    await dev.waitForFunction(() => document.querySelector('textarea[aria-invalid="true"]') !== null);
    expect(await restrictions.getAttribute('aria-invalid')).toBe('true');
    expect(await terms.getByLabel('Confidentiality and non-disclosure').getAttribute('aria-invalid')).not.toBe('true');
    await restrictions.fill('Evaluation only; no training on outputs.');
    expect(await restrictions.getAttribute('aria-invalid')).not.toBe('true');
    await terms.getByRole('button', { name: 'Record the terms' }).click();
    await terms.waitFor({ state: 'hidden' });
    await grant.getByText(NDA).waitFor();
    await grant.getByRole('button', { name: 'Acknowledge version 1 for my side' }).click();
    await grant.locator('[data-side="developer"]').waitFor();
    await dev.context().close();

    const admin = await newPage(w.browser, w.scriptErrors);
    await logIn(admin, w.server.url, w.server.admin.email, w.server.admin.password);
    await admin.goto(`${w.server.url}/frontier/plans/${ids.planId}`);
    const theirs = grantSection(admin);
    await theirs.getByText(NDA).waitFor();
    await theirs.getByRole('button', { name: 'Acknowledge version 1 for my side' }).click();
    await theirs.locator('[data-side="grantee"]').waitFor();
    expect(await theirs.locator('[data-side]').count()).toBe(2);

    await theirs.getByRole('button', { name: 'Record a session…' }).click();
    const session = admin.getByRole('form', { name: 'Session of use' });
    // A session without its person is refused on that field.
    await session.getByLabel(/^Session from/).fill(localInput(-1));
    await session.getByRole('button', { name: 'Record the session' }).click();
    await expect.poll(() => session.getByLabel(/^Who used the access/).getAttribute('aria-invalid')).toBe('true');
    await session.getByLabel(/^Who used the access/).fill('eval-bot@clearinghouse');
    await session.getByRole('button', { name: 'Record the session' }).click();
    await session.waitFor({ state: 'hidden' });
    await theirs.getByRole('table', { name: 'Access log' }).getByText('eval-bot@clearinghouse').waitFor();
    await admin.context().close();
  });

  it('the developer sees who accessed its model, adds a checkpoint to the version and records its lineage', async () => {
    const page = await newPage(w.browser, w.scriptErrors);
    await logIn(page, w.server.url, developer.email, PASSWORD);
    await page.goto(`${w.server.url}/frontier/plans/${ids.planId}`);
    const log = grantSection(page).getByRole('table', { name: 'Access log' });
    const row = log.getByRole('row').filter({ hasText: 'eval-bot@clearinghouse' });
    await row.waitFor();
    expect(await row.textContent()).toContain('recorded');
    expect(await grantSection(page).locator('[data-side]').count()).toBe(2);
    await page.screenshot({ path: screenshotPath('frontier-terms-and-log.png'), fullPage: true });

    await page.goto(`${w.server.url}/frontier/versions/${ids.versionId}`);
    await page.getByRole('button', { name: 'Add a checkpoint' }).click();
    const form = page.getByRole('form', { name: 'Checkpoint' });
    await form.getByLabel(/^Hash/).fill('md5:1234');
    await form.getByRole('button', { name: 'Add the checkpoint' }).click();
    await expect.poll(() => form.getByLabel(/^Hash/).getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel(/^Hash/).fill(CHECKPOINT);
    await form.getByLabel(/^Label/).fill('rc-1');
    await form.getByRole('button', { name: 'Add the checkpoint' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'Checkpoints' }).getByText(CHECKPOINT).waitFor();

    // Lineage: Borealis 2.0 is a fine-tune of Borealis base 1.0, found among the versions the developer may see.
    await page.getByRole('button', { name: 'Record a parent' }).click();
    const lineage = page.getByRole('form', { name: 'Lineage' });
    await lineage.getByRole('combobox', { name: 'Relation' }).click();
    await page.getByRole('option', { name: 'fine tune of' }).click();
    // The picker searches the server (every model the developer may see, not a first page).
    await lineage.getByRole('combobox', { name: 'Parent version' }).fill('base');
    await page.getByRole('option', { name: 'Borealis base 1.0' }).click();
    await lineage.getByRole('button', { name: 'Record the lineage' }).click();
    await lineage.waitFor({ state: 'hidden' });
    const edge = page.getByRole('table', { name: 'Lineage' }).getByRole('row').filter({ hasText: 'fine tune of' });
    await edge.getByRole('link', { name: 'Borealis base 1.0' }).waitFor();
    await page.screenshot({ path: screenshotPath('frontier-checkpoints.png'), fullPage: true });
    await page.context().close();
  });
});
