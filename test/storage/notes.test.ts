import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { viewerOf } from '../../src/domain/identity/principal';
import { createNote, getNote, removeNote, updateNoteContent } from '../../src/services/notes';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makeOrganisation, makePrincipal } from '../helpers/factories';

const code = (e: unknown) => (e instanceof AppError ? e.code : String(e));

/** Writes to a protected record: who may edit, and what others get (404 before 403). */
describe.each(DRIVERS)('note writes on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(driver);
  });
  afterAll(async () => {
    await t.close();
  });

  it('the author and an owner admin edit; a colleague may not; outsiders get 404; viewers cannot write', async () => {
    const ctx = contextFor(t.database);
    const org = await makeOrganisation(ctx);
    const author = await makePrincipal(ctx, { organisationId: org.id, role: 'member' });
    const colleague = await makePrincipal(ctx, { organisationId: org.id, role: 'analyst' });
    const admin = await makePrincipal(ctx, { organisationId: org.id, role: 'admin' });
    const viewerRole = await makePrincipal(ctx, { organisationId: org.id, role: 'viewer' });
    const outsider = await makePrincipal(ctx, { role: 'admin' });
    const note = await createNote(ctx, author, { title: 'v1', body: 'b', marking: { tlp: 'AMBER+STRICT' } });

    expect((await updateNoteContent(ctx, author, note.id, { title: 'v2' })).title).toBe('v2');
    expect((await updateNoteContent(ctx, admin, note.id, { title: 'v3' })).title).toBe('v3');
    expect(code(await updateNoteContent(ctx, colleague, note.id, { title: 'x' }).catch((e) => e))).toBe('FORBIDDEN');
    expect(code(await updateNoteContent(ctx, outsider, note.id, { title: 'x' }).catch((e) => e))).toBe('NOT_FOUND');
    expect(code(await createNote(ctx, viewerRole, { title: 'x', body: 'b', marking: { tlp: 'GREEN' } }).catch((e) => e))).toBe('FORBIDDEN');

    // Narrowing the marking to RED hides it from the admin who could edit it a moment ago.
    await updateNoteContent(ctx, author, note.id, { marking: { tlp: 'RED' } });
    expect(code(await getNote(ctx, viewerOf(admin), note.id).catch((e) => e))).toBe('NOT_FOUND');
    expect(code(await removeNote(ctx, admin, note.id).catch((e) => e))).toBe('NOT_FOUND');
    await removeNote(ctx, author, note.id);
    expect(code(await getNote(ctx, viewerOf(author), note.id).catch((e) => e))).toBe('NOT_FOUND');
  });
  it('viewers of the same kind share one prepared read (ADR 0050) yet each reads with their own ids', async () => {
    const ctx = contextFor(t.database);
    const [a, b] = [await makeOrganisation(ctx), await makeOrganisation(ctx)];
    const alice = await makePrincipal(ctx, { organisationId: a.id, role: 'member' });
    const bob = await makePrincipal(ctx, { organisationId: b.id, role: 'member' });
    const ofA = await createNote(ctx, alice, { title: 'a', body: 'a', marking: { tlp: 'AMBER' } });
    const ofB = await createNote(ctx, bob, { title: 'b', body: 'b', marking: { tlp: 'RED' } });
    const sharedWithB = await createNote(ctx, alice, { title: 'ab', body: 'ab', marking: { tlp: 'AMBER', access: { organisations: [b.id] } } });
    // Alternate, so whichever viewer came first prepared the statement the other reuses.
    for (let round = 0; round < 2; round++) {
      expect((await getNote(ctx, viewerOf(alice), ofA.id)).title).toBe('a');
      expect(code(await getNote(ctx, viewerOf(bob), ofA.id).catch((e) => e))).toBe('NOT_FOUND');
      expect((await getNote(ctx, viewerOf(bob), ofB.id)).title).toBe('b');
      expect(code(await getNote(ctx, viewerOf(alice), ofB.id).catch((e) => e))).toBe('NOT_FOUND');
      expect((await getNote(ctx, viewerOf(bob), sharedWithB.id)).title).toBe('ab');
    }
  });
});
