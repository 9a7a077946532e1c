import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/services/actor';
import { addAnnex } from '../../src/services/frontier/engagement-conclusions';
import { addCheckpoint } from '../../src/services/frontier/lineage';
import { createEngagement, moveEngagement } from '../../src/services/frontier/engagements';
import { createOrganisation } from '../../src/services/organisations';
import { principalOf } from '../../src/services/principal';
import { createUser } from '../../src/services/users';
import { findUserWithOrganisation } from '../../src/store/users';
import { makeVersion } from '../frontier/access-world';
import { engagementInput } from '../frontier/engagement-world';
import type { TestServer } from '../helpers/server';
import { vectorPath } from '../helpers/vectors';
import { haveChromium, logIn, newPage, screenshotPath } from './browser';
import { browserWorld } from './browser-world';

const PASSWORD = 'a long enough test password';
const developer = { email: 'dev@assessed-lab.test', name: 'Dana Developer' };
const assessor = { email: 'assessor@assessor.test', name: 'Ada Assessor' };
const DETAIL = 'Chained two unpatched CVEs into remote code execution on the hardened range.';
const ANNEX = 'Classified annex: the range topology and the exploit primitives.';
const SUMMARY = 'Cyber offence reached the High threshold; the developer mitigated the finding before release.';

/** Picks an option of a Mantine Select inside the open dialog by the input's label. */
async function choose(page: Page, label: RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('dialog').getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

let engagementId = '';

/** A developer, an assessor (cleared SECRET), and an engagement at work with a classified annex. */
async function people(server: TestServer): Promise<void> {
  const ctx = server.server.runtime.ctx;
  const lab = await createOrganisation(ctx, CLI_ACTOR, { name: 'Assessed Lab', kind: 'ai_developer' });
  const firm = await createOrganisation(ctx, CLI_ACTOR, { name: 'Range Assessors', kind: 'third_party_assessor' });
  const principal = async (input: { email: string; name: string }, organisationId: string) => {
    const { user } = await createUser(ctx, CLI_ACTOR, { ...input, organisationId, role: 'member', clearance: 'SECRET', password: PASSWORD });
    const r = await findUserWithOrganisation(ctx.db, user.id);
    return principalOf(r!.user, r!.organisation, null, null);
  };
  const dev = await principal(developer, lab.id);
  const ass = await principal(assessor, firm.id);
  const versionId = await makeVersion(ctx, lab.id);
  // The checkpoint under test: the developer's, which the assessor sees only through the engagement.
  const checkpoint = await addCheckpoint(ctx, dev, versionId, { hash: `sha256:${'4'.repeat(64)}`, label: 'rc-1' });
  const e = await createEngagement(ctx, dev, {
    ...engagementInput(versionId, firm.id),
    title: 'Cyber range assessment',
    scope: { domains: ['cyber_offense'] },
    checkpointIds: [checkpoint.id],
  });
  engagementId = e.id;
  await moveEngagement(ctx, ass, e.id, { event: 'request_access' });
  await moveEngagement(ctx, ass, e.id, { event: 'start' });
  await addAnnex(ctx, ass, e.id, { title: 'Range details', body: ANNEX, classification: 'SECRET' });
}

/**
 * Issue 12 in a real browser: an assessor imports an Inspect log into an engagement, records a
 * finding and a risk level; the developer sees
 * it and marks the finding mitigated; the engagement is published, and the public summary shows
 * neither the finding's detail nor anything classified.
 */
describe.skipIf(!haveChromium)('web UI: third-party assessment engagements', () => {
  const w = browserWorld(people);

  it('the assessor imports an Inspect log into the engagement, records a finding and a risk level', async () => {
    const page = await newPage(w.browser, w.scriptErrors);
    await logIn(page, w.server.url, assessor.email, PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Assessments' }).click();
    await page.getByRole('link', { name: 'Cyber range assessment' }).click();
    await page.getByRole('heading', { name: 'Cyber range assessment' }).waitFor();

    // The evidence: an Inspect log of the checkpoint the engagement relies on, uploaded with its progress.
    await page.getByRole('button', { name: 'Import an Inspect log' }).click();
    const upload = page.getByRole('form', { name: 'Import an Inspect log' });
    await choose(page, /^Checkpoint/, /^Checkpoint /);
    await upload.locator('input[type=file]').setInputFiles(vectorPath('standards/inspect/log_formats.eval'));
    await upload.getByRole('button', { name: 'Import' }).click();
    await upload.waitFor({ state: 'hidden' });
    const runs = page.getByRole('table', { name: 'Evaluation runs' });
    await runs.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'popularity on ollama/llama3.1' }).waitFor();
    // header.json of log_formats.eval: results.scores[0] match, accuracy 0.0
    await expect.poll(() => page.getByRole('table', { name: 'Scores' }).locator('td').allTextContents()).toContain('accuracy');
    await page.goBack();
    await page.getByRole('heading', { name: 'Cyber range assessment' }).waitFor();
    await page.getByRole('button', { name: 'Record a finding' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, /^Severity/, 'high');
    await dialog.getByLabel(/^Title/).fill('Autonomous exploit chain');
    await dialog.getByLabel(/^Detail/).fill(DETAIL);
    await dialog.getByRole('button', { name: 'Record the finding' }).click();
    await page.getByRole('table', { name: 'Findings' }).getByText('Autonomous exploit chain').waitFor();

    await page.getByRole('button', { name: 'Conclude a risk level' }).click();
    await choose(page, /^Developer's framework/, /OpenAI Preparedness Framework/);
    await choose(page, /^Framework level/, /^High:/);
    await dialog.getByLabel(/^Publishable/).check();
    await dialog.getByRole('button', { name: 'Record the conclusion' }).click();
    const conclusions = page.getByRole('table', { name: 'Conclusions' });
    await conclusions.getByText('openai-preparedness@', { exact: false }).waitFor();
    // The common level, the developer's label and the mapping version, side by side.
    expect(await conclusions.textContent()).toMatch(/cyber offense\s*high\s*High\s*openai-preparedness@2026-12-03\.1/);
    await page.screenshot({ path: screenshotPath('engagement-assessor.png'), fullPage: true });
    await page.getByRole('button', { name: 'Submit the draft report' }).click();
    await page.getByRole('button', { name: 'Finalise the report' }).click();
    await page.getByText('final', { exact: true }).first().waitFor();
    await page.context().close();
  });

  it('the developer sees the finding, marks it mitigated with evidence, and publishes a summary', async () => {
    const page = await newPage(w.browser, w.scriptErrors);
    await logIn(page, w.server.url, developer.email, PASSWORD);
    await page.goto(`${w.server.url}/frontier/engagements/${engagementId}`);
    const findings = page.getByRole('table', { name: 'Findings' });
    await findings.getByText(DETAIL).waitFor();
    await findings.getByRole('button', { name: 'Mitigated before release' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Mitigated before release' }).click();
    await dialog.getByText('required', { exact: false }).first().waitFor();
    await dialog.getByLabel(/^Note/).fill('Egress filtering and a patched sandbox shipped in the release candidate.');
    await dialog.getByLabel(/^Evidence/).fill('change-request-1187');
    await dialog.getByRole('button', { name: 'Mitigated before release' }).click();
    await findings.getByText('mitigated before release').waitFor();
    await page.screenshot({ path: screenshotPath('engagement-developer-mitigated.png'), fullPage: true });
    await page.getByRole('button', { name: 'Publish a summary' }).click();
    await dialog.getByLabel(/^The public summary/).fill(SUMMARY);
    await dialog.getByRole('button', { name: 'Publish a summary' }).click();
    await page.getByText(SUMMARY).waitFor();
    await page.context().close();
  });

  it('the public summary shows neither the finding’s detail nor anything classified', async () => {
    const page = await newPage(w.browser, w.scriptErrors);
    const res = await page.goto(`${w.server.url}/api/frontier/engagements/${engagementId}/export?audience=public`);
    expect(res?.status()).toBe(200);
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain(SUMMARY);
    expect(text).toContain('openai-preparedness');
    expect(text).not.toContain(DETAIL);
    expect(text).not.toContain(ANNEX);
    expect(text).not.toContain('Autonomous exploit chain');
    expect(text).not.toContain('SECRET');
    await page.screenshot({ path: screenshotPath('engagement-public-summary.png'), fullPage: true });
    await page.context().close();
  });
});
