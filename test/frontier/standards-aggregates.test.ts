import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/domain/identity/principal';
import { addGrant } from '../../src/services/frontier/access-grants';
import { createPlan } from '../../src/services/frontier/access-plans';
import { attest } from '../../src/services/frontier/attestations';
import { seedBuiltInPracticeCatalogues } from '../../src/services/frontier/practices';
import { type PublishedScorecards, publishedScorecards } from '../../src/services/frontier/scorecards';
import { databasePerFile } from '../helpers/database-per-file';
import { contextFor, DRIVERS } from '../helpers/databases';
import { makeOrganisation, makePrincipal } from '../helpers/factories';
import { makeVersion } from './access-world';

const DAY = 86_400_000;

const cellsOf = (p: PublishedScorecards, id: string) => Object.fromEntries(p.tables.find((t) => t.id === id)!.cells.map((c) => [c.key, c.developers]));

/** Every number a reader gets, and the totals they can difference. */
function differencingLeaks(p: PublishedScorecards, k: number): string[] {
  const leaks: string[] = [];
  for (const t of p.tables) {
    for (const c of t.cells) if (c.developers !== null && c.developers > 0 && c.developers < k) leaks.push(`${t.id}.${c.key} = ${c.developers}`);
    if (p.developers === null) {
      if (t.cells.some((c) => c.developers !== null)) leaks.push(`${t.id} published under a small population`);
      continue;
    }
    // The total minus the published cells: what the withheld cells hold together.
    const withheld = t.cells.filter((c) => c.developers === null);
    const rest = p.developers - t.cells.reduce((s, c) => s + (c.developers ?? 0), 0);
    if (withheld.length === 1) leaks.push(`${t.id}: one withheld cell, recoverable as ${rest}`);
    if (withheld.length > 1 && rest - (withheld.length - 1) < k) leaks.push(`${t.id}: withheld cells provably small (${rest} in ${withheld.length})`);
  }
  return leaks;
}

describe.each(DRIVERS)('published scorecard aggregates on %s', (driver) => {
  const db = databasePerFile(driver);

  it('publish nothing for 1 or 2 developers, publish 3, and never let a total minus a subgroup single one out', async () => {
    const ctx = contextFor(db().database);
    await seedBuiltInPracticeCatalogues(ctx);
    const agency = (await makeOrganisation(ctx, { kind: 'government_agency' })).id;
    const at = (d: number) => new Date(ctx.clock.now.getTime() + d * DAY);
    const developers: Principal[] = [];
    /** A developer with a released designated version (access given `days` before release) and an incident-reporting attestation. */
    const addDeveloper = async (days: number, practices: string[] = ['incident-reporting']) => {
      const dev = await makePrincipal(ctx, { organisationId: (await makeOrganisation(ctx, { kind: 'ai_developer' })).id });
      developers.push(dev);
      const versionId = await makeVersion(ctx, dev.organisationId, { general: at(40) });
      const plan = await createPlan(ctx, dev, { versionId });
      await addGrant(ctx, dev, plan.id, {
        granteeOrganisationId: agency,
        accessKind: 'api_production',
        environment: 'developer_cloud',
        startsAt: at(40 - days),
        endsAt: at(60),
      });
      for (const practiceId of practices)
        await attest(ctx, dev, {
          practiceId,
          status: 'implemented',
          evidence: [{ kind: 'document', ref: `policy of ${dev.organisationId}` }],
          expiresAt: at(400),
        });
    };
    const read = async () => {
      const saved = ctx.clock.now;
      ctx.clock.now = at(50); // every release reached
      const p = await publishedScorecards(ctx);
      ctx.clock.now = saved;
      return p;
    };

    // Group of 1.
    await addDeveloper(35);
    let p = await read();
    expect(p.developers).toBeNull();
    expect(differencingLeaks(p, 3)).toEqual([]);
    expect(JSON.stringify(p)).not.toContain('"developers":1');

    // Group of 2.
    await addDeveloper(32);
    p = await read();
    expect(p.developers).toBeNull();
    expect(p.tables.filter((t) => t.tracked).every((t) => t.cells.every((c) => c.developers === null))).toBe(true);
    expect(differencingLeaks(p, 3)).toEqual([]);

    // Group of 3: published, with the mean of the three.
    await addDeveloper(38);
    p = await read();
    expect(p.developers).toBe(3);
    expect(cellsOf(p, 'practice:incident-reporting')).toEqual({ implemented: 3, partial_or_planned: 0, none_current: 0 });
    expect(p.tables.find((t) => t.id === 'access_window')!.cells[0]).toEqual({ key: 'all_met', developers: 3, meanEffectiveAccessDays: 35 });
    expect(cellsOf(p, 'access_kind:api_production')).toEqual({ given: 3, not_given: 0 });
    // Findings are tracked (the assessments module): none of the three has any. Incidents are not tracked yet.
    expect(p.tables.find((t) => t.id === 'findings')).toMatchObject({
      tracked: true,
      cells: [
        { key: 'all_mitigated_before_release', developers: 0 },
        { key: 'some_not_mitigated', developers: 0 },
        { key: 'no_findings', developers: 3 },
      ],
    });
    expect(p.tables.find((t) => t.id === 'incidents')).toMatchObject({ tracked: false, cells: [] });
    expect(differencingLeaks(p, 3)).toEqual([]);

    // A fourth developer alone in two groups: late access, and the only one with a disclosure policy.
    await addDeveloper(10, ['incident-reporting', 'vulnerability-disclosure-policy']);
    p = await read();
    expect(p.developers).toBe(4);
    // The differencing attack: 4 total − 3 "all met" would give the late one away; both are withheld.
    expect(cellsOf(p, 'access_window')).toEqual({ all_met: null, some_not_met: null, none_released: 0 });
    expect(cellsOf(p, 'practice:vulnerability-disclosure-policy')).toEqual({ implemented: null, partial_or_planned: 0, none_current: null });
    expect(cellsOf(p, 'practice:incident-reporting')).toEqual({ implemented: 4, partial_or_planned: 0, none_current: 0 });
    expect(p.tables.find((t) => t.id === 'access_window')!.cells.every((c) => c.meanEffectiveAccessDays !== 10)).toBe(true);
    expect(differencingLeaks(p, 3)).toEqual([]);
    expect(JSON.stringify(p)).not.toContain(developers[3]!.organisationId);
  }, 300_000);
});
