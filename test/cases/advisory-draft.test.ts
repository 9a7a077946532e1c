import { beforeEach, describe, expect, it } from 'vitest';
import { viewerOf } from '../../src/domain/identity/principal';
import { getAdvisory } from '../../src/services/advisories/reads';
import { draftCaseAdvisory } from '../../src/services/cases/advisory';
import { inviteVendors } from '../../src/services/cases/invite';
import { openCase } from '../../src/services/cases/open';
import { getCase } from '../../src/services/cases/reads';
import { recordStatement } from '../../src/services/cases/statements';
import { submitChunk } from '../../src/services/intake/submit';
import { transitionReportBy } from '../../src/services/intake/triage';
import { databasePerFile } from '../helpers/database-per-file';
import { DRIVERS } from '../helpers/databases';
import { makePrincipal } from '../helpers/factories';
import { aiFinding } from '../intake/world';
import { caseWorld, type CaseWorld } from './world';

const VECTOR = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';

/**
 * Issue 9 item 20: a case's advisory draft carries what the reports and vendor statements
 * know — the package in its own ecosystem (PyPI here, not npm), the CVSS vector, the
 * consented public credits, and the vendor's fixed versions including a backport.
 */
describe.each(DRIVERS)('drafting an advisory from a case on %s', (driver) => {
  const db = databasePerFile(driver);
  let w: CaseWorld;
  beforeEach(async () => {
    w = await caseWorld(db(), 1);
  }, 60_000);

  const submitAs = async (p: Parameters<typeof submitChunk>[1], value: Record<string, unknown>) =>
    (await submitChunk(w.ctx, p, [{ index: 0, value }], { requestKey: null, source: 'api' })).results[0]!;

  it('fills ecosystem, severity, fixed versions (with a backport) and consented credits from the case', async () => {
    const f = aiFinding({
      target: { purl: 'pkg:pypi/pillowish@2.4.1', affectedVersions: ['2.4.0', '2.4.1'] },
      severity: { cvss: VECTOR },
      publicCredit: { consent: true, name: 'Lab A Research', model: true },
    });
    const first = await submitAs(w.reporter, f);
    expect(first.status).toBe('accepted');
    // A second finder consents under its own name, as a person; a third never consents.
    const second = await makePrincipal(w.ctx);
    expect(await submitAs(second, { ...f, provenance: { finderKind: 'human' }, publicCredit: { consent: true, name: 'Grace H.' } })).toMatchObject({
      status: 'duplicate',
    });
    const third = await makePrincipal(w.ctx);
    const { publicCredit: _consent, ...withoutChoice } = f;
    expect(
      await submitAs(third, { ...withoutChoice, provenance: { finderKind: 'ai', model: { name: 'quiet-model' }, autonomy: 'fully-autonomous' } }),
    ).toMatchObject({ status: 'duplicate' });
    await transitionReportBy(w.ctx, w.analyst, first.reportId!, { event: 'start-triage' });
    await transitionReportBy(w.ctx, w.analyst, first.reportId!, { event: 'accept' });
    const opened = await openCase(w.ctx, w.analyst, {
      kind: 'single',
      title: 'Heap overflow in pillowish',
      summary: 'A crafted image overflows the decoder buffer.',
      reportIds: [first.reportId!],
    });
    await inviteVendors(w.ctx, w.analyst, opened.id, [w.vendors[0]!.organisationId]);
    const vuln = (await getCase(w.ctx, w.analyst, opened.id)).vulnerabilities[0]!;
    await recordStatement(w.ctx, w.vendors[0]!, opened.id, vuln.id, {
      status: 'fixed',
      fixedVersions: ['2.4.2', '2.3.9'],
      actionStatement: 'Upgrade to 2.4.2, or 2.3.9 on the 2.3 branch.',
    });

    const { advisory } = await draftCaseAdvisory(w.ctx, w.analyst, opened.id, {});
    const c = advisory.content!;
    expect(c.title).toBe('Heap overflow in pillowish');
    expect(c.summary).toBe('A crafted image overflows the decoder buffer.');
    expect(c.affected).toEqual([
      {
        ecosystem: 'PyPI',
        name: 'pillowish',
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.3.9' }, { introduced: '2.4.0' }, { fixed: '2.4.2' }] }],
        versions: ['2.4.0', '2.4.1'],
      },
    ]);
    expect(c.cvss).toEqual({ v3_1: VECTOR });
    expect(c.cweIds).toEqual(['CWE-787']);
    // (Findings stored in the same millisecond have no order between them: compare by name.)
    expect([...c.credits].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Grace H.', kind: 'human', role: 'FINDER' },
      { name: 'Lab A Research', kind: 'ai', role: 'FINDER', model: { name: 'frontier-x', version: '2026-05' } },
    ]);
    expect(JSON.stringify(c)).not.toContain('quiet-model');
    expect(c.remediations).toEqual([{ category: 'vendor_fix', details: 'Fixed in 2.3.9, 2.4.2. Upgrade to 2.4.2, or 2.3.9 on the 2.3 branch.' }]);
    // Before publication a vendor reading the draft sees no credits; the coordinator does.
    expect(
      (await getAdvisory(w.ctx, viewerOf(w.vendors[0]!), advisory.id, { kind: 'organisation', organisationId: w.vendors[0]!.organisationId })).content!.credits,
    ).toEqual([]);
    expect((await getAdvisory(w.ctx, viewerOf(w.analyst), advisory.id, { kind: 'coordinator' })).content!.credits).toHaveLength(2);
  });

  it('lets the coordinator override what it gives, and still refuses bad content by field', async () => {
    const report = await w.acceptedReport({ target: { purl: 'pkg:npm/%40scope/widget@1.0.0' } });
    const opened = await openCase(w.ctx, w.analyst, { kind: 'single', title: 'Widget bug', summary: 's', reportIds: [report] });
    await expect(draftCaseAdvisory(w.ctx, w.analyst, opened.id, { cvss: { v3_1: 'CVSS:4.0/AV:N' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/cvss/v3_1' }],
    });
    const { advisory } = await draftCaseAdvisory(w.ctx, w.analyst, opened.id, { title: 'Widget: prototype pollution' });
    expect(advisory.content).toMatchObject({
      title: 'Widget: prototype pollution',
      affected: [{ ecosystem: 'npm', name: '@scope/widget', ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }], versions: ['1.0.0'] }],
      credits: [],
    });
  });
});
