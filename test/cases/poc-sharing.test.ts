import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { inviteVendors } from '../../src/services/cases/invite';
import { openCase } from '../../src/services/cases/open';
import { getAttachment, getReport } from '../../src/services/intake/reports';
import { chainHead } from '../../src/store/audit';
import { databasePerFile } from '../helpers/database-per-file';
import { DRIVERS } from '../helpers/databases';
import { makePrincipal } from '../helpers/factories';
import { caseWorld, type CaseWorld } from './world';

const POC = { name: 'poc.py', mediaType: 'text/x-python', contentBase64: Buffer.from('print("boom")\n').toString('base64') };
const code = (e: unknown) => (e instanceof AppError ? e.code : String(e));

/** A proof of concept is TLP:RED to the reporter and coordinators — and, once invited, to the affected vendor. */
describe.each(DRIVERS)('proofs of concept in a case on %s', (driver) => {
  const db = databasePerFile(driver);
  let w: CaseWorld;
  beforeEach(async () => {
    w = await caseWorld(db(), 2);
  }, 60_000);

  it('opens to the invited vendor’s people, audited, and stays closed to others', async () => {
    const reportId = await w.acceptedReport({ proofOfConcept: [POC] });
    const report = await getReport(w.ctx, w.reporter, reportId);
    const attachmentId = (report.findings[0] as { proofOfConcept: { id: string }[] }).proofOfConcept[0]!.id;
    const [invited, other] = w.vendors as [(typeof w.vendors)[0], (typeof w.vendors)[0]];
    const colleague = await makePrincipal(w.ctx, { organisationId: invited.organisationId, role: 'member' });

    expect(code(await getAttachment(w.ctx, invited, attachmentId).catch((e) => e))).toBe('NOT_FOUND');
    const c = await openCase(w.ctx, w.analyst, { kind: 'single', title: 'Heap overflow', summary: 's', reportIds: [reportId] });
    expect(code(await getAttachment(w.ctx, invited, attachmentId).catch((e) => e))).toBe('NOT_FOUND');

    const head = (await chainHead(w.ctx.db))!.seq;
    await inviteVendors(w.ctx, w.analyst, c.id, [invited.organisationId]);
    const { listAudit } = await import('../../src/store/audit');
    const { SYSTEM } = await import('../../src/domain/policy/viewer');
    const shared = (await listAudit(w.ctx.db, SYSTEM, { recordType: 'finding_attachment', recordId: attachmentId, limit: 10, offset: 0 })).items;
    expect(shared.map((e) => e.action)).toEqual(['finding_attachment.shared']);
    expect(shared[0]!.seq).toBeGreaterThan(head);

    expect((await getAttachment(w.ctx, invited, attachmentId)).content.toString()).toBe('print("boom")\n');
    expect((await getAttachment(w.ctx, colleague, attachmentId)).content.toString()).toBe('print("boom")\n');
    expect(code(await getAttachment(w.ctx, other, attachmentId).catch((e) => e))).toBe('NOT_FOUND');
    expect(code(await getAttachment(w.ctx, w.outsider, attachmentId).catch((e) => e))).toBe('NOT_FOUND');
    expect((await getAttachment(w.ctx, w.reporter, attachmentId)).digest).toMatch(/^sha256:/);
  });
});
