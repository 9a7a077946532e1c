import { AppError, type FieldProblem, notFound } from '../../domain/errors';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import { messageMarking } from '../../domain/cases/message-marking';
import type { Tlp } from '../../domain/policy/marking';
import { SYSTEM } from '../../domain/policy/viewer';
import { findVisibleThread, insertMessage, insertThread } from '../../store/cases/threads';
import { findVisibleParticipation } from '../../store/cases/vendors';
import { findUser } from '../../store/users';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { caseWideMarking, coordinates, ownParticipation, vendorMarking, visibleCase } from './access';
import { messageView, threadView } from './views';

/**
 * Labels a case message may carry. CLEAR and GREEN would open the message to everyone
 * (signed in) on this platform, outside the case: not for an embargoed case (ADR 0030).
 */
export const MESSAGE_TLPS = ['AMBER+STRICT', 'AMBER', 'RED'] as const satisfies readonly Tlp[];
export type MessageTlp = (typeof MESSAGE_TLPS)[number];

export interface ThreadInput {
  readonly subject: string;
  /** A private thread between the coordinator and this vendor; a vendor's own threads are always private. */
  readonly vendorOrganisationId?: string | null | undefined;
}

/** Opens a thread: case-wide (coordinators only) or private between the coordinator and one vendor. */
export async function createThread(ctx: ServiceContext, p: Principal, caseId: string, input: ThreadInput) {
  return write(ctx, actorOf(p), async (tx, record) => {
    const c = await visibleCase(tx, p, caseId, true);
    let vendor: string | null;
    if (coordinates(p, c)) {
      vendor = input.vendorOrganisationId ?? null;
      if (vendor && !(await findVisibleParticipation(tx, SYSTEM, c.id, vendor)))
        throw new AppError('VALIDATION', 'Not a vendor of this case', [{ path: '/vendorOrganisationId', message: 'not invited to this case' }]);
    } else {
      await ownParticipation(tx, p, c);
      vendor = p.organisationId;
    }
    if (!input.subject.trim()) throw new AppError('VALIDATION', 'The thread needs a subject', [{ path: '/subject', message: 'required' }]);
    const marking = vendor ? vendorMarking(c, vendor, p.userId) : caseWideMarking(c, p.userId);
    const row = await insertThread(tx, {
      id: ctx.newId(),
      caseId: c.id,
      subject: input.subject.trim(),
      vendorOrganisationId: vendor,
      ...markingRow(marking),
      createdAt: ctx.now(),
    });
    record({ action: 'case_thread.created', recordType: 'case_thread', recordId: row.id, before: null, after: threadView(row), marking });
    return threadView(row);
  });
}

export interface MessageInput {
  readonly body: string;
  readonly tlp?: MessageTlp | undefined;
  /** TLP:RED names its recipients (users); the author is one by definition. */
  readonly recipients?: readonly string[] | undefined;
}

/** Posts a message to a thread the caller can see, labelled as asked but never more open than the thread. */
export async function postMessage(ctx: ServiceContext, p: Principal, caseId: string, threadId: string, input: MessageInput) {
  return write(ctx, actorOf(p), async (tx, record) => {
    const c = await visibleCase(tx, p, caseId);
    if (!coordinates(p, c)) await ownParticipation(tx, p, c);
    const thread = await findVisibleThread(tx, viewerOf(p), c.id, threadId);
    if (!thread) throw notFound('Thread');
    const tlp = input.tlp ?? 'AMBER+STRICT';
    const problems: FieldProblem[] = [];
    if (!input.body.trim()) problems.push({ path: '/body', message: 'required' });
    if (!(MESSAGE_TLPS as readonly string[]).includes(tlp)) problems.push({ path: '/tlp', message: `one of ${MESSAGE_TLPS.join(', ')}` });
    const recipients = [...new Set(input.recipients ?? [])];
    if (recipients.length && tlp !== 'RED') problems.push({ path: '/recipients', message: 'only a TLP:RED message names recipients' });
    // A RED recipient must belong to the thread's audience: RED never reaches outside the case.
    const audience = new Set([thread.ownerOrganisationId, ...thread.accessOrganisations]);
    for (const [i, id] of recipients.entries()) {
      const u = await findUser(tx, id);
      if (!u || !audience.has(u.organisationId)) problems.push({ path: `/recipients/${i}`, message: 'not a member of this thread' });
    }
    if (problems.length) throw new AppError('VALIDATION', 'The message has invalid fields', problems);
    const marking = messageMarking(markingOf(thread), tlp, p.userId, recipients);
    const row = await insertMessage(tx, { id: ctx.newId(), caseId: c.id, threadId: thread.id, body: input.body, ...markingRow(marking), createdAt: ctx.now() });
    record({
      action: 'case_message.posted',
      recordType: 'case_message',
      recordId: row.id,
      before: null,
      after: messageView(row),
      marking,
      data: { id: row.id, caseId: c.id, threadId: thread.id },
    });
    return messageView(row);
  });
}
