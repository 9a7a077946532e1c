import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/domain/identity/principal';
import type { Tlp } from '../../src/domain/policy/marking';
import { openRuntime, type Runtime } from '../../src/runtime/runtime';
import type { ServiceContext } from '../../src/services/context';
import { CredentialCache } from '../../src/services/credential-cache';
import { streamViewer } from '../../src/services/events/stream-viewer';
import { createNote } from '../../src/services/notes';
import { updateOrganisationFacts } from '../../src/services/organisations';
import { login } from '../../src/services/sessions';
import { createToken, revokeOwnToken } from '../../src/services/tokens';
import { updateUserStanding } from '../../src/services/users';
import { CLI_ACTOR } from '../../src/services/actor';
import { createUser } from '../../src/services/users';
import type { StoredEvent } from '../../src/store/outbox';
import { testConfig } from '../helpers/config';
import { DRIVERS, emptyPostgresDatabase } from '../helpers/databases';
import { makeOrganisation, makePrincipal } from '../helpers/factories';
import { eventually } from '../helpers/receiver';

const PASSWORD = 'a long enough test password';

/**
 * Issue 9 item 5: an open event stream follows its caller's standing. After a clearance
 * downgrade, a client relationship removed, a token revoked or a user disabled, the next
 * event the caller may no longer see is not delivered, and a revoked or disabled caller's
 * stream ends. Each change is made as *another node* would make it (its own credential
 * cache, no local nudge): this node learns of it only through its outbox tail (ADR 0006).
 */
describe.each(DRIVERS)('open streams rebuild their viewer on %s', (driver) => {
  let rt: Runtime;
  let drop: (() => Promise<void>) | null = null;
  let ctx: ServiceContext;
  /** The other node: same database, its own cache, nothing nudged here. */
  let other: ServiceContext;
  let platformAdmin: Principal;
  let author: Principal;
  let n = 0;

  beforeAll(async () => {
    let url: string | undefined;
    if (driver === 'postgres') ({ url, drop } = await emptyPostgresDatabase());
    rt = await openRuntime(testConfig(url ? { DATABASE_URL: url } : {}));
    ctx = rt.ctx;
    other = { ...ctx, nudge: () => undefined, credentials: { tokens: new CredentialCache(), sessions: new CredentialCache() } };
    await rt.hub.start();
    platformAdmin = await makePrincipal(ctx, { coordinator: true, role: 'admin', clearance: 'SECRET' });
    author = await makePrincipal(ctx, { role: 'admin', clearance: 'SECRET' });
  }, 180_000);
  afterAll(async () => {
    await rt.close();
    await drop?.();
  });

  /** A user with a password (to log in) in `organisationId`. */
  async function member(organisationId: string, clearance: 'NONE' | 'SECRET' = 'NONE') {
    const email = `stream-${++n}-${Math.random().toString(36).slice(2, 8)}@example.test`;
    const { user } = await createUser(ctx, CLI_ACTOR, { email, name: 'Streamer', organisationId, role: 'admin', clearance, password: PASSWORD });
    const session = await login(ctx, email, PASSWORD);
    return { user, email, principal: session.principal, cookieSecret: session.cookieSecret };
  }

  /** Subscribes like the HTTP route does; collects record ids and whether the hub ended it. */
  async function open(credential: { via: 'session' | 'token'; secret: string }) {
    const seen: StoredEvent[] = [];
    const state = { ended: false };
    const who = streamViewer(ctx, credential);
    expect(await who.check()).not.toBeNull();
    const unsubscribe = await rt.hub.subscribe(who.live, (e) => seen.push(e), { onEnd: () => (state.ended = true) });
    return { ids: () => seen.map((e) => e.recordId), state, unsubscribe };
  }

  const note = async (p: Principal, tlp: Tlp, extra: { classification?: 'SECRET'; organisations?: string[] } = {}) =>
    (
      await createNote(ctx, p, {
        title: `n${++n}`,
        body: 'b',
        marking: { tlp, ...(extra.classification ? { classification: extra.classification } : {}), access: { organisations: extra.organisations ?? [] } },
      })
    ).id;

  it('a clearance downgrade hides the next classified event', async () => {
    const m = await member((await makeOrganisation(ctx)).id, 'SECRET');
    const s = await open({ via: 'session', secret: m.cookieSecret });
    const before = await note(author, 'GREEN', { classification: 'SECRET' });
    await eventually(() => s.ids().includes(before));
    await updateUserStanding(other, platformAdmin, m.user.id, { clearance: 'NONE' });
    const hidden = await note(author, 'GREEN', { classification: 'SECRET' });
    const marker = await note(author, 'GREEN');
    await eventually(() => s.ids().includes(marker));
    expect(s.ids()).not.toContain(hidden);
    expect(s.state.ended).toBe(false);
    s.unsubscribe();
  });

  it('a removed client relationship hides the next AMBER event of the former parent', async () => {
    const parent = await makeOrganisation(ctx);
    const client = await makeOrganisation(ctx, { parentId: parent.id });
    const m = await member(client.id);
    const s = await open({ via: 'session', secret: m.cookieSecret });
    const before = await note(author, 'AMBER', { organisations: [parent.id] });
    await eventually(() => s.ids().includes(before));
    await updateOrganisationFacts(other, platformAdmin, client.id, { parentId: null });
    const hidden = await note(author, 'AMBER', { organisations: [parent.id] });
    const marker = await note(author, 'GREEN');
    await eventually(() => s.ids().includes(marker));
    expect(s.ids()).not.toContain(hidden);
    s.unsubscribe();
  });

  it('a revoked token ends its stream and receives nothing after the revocation', async () => {
    const m = await member((await makeOrganisation(ctx)).id);
    const made = await createToken(ctx, m.principal, m.user.id, { name: 'stream', scopes: ['read'] });
    const s = await open({ via: 'token', secret: made.secret });
    const before = await note(author, 'GREEN');
    await eventually(() => s.ids().includes(before));
    await revokeOwnToken(other, m.principal, made.token.id);
    const after = await note(author, 'GREEN');
    // The hub ends the stream at the revocation's own event (an ended stream receives nothing more).
    await eventually(() => s.state.ended);
    expect(s.ids()).not.toContain(after);
  });

  it('a disabled user’s streams end, by session and by token alike', async () => {
    const m = await member((await makeOrganisation(ctx)).id);
    const made = await createToken(ctx, m.principal, m.user.id, { name: 'stream', scopes: ['read'] });
    const bySession = await open({ via: 'session', secret: m.cookieSecret });
    const byToken = await open({ via: 'token', secret: made.secret });
    const before = await note(author, 'GREEN');
    await eventually(() => bySession.ids().includes(before) && byToken.ids().includes(before));
    await updateUserStanding(other, platformAdmin, m.user.id, { disabled: true });
    const after = await note(author, 'GREEN');
    await eventually(() => bySession.state.ended && byToken.state.ended);
    expect(bySession.ids()).not.toContain(after);
    expect(byToken.ids()).not.toContain(after);
  });

  it('a stream whose standing did not change keeps receiving (and resolves nothing again)', async () => {
    const m = await member((await makeOrganisation(ctx)).id);
    const s = await open({ via: 'session', secret: m.cookieSecret });
    const ids = [await note(author, 'GREEN'), await note(author, 'GREEN')];
    await eventually(() => ids.every((id) => s.ids().includes(id)));
    expect(s.state.ended).toBe(false);
    s.unsubscribe();
  });
});
