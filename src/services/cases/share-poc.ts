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
export async function sharePocsWithVendors(tx: Tx, record: Record_, reportIds: readonly string[], vendorOrganisationIds: readonly string[]): Promise<void> {
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
