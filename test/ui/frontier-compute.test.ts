import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/services/actor';
import { registerCluster } from '../../src/services/frontier/compute-clusters';
import { registerFacility } from '../../src/services/frontier/compute-facilities';
import { createOrganisation } from '../../src/services/organisations';
import { principalOf } from '../../src/services/principal';
import { createUser } from '../../src/services/users';
import { findUserWithOrganisation } from '../../src/store/users';
import type { TestServer } from '../helpers/server';
import { haveChromium, logIn, newPage, screenshotPath } from './browser';
import { browserWorld } from './browser-world';

const PASSWORD = 'a long enough test password';
const owner = { email: 'ops@compute-cloud.test', name: 'Olga Operator' };
const ids = { clusterId: '' };

/** A cloud provider's facility (location restricted to it) with a cluster of 20,001 GB200 GPUs at 400 Gbit/s. */
async function world(server: TestServer): Promise<void> {
  const ctx = server.server.runtime.ctx;
  const org = await createOrganisation(ctx, CLI_ACTOR, { name: 'Compute Cloud', kind: 'ai_developer' });
  const { user } = await createUser(ctx, CLI_ACTOR, { ...owner, organisationId: org.id, role: 'member', password: PASSWORD });
  const row = await findUserWithOrganisation(ctx.db, user.id);
  const p = principalOf(row!.user, row!.organisation, null, null);
  const f = await registerFacility(ctx, p, {
    name: 'Prairie hall',
    country: 'US',
    region: 'US-IA',
    site: 'Des Moines',
    powerCapacityMw: 250,
    status: 'operational',
  });
  const c = await registerCluster(ctx, p, {
    facilityId: f.id,
    name: 'Prairie-1',
    inventory: [{ acceleratorId: 'nvidia-gb200-gpu', count: 20_001 }],
    interconnectGbps: 400,
    status: 'operational',
    firstOperationalOn: '2026-06-01',
  });
  ids.clusterId = c.id;
}

describe.skipIf(!haveChromium)('web UI: the compute registry', () => {
  const w = browserWorld(world);

  it('the owner sees its facility with the location, the cluster flagged under both rules, and the catalogue', async () => {
    const page = await newPage(w.browser, w.scriptErrors);
    await logIn(page, w.server.url, owner.email, PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Compute' }).click();
    const facilities = page.getByRole('table', { name: 'Facilities' });
    await expect.poll(() => facilities.textContent()).toContain('Prairie hall');
    expect(await facilities.textContent()).toContain('US · US-IA · Des Moines');
    const clusters = page.getByRole('table', { name: 'Clusters' });
    // Badges are shown in capitals (CSS); the text is the rule id and version.
    await expect.poll(async () => (await clusters.textContent())?.toLowerCase()).toContain('us-bis-2024-cluster@2024-09-11');
    await page.screenshot({ path: screenshotPath('frontier-compute-registry.png'), fullPage: true });

    await clusters.getByRole('link', { name: 'Prairie-1' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Inventory' }).textContent()).toContain('nvidia-gb200-gpu');
    await expect.poll(() => page.getByText(/computer: 4A090\.a/).count()).toBeGreaterThan(0);

    await page.goto(`${w.server.url}/frontier/compute/accelerators`);
    const catalogue = page.getByRole('table', { name: 'Accelerators' });
    await expect.poll(() => catalogue.textContent()).toContain('H100 SXM5 80GB');
    await page.screenshot({ path: screenshotPath('frontier-compute-accelerators.png'), fullPage: true });
  });
});
