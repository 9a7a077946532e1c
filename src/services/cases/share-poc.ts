import { SYSTEM } from '../../domain/policy/viewer';
import { listVisibleVulnerabilities } from '../../store/cases/statements';
import { activeUserIdsOf } from '../../store/users';
import { lockAttachmentsOfReports, setAttachmentRecipients } from '../../store/intake/attachments';
import type { Tx } from '../../store/database';
import { markingOf } from '../../store/visibility';
import type { Record_ } from '../unit-of-work';

/**
 * Proofs of concept are TLP:RED "to the reporter, coordinators and, once invited, the affected
 * vendor" (DESIGN.md): inviting vendors names their active users as recipients of the PoCs of
 * the case's reports, in the invitation's transaction, each change audited. Users who join a
 * vendor later are not added (RED names people, not organisations).
 */
async function sharePocsWithVendors(tx: Tx, record: Record_, reportIds: readonly string[], vendorOrganisationIds: readonly string[]): Promise<void> {
  const recipients = await activeUserIdsOf(tx, vendorOrganisationIds);
  if (recipients.length === 0) return;
  for (const a of await lockAttachmentsOfReports(tx, reportIds)) {
    const before = markingOf(a);
    const accessUsers = [...new Set([...before.accessUsers, ...recipients])];
    if (accessUsers.length === before.accessUsers.length) continue;
    await setAttachmentRecipients(tx, a.id, accessUsers);
    const marking = { ...before, accessUsers };
    record({
      action: 'finding_attachment.shared',
      recordType: 'finding_attachment',
      recordId: a.id,
      before: { id: a.id, digest: a.digest, accessUsers: before.accessUsers },
      after: { id: a.id, digest: a.digest, accessUsers },
      marking,
      data: { id: a.id, reportId: a.reportId },
    });
  }
}

/**
 * Shares the PoCs of a case with vendors invited now, as far as each may see the vulnerability
 * they prove (ADR 0031): the reports behind case-wide vulnerabilities go to every one of
 * them, a campaign entry limited to one vendor goes to that vendor only. A report behind no
 * vulnerability is not shared: no vendor is asked about it.
 */
export async function sharePocsOfCase(tx: Tx, record: Record_, caseId: string, vendorOrganisationIds: readonly string[]): Promise<void> {
  const vulnerabilities = await listVisibleVulnerabilities(tx, SYSTEM, caseId);
  const reportsFor = (vendor: string | null) => [
    ...new Set(vulnerabilities.flatMap((v) => (v.reportId && v.vendorOrganisationId === vendor ? [v.reportId] : []))),
  ];
  const caseWide = reportsFor(null);
  await sharePocsWithVendors(tx, record, caseWide, vendorOrganisationIds);
  for (const vendor of vendorOrganisationIds) {
    const own = reportsFor(vendor).filter((r) => !caseWide.includes(r));
    if (own.length) await sharePocsWithVendors(tx, record, own, [vendor]);
  }
}
