import type { Marking, Tlp } from '../policy/marking';
import { TLP_LABELS } from '../policy/marking';

/** The less open of two TLP labels (TLP_LABELS lists them most open first). */
export const narrowerTlp = (a: Tlp, b: Tlp): Tlp => (TLP_LABELS.indexOf(a) >= TLP_LABELS.indexOf(b) ? a : b);

/**
 * The marking of a case message: its thread's audience, under the narrower of the label
 * its author asked for and the thread's own label. A message is never more open than its
 * thread (which is never more open than its case, ADR 0030): asking for TLP:AMBER in an
 * organisation-only thread must not open the message to the recipients' clients, who
 * cannot even see the case (issue 9 item 3, ADR 0015). TLP:RED narrows it to the named
 * recipients (who the caller checked are members of the thread) and its author.
 */
export function messageMarking(thread: Marking, requested: Tlp, author: string | null, recipients: readonly string[]): Marking {
  const tlp = narrowerTlp(thread.tlp, requested);
  return {
    ownerOrganisationId: thread.ownerOrganisationId,
    createdBy: author,
    tlp,
    classification: thread.classification,
    accessOrganisations: [...thread.accessOrganisations],
    accessUsers: tlp === 'RED' ? recipients.filter((u) => u !== author) : [],
  };
}
