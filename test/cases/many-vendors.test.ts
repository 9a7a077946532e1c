import { beforeEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/services/actor';
import { inviteVendors } from '../../src/services/cases/invite';
import { openCase } from '../../src/services/cases/open';
import { caseStatements, caseVendors, getCase } from '../../src/services/cases/reads';
import { recordStatement } from '../../src/services/cases/statements';
import { createOrganisation } from '../../src/services/organisations';
import { databasePerFile } from '../helpers/database-per-file';
import { DRIVERS } from '../helpers/databases';
import { makePrincipal } from '../helpers/factories';
import { caseWorld, type CaseWorld } from './world';

const VENDORS = 300;

describe.each(DRIVERS)('a campaign case with %s hundred vendors', (driver) => {
  const db = databasePerFile(driver);
  let w: CaseWorld;
  beforeEach(async () => {
    w = await caseWorld(db(), 1);
  }, 60_000);

  it('invites hundreds of vendors in one step and pages through them', async () => {
    const orgs: string[] = [];
    for (let i = 0; i < VENDORS; i++)
      orgs.push((await createOrganisation(w.ctx, CLI_ACTOR, { name: `Vendor ${String(i).padStart(3, '0')} ${driver}`, kind: 'software_vendor' })).id);
    orgs.push(w.vendors[0]!.organisationId);
    const c = await openCase(w.ctx, w.analyst, {
      kind: 'campaign',
      title: 'Zip slip across archive libraries',
      summary: 'The same unchecked entry name in many extractors.',
      pattern: 'archive entry names joined to the target directory without normalisation',
      cwe: 'CWE-22',
      vulnerabilities: [{ title: 'Zip slip (generic)' }, { title: 'Zip slip in vendor 0 product', vendorOrganisationId: w.vendors[0]!.organisationId }],
    });
    const invited = await inviteVendors(w.ctx, w.analyst, c.id, orgs);
    expect(invited.vendorCount).toBe(VENDORS + 1);
    const seen = new Set<string>();
    let total = 0;
    for (let offset = 0; ; offset += 100) {
      const r = await caseVendors(w.ctx, w.analyst, c.id, { limit: 100, offset });
      total = r.total;
      for (const v of r.items) seen.add(v.organisationId);
      if (r.items.length < 100) break;
    }
    expect(total).toBe(VENDORS + 1);
    expect(seen).toEqual(new Set(orgs));
    // The per-vendor view: the vendor sees itself, both vulnerabilities; others see only the generic one.
    const vendor = w.vendors[0]!;
    const mine = await getCase(w.ctx, vendor, c.id);
    expect(mine.vulnerabilities.map((v) => v.title).sort()).toEqual(['Zip slip (generic)', 'Zip slip in vendor 0 product']);
    const own = mine.vulnerabilities.find((v) => v.vendorOrganisationId === vendor.organisationId)!;
    const other = await makePrincipal(w.ctx, { organisationId: orgs[0]!, role: 'admin' });
    expect((await getCase(w.ctx, other, c.id)).vulnerabilities.map((v) => v.title)).toEqual(['Zip slip (generic)']);
    await expect(recordStatement(w.ctx, other, c.id, own.id, { status: 'affected' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await recordStatement(w.ctx, vendor, c.id, own.id, { status: 'under_investigation' });
    const page = await caseVendors(w.ctx, vendor, c.id, { limit: 100, offset: 0 });
    expect(page.items).toMatchObject([{ organisationId: vendor.organisationId, statementCount: 1 }]);
    expect((await caseStatements(w.ctx, w.analyst, c.id, vendor.organisationId, { limit: 10, offset: 0 })).total).toBe(1);
  }, 120_000);
});
