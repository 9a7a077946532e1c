import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/services/actor';
import { addCheckpoint } from '../../src/services/frontier/lineage';
import { createModel } from '../../src/services/frontier/models';
import { createOrganisation } from '../../src/services/organisations';
import { principalOf } from '../../src/services/principal';
import { createUser } from '../../src/services/users';
import { findUserWithOrganisation } from '../../src/store/users';
import type { TestServer } from '../helpers/server';
import { vectorPath } from '../helpers/vectors';
import { haveChromium, logIn, newPage, screenshotPath } from './browser';
import { browserWorld } from './browser-world';

const PASSWORD = 'a long enough test password';
const developer = { email: 'dev@eval-lab.test', name: 'Evan Evaluator' };

/** A lab's model "Meridian" 1.0 with one checkpoint, labelled `rc-1`. */
async function world(server: TestServer): Promise<void> {
  const ctx = server.server.runtime.ctx;
  const lab = await createOrganisation(ctx, CLI_ACTOR, { name: 'Eval Lab', kind: 'ai_developer' });
  const { user } = await createUser(ctx, CLI_ACTOR, { ...developer, organisationId: lab.id, role: 'member', password: PASSWORD });
  const dev = await findUserWithOrganisation(ctx.db, user.id);
  const p = principalOf(dev!.user, dev!.organisation, null, null);
  const model = await createModel(ctx, p, { name: 'Meridian', versions: [{ version: '1.0' }] });
  await addCheckpoint(ctx, p, model.versions[0]!.id, { hash: `sha256:${'cd34'.repeat(16)}`, label: 'rc-1' });
}

/** Issue 12: a developer uploads an Inspect .eval log through the form (with progress), reads the run, and charts the task. */
describe.skipIf(!haveChromium)('web UI: evaluation runs from Inspect logs', () => {
  const w = browserWorld(world);

  it('uploads an .eval log against a checkpoint and shows its scores, usage and a chart across checkpoints', async () => {
    const page = await newPage(w.browser, w.scriptErrors);
    await logIn(page, w.server.url, developer.email, PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Evaluation runs' }).click();
    await page.getByRole('button', { name: 'Import an Inspect log' }).click();
    const form = page.getByRole('form', { name: 'Import an Inspect log' });
    const choose = async (label: RegExp, option: RegExp) => {
      await form.getByRole('combobox', { name: label }).click();
      await page.getByRole('option', { name: option }).click();
    };
    await choose(/^Model/, /^Meridian$/);
    await choose(/^Version/, /^1\.0$/);
    await choose(/^Checkpoint/, /^rc-1/);
    await form.locator('input[type=file]').setInputFiles(vectorPath('standards/inspect/log_formats.eval'));
    await form.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'popularity on ollama/llama3.1' }).waitFor();
    const scores = page.getByRole('table', { name: 'Scores' });
    // header.json of log_formats.eval: results.scores[0] match (accuracy 0.0, stderr 0.0); stats.model_usage 66 / 2 / 68
    await expect.poll(() => scores.locator('td').allTextContents()).toEqual(['match', '—', 'accuracy', '0', 'match', '—', 'stderr', '0']);
    await expect.poll(() => page.getByRole('table', { name: 'Token usage' }).locator('td').allTextContents()).toEqual(['ollama/llama3.1', '66', '2', '68']);
    await page.screenshot({ path: screenshotPath('frontier-evaluation-run.png'), fullPage: true });

    await page.getByRole('navigation').getByRole('link', { name: 'Evaluation runs' }).click();
    await page.getByRole('combobox', { name: /^Model/ }).click();
    await page.getByRole('option', { name: /^Meridian$/ }).click();
    await page.getByRole('textbox', { name: /^Task/ }).fill('popularity');
    await page.getByRole('heading', { name: 'popularity across checkpoints' }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await page.screenshot({ path: screenshotPath('frontier-evaluations.png'), fullPage: true });
  });
});
