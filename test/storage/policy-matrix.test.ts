import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { type Principal, viewerOf } from '../../src/domain/identity/principal';
import { ROLE_IDS, type Role } from '../../src/domain/identity/roles';
import { type Classification, type Clearance, classificationRank, clearanceRank, TLP_LABELS, type Tlp } from '../../src/domain/policy/marking';
import { ANONYMOUS, type Viewer } from '../../src/domain/policy/viewer';
import { type Relation, TLP_AUDIENCE } from '../../src/domain/policy/visibility';
import { EventHub } from '../../src/services/events/stream';
import { countNotes, createNote, getNote, searchNotes } from '../../src/services/notes';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makeOrganisation, makePrincipal } from '../helpers/factories';

/**
 * The policy matrix (issue 2): every role × TLP label × organisation relation × clearance ×
 * access-list case, for get, list, count and the event stream, on every database. The
 * expectation is computed from the policy module's TLP table and the relation the fixture
 * was BUILT with — not from the code under test.
 */
const RELATIONS = ['owner', 'client-of-owner', 'listed', 'client-of-listed', 'unrelated'] as const;
type OrgRelation = (typeof RELATIONS)[number];
const CLEARANCE_CASES: Clearance[] = ['NONE', 'SECRET', 'TOP_SECRET'];
const CLASSIFICATION_CASES: Classification[] = ['UNCLASSIFIED', 'SECRET'];

interface Case {
  readonly label: string;
  readonly viewer: Viewer;
  /** The relations the fixture gives this viewer towards a record with / without an access list. */
  readonly relations: (withList: boolean) => Relation[];
  readonly clearance: Clearance;
}

interface NoteCase {
  readonly id: string;
  readonly tlp: Tlp;
  readonly classification: Classification;
  readonly withList: boolean;
}

const orgRelations = (r: OrgRelation, withList: boolean): Relation[] => {
  switch (r) {
    case 'owner':
      return ['recipient-organisation'];
    case 'client-of-owner':
      return ['client-organisation'];
    case 'listed':
      return withList ? ['recipient-organisation'] : [];
    case 'client-of-listed':
      return withList ? ['client-organisation'] : [];
    case 'unrelated':
      return [];
  }
};

function expected(c: Case, n: NoteCase): boolean {
  if (classificationRank(n.classification) > clearanceRank(c.clearance)) return false;
  const audience = TLP_AUDIENCE[n.tlp];
  return ['public' as Relation, ...c.relations(n.withList)].some((r) => audience.includes(r));
}

describe.each(DRIVERS)('policy matrix on %s', (driver) => {
  let t: TestDatabase;
  const cases: Case[] = [];
  const notes: NoteCase[] = [];
  const streamed = new Map<string, Set<string>>();
  let hub: EventHub;

  beforeAll(async () => {
    t = await freshDatabase(driver);
    const ctx = contextFor(t.database);
    const owner = await makeOrganisation(ctx, { name: 'owner' });
    const listed = await makeOrganisation(ctx, { name: 'listed' });
    const orgs: Record<OrgRelation, string> = {
      owner: owner.id,
      'client-of-owner': (await makeOrganisation(ctx, { name: 'client-of-owner', parentId: owner.id })).id,
      listed: listed.id,
      'client-of-listed': (await makeOrganisation(ctx, { name: 'client-of-listed', parentId: listed.id })).id,
      unrelated: (await makeOrganisation(ctx, { name: 'unrelated' })).id,
    };
    const author = await makePrincipal(ctx, { organisationId: owner.id, role: 'member', clearance: 'TOP_SECRET' });
    const listedUser = await makePrincipal(ctx, { organisationId: orgs.unrelated, role: 'viewer', clearance: 'NONE' });

    const principals: Array<{ p: Principal; label: string; rel: OrgRelation; role: Role; clearance: Clearance }> = [];
    for (const rel of RELATIONS) {
      for (const role of ROLE_IDS) {
        for (const clearance of CLEARANCE_CASES) {
          principals.push({ p: await makePrincipal(ctx, { organisationId: orgs[rel], role, clearance }), label: `${role}/${rel}/${clearance}`, rel, role, clearance });
        }
      }
    }
    cases.push({ label: 'anonymous', viewer: ANONYMOUS, relations: () => [], clearance: 'NONE' });
    cases.push({ label: 'author', viewer: viewerOf(author), relations: () => ['community', 'recipient-organisation', 'recipient-user'], clearance: 'TOP_SECRET' });
    cases.push({ label: 'listed user', viewer: viewerOf(listedUser), relations: (w) => (w ? ['community', 'recipient-user'] : ['community']), clearance: 'NONE' });
    for (const x of principals) {
      cases.push({ label: x.label, viewer: viewerOf(x.p), relations: (w) => ['community', ...orgRelations(x.rel, w)], clearance: x.clearance });
    }

    hub = new EventHub(ctx, 3_600_000);
    await hub.start();
    for (const c of cases) {
      const seen = new Set<string>();
      streamed.set(c.label, seen);
      await hub.subscribe(c.viewer, (e) => seen.add(e.recordId));
    }
    for (const tlp of TLP_LABELS) {
      for (const classification of CLASSIFICATION_CASES) {
        for (const withList of [false, true]) {
          const note = await createNote(ctx, author, {
            title: `${tlp} ${classification} ${withList ? 'listed' : 'unlisted'}`,
            body: 'matrix',
            marking: { tlp, classification, access: withList ? { organisations: [listed.id], users: [listedUser.userId] } : undefined },
          });
          notes.push({ id: note.id, tlp, classification, withList });
        }
      }
    }
    await hub.catchUp();
    hub.stop();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('covers every role, relation, clearance, label, classification and access-list case', () => {
    expect(cases.length).toBe(3 + RELATIONS.length * ROLE_IDS.length * CLEARANCE_CASES.length);
    expect(notes.length).toBe(TLP_LABELS.length * CLASSIFICATION_CASES.length * 2);
  });

  it('get answers the record or 404, as the table says', async () => {
    const ctx = contextFor(t.database);
    const wrong: string[] = [];
    for (const c of cases) {
      for (const n of notes) {
        const got = await getNote(ctx, c.viewer, n.id).then(
          () => true,
          (e: unknown) => {
            if (e instanceof AppError && e.code === 'NOT_FOUND') return false;
            throw e;
          },
        );
        if (got !== expected(c, n)) wrong.push(`${c.label} ${n.tlp}/${n.classification}/${n.withList ? 'list' : 'nolist'}: got ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('list and count hold exactly the visible records', async () => {
    const ctx = contextFor(t.database);
    for (const c of cases) {
      const want = notes.filter((n) => expected(c, n)).map((n) => n.id).sort();
      const listed = await searchNotes(ctx, c.viewer, { limit: 500, offset: 0 });
      expect(listed.items.map((i) => i.id).sort(), c.label).toEqual(want);
      expect(listed.total, c.label).toBe(want.length);
      expect(await countNotes(ctx, c.viewer), c.label).toBe(want.length);
    }
  });

  it('the event stream carries exactly the visible records', () => {
    for (const c of cases) {
      const want = notes.filter((n) => expected(c, n)).map((n) => n.id).sort();
      expect([...streamed.get(c.label)!].sort(), c.label).toEqual(want);
    }
  });

  it('matches TLP 2.0 on the extremes', () => {
    const anon = cases.find((c) => c.label === 'anonymous')!;
    expect(notes.filter((n) => expected(anon, n)).map((n) => `${n.tlp}/${n.classification}`)).toEqual(['CLEAR/UNCLASSIFIED', 'CLEAR/UNCLASSIFIED']);
    const red = notes.filter((n) => n.tlp === 'RED' && n.classification === 'UNCLASSIFIED');
    const seeingRed = cases.filter((c) => red.some((n) => expected(c, n))).map((c) => c.label);
    expect(seeingRed.sort()).toEqual(['author', 'listed user']);
  });
});
