import { createNote, removeNote, updateNoteContent } from '../../../src/services/notes';
import { updateOrganisationFacts } from '../../../src/services/organisations';
import { login } from '../../../src/services/sessions';
import { secretHash } from '../../../src/services/ids';
import { createToken, revokeOwnToken } from '../../../src/services/tokens';
import { acceptInvitation, createUser, updateUserStanding } from '../../../src/services/users';
import { createWebhook, deleteWebhook, resendDelivery, updateWebhookSettings, webhookDeliveries } from '../../../src/services/webhooks';
import { dispatchPending } from '../../../src/services/events/dispatch';
import { findUser } from '../../../src/store/users';
import type { Canaries } from './canaries';
import type { PayloadWorld } from './world';

const PASSWORD = 'CANARY-password-of-the-invited-user';

/**
 * The directory and the records around it, all in vendor A: an invited colleague (email and
 * name AMBER+STRICT to A and the coordinators), an API token (RED to its holder), a webhook
 * (A's own) with a delivery re-sent, and a TLP:RED note for one named colleague. Every
 * credential (invitation, session, password and its hash, token, webhook secret) is a secret.
 */
export async function directoryEvents(w: PayloadWorld, c: Canaries): Promise<void> {
  const a = w.vendors[0]!;
  await updateOrganisationFacts(w.ctx, w.admin, a.organisationId, { name: `Vendor A ${a.organisationId.slice(-6)}` });

  const email = 'canary-user-a@vendor-a.test';
  const invited = await createUser(w.ctx, a, { email, name: 'CANARY-user-name-A', organisationId: a.organisationId, role: 'member' });
  c.plant(email, invited.user.id);
  c.plant('CANARY-user-name-A', invited.user.id);
  const invitation = invited.invitation!.token;
  c.never(invitation, secretHash(invitation), PASSWORD);
  const activated = await acceptInvitation(w.ctx, { token: invitation, password: PASSWORD });
  const session = await login(w.ctx, email, PASSWORD);
  for (const s of [activated, session]) c.never(s.cookieSecret, secretHash(s.cookieSecret), s.csrfToken);
  c.never((await findUser(w.ctx.db, invited.user.id))!.passwordHash!);
  await updateUserStanding(w.ctx, a, invited.user.id, { name: 'CANARY-user-renamed-A' });
  c.plant('CANARY-user-renamed-A', invited.user.id);
  w.joined.push(activated.principal);

  const { token, secret } = await createToken(w.ctx, a, a.userId, { name: 'CANARY-token-name-A', scopes: ['read'] });
  c.plant('CANARY-token-name-A', token.id);
  c.never(secret, secretHash(secret));
  await revokeOwnToken(w.ctx, a, token.id);

  // A public address literal: no name to resolve, whatever registration checks (issue 9 item 14).
  const hook = await createWebhook(w.ctx, a, { url: 'https://93.184.215.14/CANARY-webhook-url-A', description: 'CANARY-webhook-A', eventTypes: ['note.*'] });
  c.plant('CANARY-webhook-A', hook.webhook.id);
  c.plant('CANARY-webhook-url-A', hook.webhook.id);
  c.never(hook.secret);

  const red = await createNote(w.ctx, a, {
    title: 'CANARY-note-title-A',
    body: 'CANARY-note-body-A',
    marking: { tlp: 'RED', access: { users: [w.memberOfA.userId] } },
  });
  c.plant('CANARY-note-title-A', red.id);
  c.plant('CANARY-note-body-A', red.id);
  await updateNoteContent(w.ctx, a, red.id, { title: 'CANARY-note-title-A2', body: 'CANARY-note-body-A2' });
  c.plant('CANARY-note-title-A2', red.id);
  c.plant('CANARY-note-body-A2', red.id);
  // A GREEN note reaches A's webhook; its delivery is re-sent.
  const green = await createNote(w.ctx, a, { title: 'A public remark', body: 'b', marking: { tlp: 'GREEN' } });
  while ((await dispatchPending(w.ctx)) > 0);
  const [delivery] = (await webhookDeliveries(w.ctx, a, hook.webhook.id, { limit: 10, offset: 0 })).items;
  await resendDelivery(w.ctx, a, hook.webhook.id, delivery!.id);
  await updateWebhookSettings(w.ctx, a, hook.webhook.id, { description: 'CANARY-webhook-A2' });
  c.plant('CANARY-webhook-A2', hook.webhook.id);
  await deleteWebhook(w.ctx, a, hook.webhook.id);
  await removeNote(w.ctx, a, green.id);
  await removeNote(w.ctx, a, red.id);
}
