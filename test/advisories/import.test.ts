import { readFileSync, readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../src/domain/policy/viewer';
import { CLI_ACTOR } from '../../src/services/actor';
import { importAdvisoriesLocally, type ImportResult } from '../../src/services/advisories/import';
import { readImportFile } from '../../src/services/advisories/import-read';
import { advisoryRevisions, getPublishedAdvisory, searchPublishedAdvisories } from '../../src/services/advisories/reads';
import { createOrganisation } from '../../src/services/organisations';
import { chainHead } from '../../src/store/audit';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { advisoryDataDir } from './fixtures';

const dir = advisoryDataDir();

const outboxCount = async (ctx: ReturnType<typeof contextFor>) =>
  Number(((await ctx.db.execute(sql`select count(*)::int as n from outbox`)) as unknown as { rows: { n: number }[] }).rows[0]!.n);

describe.each(DRIVERS)('importing the real OSV advisories on %s', (driver) => {
  let t: TestDatabase;
  let ctx: ReturnType<typeof contextFor>;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ndjson'))
    .sort();
  const lines = (f: string) =>
    readFileSync(`${dir}${f}`, 'utf8')
      .split('\n')
      .filter((l) => l.trim()).length;
  let first: ImportResult[] = [];

  beforeAll(async () => {
    t = await freshDatabase(driver);
    // after the newest record's publication date (2026-08-20): records dated ahead of now are refused (ADR 0021)
    ctx = contextFor(t.database, { now: new Date('2026-12-01T00:00:00.000Z') });
    await createOrganisation(ctx, CLI_ACTOR, { name: 'Clearinghouse', kind: 'government_agency', coordinator: true });
    first = [];
    for (const f of files) first.push(await importAdvisoriesLocally(ctx, readImportFile(readFileSync(`${dir}${f}`, 'utf8')).items));
  }, 300_000);
  afterAll(() => t.close());

  it('imports every record of every file, rejecting none', () => {
    const total = files.reduce((n, f) => n + lines(f), 0);
    expect(total).toBe(8158);
    for (const [i, r] of first.entries()) {
      expect(r.rejections, files[i]).toEqual([]);
      expect(r.created, files[i]).toBe(lines(files[i]!));
    }
    // one PyPA reference reads `ttps://…`: that record is imported without it, with a warning (ADR 0021)
    const warned = first.flatMap((r) => r.warnings).flatMap((w) => w.problems.map((p) => `${w.id} ${p.path} ${p.message}`));
    expect(warned).toEqual([expect.stringMatching(/^PYSEC-\S+ \/references\/\d+\/url ttps: links are not published/)]);
    console.log(`imported ${first.reduce((n, r) => n + r.created, 0)} of ${total} real advisories (${files.join(', ')})`);
  });

  it('serves them as published TLP:CLEAR advisories under their own ids, with one revision', async () => {
    const listed = await searchPublishedAdvisories(ctx, { limit: 1, offset: 0 });
    expect(listed.total).toBe(8158);
    const some = readFileSync(`${dir}${files[0]}`, 'utf8').split('\n')[0]!;
    const record = JSON.parse(some) as { id: string; modified: string };
    const a = await getPublishedAdvisory(ctx, record.id);
    expect(a).toMatchObject({ id: record.id, source: 'import', marking: { tlp: 'CLEAR' }, revision: 1 });
    expect(a.osv).toEqual(record);
  });

  it('changes nothing when the same files are imported again: no audit entries, no events', async () => {
    const head = await chainHead(ctx.db);
    const events = await outboxCount(ctx);
    for (const f of files) {
      const r = await importAdvisoriesLocally(ctx, readImportFile(readFileSync(`${dir}${f}`, 'utf8')).items);
      expect(r).toMatchObject({ created: 0, revised: 0, unchanged: lines(f), rejected: 0 });
    }
    expect(await chainHead(ctx.db)).toEqual(head);
    expect(await outboxCount(ctx)).toBe(events);
  });

  it('makes a changed record a new revision and keeps the old one', async () => {
    const line = readFileSync(`${dir}${files[1]}`, 'utf8').split('\n')[3]!;
    const record = JSON.parse(line) as { id: string; modified: string; summary?: string };
    const changed = { ...record, modified: '2030-01-01T00:00:00Z', summary: 'changed upstream' };
    const r = await importAdvisoriesLocally(ctx, readImportFile(JSON.stringify(changed)).items);
    expect(r).toMatchObject({ created: 0, revised: 1, unchanged: 0 });
    const revs = await advisoryRevisions(ctx, ANONYMOUS, record.id);
    expect(revs.map((x) => x.number)).toEqual([1, 2]);
    expect(revs[0]!.osv).toEqual(record);
    expect((await getPublishedAdvisory(ctx, record.id)).osv).toEqual(changed);
  });
});
