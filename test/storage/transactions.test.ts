import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { CLI_ACTOR } from '../../src/services/actor';
import { createNote } from '../../src/services/notes';
import { createOrganisation } from '../../src/services/organisations';
import { write } from '../../src/services/unit-of-work';
import { auditLog, notes, organisations, outbox } from '../../src/store/schema/index';
import { insertOrganisation } from '../../src/store/organisations';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makePrincipal } from '../helpers/factories';

/** Every write is one transaction with its audit entry and outbox event: all or nothing. */
describe.each(DRIVERS)('unit of work on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(driver);
  });
  afterAll(async () => {
    await t.close();
  });

  const counts = async () => {
    const db = t.database.db;
    const one = async (table: typeof auditLog | typeof outbox | typeof organisations | typeof notes) =>
      Number((await db.select({ n: count() }).from(table))[0]!.n);
    return { audit: await one(auditLog), outbox: await one(outbox), organisations: await one(organisations), notes: await one(notes) };
  };

  it('migrations are idempotent', async () => {
    await t.database.migrate();
    await t.database.migrate();
    const r = await t.database.db.execute(sql`select count(*)::int as n from organisations`);
    expect(r).toBeTruthy();
  });

  it('writes the record, one audit entry and one event together', async () => {
    const ctx = contextFor(t.database);
    const before = await counts();
    await createOrganisation(ctx, CLI_ACTOR, { name: 'Acme Water', kind: 'critical_infrastructure_operator', sectors: ['water_and_wastewater'] });
    const after = await counts();
    expect(after).toEqual({ ...before, audit: before.audit + 1, outbox: before.outbox + 1, organisations: before.organisations + 1 });
  });

  it('a failure after the insert leaves nothing behind', async () => {
    const ctx = contextFor(t.database);
    const before = await counts();
    await expect(
      write(ctx, CLI_ACTOR, async (tx, record) => {
        const now = ctx.now();
        const o = await insertOrganisation(tx, { id: crypto.randomUUID(), name: 'Doomed', kind: 'researcher', createdAt: now, updatedAt: now });
        record({
          action: 'organisation.created',
          recordType: 'organisation',
          recordId: o.id,
          before: null,
          after: o,
          marking: { ownerOrganisationId: o.id, createdBy: null, tlp: 'GREEN', classification: 'UNCLASSIFIED', accessOrganisations: [], accessUsers: [] },
        });
        throw new AppError('CONFLICT', 'boom');
      }),
    ).rejects.toThrow('boom');
    expect(await counts()).toEqual(before);
  });

  it('a duplicate name is a CONFLICT naming the field, and nothing is written', async () => {
    const ctx = contextFor(t.database);
    await createOrganisation(ctx, CLI_ACTOR, { name: 'Twice Corp', kind: 'software_vendor' });
    const before = await counts();
    const err = await createOrganisation(ctx, CLI_ACTOR, { name: 'TWICE corp', kind: 'software_vendor' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CONFLICT');
    expect((err as AppError).details).toEqual([{ path: '/name', message: 'an organisation with this name exists' }]);
    expect(await counts()).toEqual(before);
  });

  it('an invalid marking is refused with every bad field, nothing written', async () => {
    const ctx = contextFor(t.database);
    const p = await makePrincipal(ctx, { clearance: 'NONE' });
    const before = await counts();
    const err = (await createNote(ctx, p, {
      title: 't',
      body: 'b',
      marking: { tlp: 'AMBER', classification: 'SECRET', access: { organisations: [crypto.randomUUID()], users: [crypto.randomUUID()] } },
    }).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('VALIDATION');
    expect(err.details.map((d) => d.path)).toEqual(['/marking/classification', '/marking/access/organisations/0', '/marking/access/users/0']);
    expect(await counts()).toEqual(before);
  });

  it('concurrent writes keep the chain contiguous', async () => {
    const ctx = contextFor(t.database);
    await Promise.all(Array.from({ length: 20 }, (_, i) => createOrganisation(ctx, CLI_ACTOR, { name: `parallel ${i}`, kind: 'researcher' })));
    const { verifyAuditChain } = await import('../../src/services/audit');
    const r = await verifyAuditChain(t.database.db);
    expect(r.ok).toBe(true);
    expect(r.entries).toBe((await counts()).audit);
  });
});
