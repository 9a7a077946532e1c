import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { type Principal, viewerOf } from '../../src/domain/identity/principal';
import { ROLE_IDS, type Role } from '../../src/domain/identity/roles';
import { type Classification, type Clearance, classificationRank, clearanceRank, TLP_LABELS, type Tlp } from '../../src/domain/policy/marking';
import { ANONYMOUS, type Viewer } from '../../src/domain/policy/viewer';
import { type Relation, TLP_AUDIENCE } from '../../src/domain/policy/visibility';
import { EventHub } from '../../src/services/events/stream';
import { countNotes, createNote, getNote, searchNotes } from '../../src/services/notes';
import { getUser, searchUsers } from '../../src/services/users';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makeOrganisation, makePrincipal } from '../helpers/factories';

/**
 * The policy matrix (issue 2, issue 9 items 6 and 7): every role × TLP label × organisation
 * relation × clearance × access-list × "shared with the coordinators" case, for get, list,
 * count and the event stream, on every database, for people and for organisations as a whole
 * (webhooks); and the one rule for seeing users. The expectation is computed from the policy
 * module's TLP table and the relation the fixture was BUILT with — not from the code under test.
 * The owner organisation coordinates (so its author may name a user elsewhere: one names only
 * users one can see); `coordinating` is a second coordinating organisation with no other tie.
 */
const RELATIONS = ['owner', 'client-of-owner', 'listed', 'client-of-listed', 'coordinating', 'client-of-coordinating', 'unrelated'] as const;
type OrgRelation = (typeof RELATIONS)[number];
const CLEARANCE_CASES: Clearance[] = ['NONE', 'SECRET', 'TOP_SECRET'];
const CLASSIFICATION_CASES: Classification[] = ['UNCLASSIFIED', 'SECRET'];

/** Organisations that coordinate the clearinghouse, as the fixture builds them. */
const COORDINATING: readonly OrgRelation[] = ['owner', 'coordinating'];
/** Coordinator staff, written out independently of the code: analysts and admins of a coordinating organisation. */
const STAFF_ROLES: readonly Role[] = ['analyst', 'admin'];

interface Case {
  readonly label: string;
  readonly viewer: Viewer;
  /** The relations the fixture gives this viewer towards a record with / without an access list, shared with the coordinators or not. */
  readonly relations: (withList: boolean, coordinators: boolean) => Relation[];
  readonly clearance: Clearance;
  /** For people: the principal, and the organisations whose users they should see (null = all). */
  readonly principal?: Principal;
  readonly seesUsersOf?: string[] | null;
}

interface NoteCase {
  readonly id: string;
  readonly tlp: Tlp;
  readonly classification: Classification;
  readonly withList: boolean;
  readonly coordinators: boolean;
}

/** What "shared with the coordinators" gives a member of `rel` (ADR 0008): their organisation as a recipient, staff by name. */
const coordinatorRelations = (rel: OrgRelation, staff: boolean, flagged: boolean): Relation[] =>
  flagged && COORDINATING.includes(rel) ? ['recipient-organisation', ...(staff ? (['recipient-user'] as const) : [])] : [];

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
    // A coordinating organisation holds no tie to a record unless it is shared with the coordinators (below).
    case 'coordinating':
    case 'client-of-coordinating':
    case 'unrelated':
      return [];
  }
};

function expected(c: Case, n: NoteCase): boolean {
  if (classificationRank(n.classification) > clearanceRank(c.clearance)) return false;
  const audience = TLP_AUDIENCE[n.tlp];
  return ['public' as Relation, ...c.relations(n.withList, n.coordinators)].some((r) => audience.includes(r));
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
    const owner = await makeOrganisation(ctx, { name: 'owner', coordinator: true });
    const listed = await makeOrganisation(ctx, { name: 'listed' });
    const coordinating = await makeOrganisation(ctx, { name: 'coordinating', coordinator: true });
    const orgs: Record<OrgRelation, string> = {
      owner: owner.id,
      'client-of-owner': (await makeOrganisation(ctx, { name: 'client-of-owner', parentId: owner.id })).id,
      listed: listed.id,
      'client-of-listed': (await makeOrganisation(ctx, { name: 'client-of-listed', parentId: listed.id })).id,
      coordinating: coordinating.id,
      'client-of-coordinating': (await makeOrganisation(ctx, { name: 'client-of-coordinating', parentId: coordinating.id })).id,
      unrelated: (await makeOrganisation(ctx, { name: 'unrelated' })).id,
    };
    const parentOf: Partial<Record<OrgRelation, OrgRelation>> = {
      'client-of-owner': 'owner',
      'client-of-listed': 'listed',
      'client-of-coordinating': 'coordinating',
    };
    const author = await makePrincipal(ctx, { organisationId: owner.id, role: 'member', clearance: 'TOP_SECRET' });
    const listedUser = await makePrincipal(ctx, { organisationId: orgs.unrelated, role: 'viewer', clearance: 'NONE' });

    const principals: Array<{ p: Principal; label: string; rel: OrgRelation; role: Role; clearance: Clearance }> = [];
    for (const rel of RELATIONS) {
      for (const role of ROLE_IDS) {
        for (const clearance of CLEARANCE_CASES) {
          principals.push({
            p: await makePrincipal(ctx, { organisationId: orgs[rel], role, clearance }),
            label: `${role}/${rel}/${clearance}`,
            rel,
            role,
            clearance,
          });
        }
      }
    }
    cases.push({ label: 'anonymous', viewer: ANONYMOUS, relations: () => [], clearance: 'NONE' });
    cases.push({
      label: 'author',
      viewer: viewerOf(author),
      relations: () => ['community', 'recipient-organisation', 'recipient-user'],
      clearance: 'TOP_SECRET',
      principal: author,
      seesUsersOf: null,
    });
    cases.push({
      label: 'listed user',
      viewer: viewerOf(listedUser),
      relations: (w) => (w ? ['community', 'recipient-user'] : ['community']),
      clearance: 'NONE',
      principal: listedUser,
      seesUsersOf: [orgs.unrelated],
    });
    for (const x of principals) {
      cases.push({
        label: x.label,
        viewer: viewerOf(x.p),
        relations: (w, flagged) => ['community', ...orgRelations(x.rel, w), ...coordinatorRelations(x.rel, STAFF_ROLES.includes(x.role), flagged)],
        clearance: x.clearance,
        principal: x.p,
        seesUsersOf: COORDINATING.includes(x.rel) ? null : [orgs[x.rel]],
      });
    }
    // Organisations as a whole (what their webhooks receive): no personal access, no clearance.
    for (const rel of RELATIONS) {
      const parent = parentOf[rel];
      cases.push({
        label: `webhook/${rel}`,
        viewer: { kind: 'organisation', organisationId: orgs[rel], clientOf: parent ? orgs[parent] : null, coordinator: COORDINATING.includes(rel) },
        relations: (w, flagged) => ['community', ...orgRelations(rel, w), ...coordinatorRelations(rel, false, flagged)],
        clearance: 'NONE',
      });
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
          for (const coordinators of [false, true]) {
            const note = await createNote(ctx, author, {
              title: `${tlp} ${classification} ${withList ? 'listed' : 'unlisted'} ${coordinators ? 'coordinators' : ''}`,
              body: 'matrix',
              marking: { tlp, classification, access: withList ? { organisations: [listed.id], users: [listedUser.userId] } : undefined, coordinators },
            });
            notes.push({ id: note.id, tlp, classification, withList, coordinators });
          }
        }
      }
    }
    await hub.catchUp();
    hub.stop();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('covers every role, relation, clearance, label, classification, access-list and coordinator case', () => {
    expect(cases.length).toBe(3 + RELATIONS.length * ROLE_IDS.length * CLEARANCE_CASES.length + RELATIONS.length);
    expect(notes.length).toBe(TLP_LABELS.length * CLASSIFICATION_CASES.length * 2 * 2);
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
        if (got !== expected(c, n))
          wrong.push(`${c.label} ${n.tlp}/${n.classification}/${n.withList ? 'list' : 'nolist'}/${n.coordinators ? 'coord' : 'nocoord'}: got ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('list and count hold exactly the visible records', async () => {
    const ctx = contextFor(t.database);
    for (const c of cases) {
      const want = notes
        .filter((n) => expected(c, n))
        .map((n) => n.id)
        .sort();
      const listed = await searchNotes(ctx, c.viewer, { limit: 500, offset: 0 });
      expect(listed.items.map((i) => i.id).sort(), c.label).toEqual(want);
      expect(listed.total, c.label).toBe(want.length);
      expect(await countNotes(ctx, c.viewer), c.label).toBe(want.length);
    }
  });

  it('the event stream carries exactly the visible records', () => {
    for (const c of cases) {
      const want = notes
        .filter((n) => expected(c, n))
        .map((n) => n.id)
        .sort();
      expect([...streamed.get(c.label)!].sort(), c.label).toEqual(want);
    }
  });

  it('matches TLP 2.0 on the extremes', () => {
    const anon = cases.find((c) => c.label === 'anonymous')!;
    expect(notes.filter((n) => expected(anon, n)).map((n) => `${n.tlp}/${n.classification}`)).toEqual(Array(4).fill('CLEAR/UNCLASSIFIED'));
    const red = (flagged: boolean) => notes.filter((n) => n.tlp === 'RED' && n.classification === 'UNCLASSIFIED' && n.coordinators === flagged);
    const seeing = (ns: NoteCase[]) =>
      cases
        .filter((c) => ns.some((n) => expected(c, n)))
        .map((c) => c.label)
        .sort();
    expect(seeing(red(false))).toEqual(['author', 'listed user']);
    // Shared with the coordinators, TLP:RED opens to their staff by name: never to organisations, members or clients.
    const staff = COORDINATING.flatMap((rel) => STAFF_ROLES.flatMap((role) => CLEARANCE_CASES.map((cl) => `${role}/${rel}/${cl}`)));
    expect(seeing(red(true))).toEqual(['author', 'listed user', ...staff].sort());
  });

  it('users: coordinators see every user, everyone else their own organisation’s (get and list agree)', async () => {
    const ctx = contextFor(t.database);
    const everyone = await searchUsers(ctx, cases.find((c) => c.label === 'author')!.principal!, { limit: 1000, offset: 0 });
    expect(everyone.total).toBe(everyone.items.length);
    const wrong: string[] = [];
    for (const c of cases) {
      if (!c.principal) continue;
      const want = everyone.items
        .filter((u) => c.seesUsersOf === null || c.seesUsersOf!.includes(u.organisationId))
        .map((u) => u.id)
        .sort();
      const got = await searchUsers(ctx, c.principal, { limit: 1000, offset: 0 });
      if (JSON.stringify(got.items.map((u) => u.id).sort()) !== JSON.stringify(want) || got.total !== want.length) wrong.push(`${c.label}: list`);
      for (const u of everyone.items) {
        const seen = await getUser(ctx, c.principal, u.id).then(
          () => true,
          (e: unknown) => (e instanceof AppError && e.code === 'NOT_FOUND' ? false : Promise.reject(e)),
        );
        if (seen !== want.includes(u.id)) wrong.push(`${c.label}: get ${u.email}`);
      }
      // Asking for another organisation's users answers only what one may see of it.
      const other = await searchUsers(ctx, c.principal, {
        organisationId: cases.find((x) => x.label === 'listed user')!.principal!.organisationId,
        limit: 1000,
        offset: 0,
      });
      if (other.items.some((u) => !want.includes(u.id))) wrong.push(`${c.label}: filtered list`);
    }
    expect(wrong).toEqual([]);
  });
});
