import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import type { Principal } from '../../src/domain/identity/principal';
import { createNote, updateNoteContent } from '../../src/services/notes';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makeOrganisation, makePrincipal } from '../helpers/factories';

/** What a refused marking answers, without the id-dependent parts. */
async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  const e = await run().then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof AppError)) return e === null ? 'accepted' : e;
  return { code: e.code, message: e.message, details: e.details };
}

/**
 * Issue 9 item 8 (last part): naming a user on an access list must not tell the caller
 * whether a user it cannot see exists. A user of another organisation and an id nobody
 * holds are refused alike; users the caller can see are accepted.
 */
describe.each(DRIVERS)('access lists reveal no user the caller cannot see, on %s', (driver) => {
  let t: TestDatabase;
  let ctx: ReturnType<typeof contextFor>;
  let author: Principal;
  let colleague: Principal;
  let stranger: Principal;
  let coordinator: Principal;

  beforeAll(async () => {
    t = await freshDatabase(driver);
    ctx = contextFor(t.database);
    author = await makePrincipal(ctx, { role: 'member' });
    colleague = await makePrincipal(ctx, { organisationId: author.organisationId, role: 'viewer' });
    stranger = await makePrincipal(ctx, { organisationId: (await makeOrganisation(ctx, { name: 'elsewhere' })).id, role: 'admin' });
    coordinator = await makePrincipal(ctx, { coordinator: true, role: 'member' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const note = (p: Principal, users: string[]) => () => createNote(ctx, p, { title: 't', body: 'b', marking: { tlp: 'RED', access: { users } } });

  it('answers another organisation’s user exactly as an id nobody holds', async () => {
    const unknown = await refusal(note(author, [randomUUID()]));
    const hidden = await refusal(note(author, [stranger.userId]));
    expect(unknown).toEqual({
      code: 'VALIDATION',
      message: 'The marking is not valid',
      details: [{ path: '/marking/access/users/0', message: 'no such user' }],
    });
    expect(hidden).toEqual(unknown);
  });

  it('answers alike when a note is re-marked, too', async () => {
    const n = await createNote(ctx, author, { title: 't', body: 'b', marking: { tlp: 'AMBER' } });
    const remark = (users: string[]) => () => updateNoteContent(ctx, author, n.id, { marking: { tlp: 'RED', access: { users } } });
    expect(await refusal(remark([stranger.userId]))).toEqual(await refusal(remark([randomUUID()])));
  });

  it('accepts users the caller can see: its colleagues, and everyone for a coordinator', async () => {
    expect(await refusal(note(author, [colleague.userId]))).toBe('accepted');
    expect(await refusal(note(coordinator, [stranger.userId, author.userId]))).toBe('accepted');
  });
});
