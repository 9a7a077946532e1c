import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAttachment, getReport } from '../../src/services/intake/reports';
import { caseWorld, type CaseWorld } from '../cases/world';
import { DRIVERS, rawSql } from '../helpers/databases';
import { makePrincipal } from '../helpers/factories';

const POC = { name: 'poc.py', mediaType: 'text/x-python', contentBase64: Buffer.from('print(1)\n').toString('base64') };

/** The custom statements of migration 0007 (ADR 0008), as the migrator runs them. */
const BACKFILL = readFileSync('drizzle/0010_coordinators_relation.sql', 'utf8')
  .split('--> statement-breakpoint')
  .filter((s) => /^\s*(--.*\n\s*)*UPDATE/i.test(s));

/**
 * Rows written before ADR 0008 carried copies of the coordinator audience. The migration marks
 * them "shared with the coordinators" and strips the copies it can identify, leaving genuine
 * recipients (another reporter's organisation, an invited vendor's people) as they were.
 */
describe.each(DRIVERS)('coordinators backfill on %s', (driver) => {
  let w: CaseWorld;
  beforeAll(async () => {
    w = await caseWorld(driver, 1);
  });
  afterAll(async () => {
    await w.t.close();
  });

  it('turns copied audiences into the flag and keeps other recipients', async () => {
    expect(BACKFILL.length).toBe(6);
    const reportId = await w.acceptedReport({ proofOfConcept: [POC] });
    const vendor = w.vendors[0]!;
    const demoted = await makePrincipal(w.ctx, { organisationId: w.analyst.organisationId, role: 'member' });
    const coordOrg = w.analyst.organisationId;
    // What the old intake wrote: the coordinating organisation listed, its staff (then including `demoted`) named.
    await rawSql(
      w.t,
      `update reports set coordinators = false, access_organisations = array['${coordOrg}', '${vendor.organisationId}']::uuid[] where id = '${reportId}'`,
    );
    await rawSql(w.t, `update findings set coordinators = false, access_organisations = array['${coordOrg}']::uuid[] where report_id = '${reportId}'`);
    await rawSql(
      w.t,
      `update finding_attachments set coordinators = false, access_users = array['${w.analyst.userId}', '${demoted.userId}', '${vendor.userId}']::uuid[] where report_id = '${reportId}'`,
    );
    const attachmentId = ((await getReport(w.ctx, w.reporter, reportId)).findings[0] as { proofOfConcept: { id: string }[] }).proofOfConcept[0]!.id;
    expect((await getAttachment(w.ctx, demoted, attachmentId)).digest).toMatch(/^sha256:/);

    for (const statement of BACKFILL) await w.t.database.db.execute(sql.raw(statement));

    const report = await getReport(w.ctx, w.reporter, reportId);
    expect(report.marking).toMatchObject({ coordinators: true, access: { organisations: [vendor.organisationId], users: [] } });
    const rows = await w.t.database.db.execute<{ coordinators: boolean; access_organisations: string[] }>(
      sql`select coordinators, access_organisations from findings where report_id = ${reportId}`,
    );
    const finding = (Array.isArray(rows) ? rows : (rows as { rows: { coordinators: boolean; access_organisations: string[] }[] }).rows)[0]!;
    expect(finding.coordinators).toBe(true);
    expect(finding.access_organisations).toEqual([]);
    // The demoted member loses the copied name; staff and the invited vendor keep the proof of concept.
    await expect(getAttachment(w.ctx, demoted, attachmentId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getAttachment(w.ctx, w.analyst, attachmentId)).digest).toMatch(/^sha256:/);
    expect((await getAttachment(w.ctx, vendor, attachmentId)).digest).toMatch(/^sha256:/);
  });
});
