import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/domain/identity/principal';
import { ORGANISATION_KIND_IDS, type OrganisationKind } from '../../src/domain/identity/organisation';
import { ROLE_IDS, type Role, type Scope } from '../../src/domain/identity/roles';
import { ACTIONS, type Action, can } from '../../src/domain/policy/actions';
import { CLASSIFICATIONS, CLEARANCES } from '../../src/domain/policy/marking';
import { isCoordinatorStaff } from '../../src/domain/policy/staff';
import { CLI_ACTOR } from '../../src/services/actor';
import { principalOf } from '../../src/services/principal';
import { createUser } from '../../src/services/users';
import { findUserWithOrganisation } from '../../src/store/users';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makeOrganisation } from '../helpers/factories';

/**
 * The action matrix (issue 9 item 7): role × organisation kind × coordinator × credential
 * scope × action × target, against an expectation written out here in plain terms — not
 * derived from the action table. Principals are built the way a request builds them (from the
 * directory, with a session or a token of the given scopes), so organisation kind and the
 * token's scopes take the real path.
 */
type Standing = { role: Role; kind: OrganisationKind; coordinator: boolean; token: Scope[] | null };

/** What each role's credential can hold, written out (a token narrows it, never widens it). */
const ROLE_SCOPES: Record<Role, Scope[]> = { viewer: ['read'], member: ['read', 'write'], analyst: ['read', 'write'], admin: ['read', 'write', 'admin'] };
const TOKENS: Array<Scope[] | null> = [
  null,
  ['read'],
  ['write'],
  ['admin'],
  ['read', 'write'],
  ['read', 'admin'],
  ['write', 'admin'],
  ['read', 'write', 'admin'],
];

interface Target {
  readonly label: string;
  readonly value: unknown;
}

describe.each(DRIVERS)('action matrix on %s', (driver) => {
  let t: TestDatabase;
  const subjects: Array<{ s: Standing; p: Principal; other: string }> = [];

  beforeAll(async () => {
    t = await freshDatabase(driver);
    const ctx = contextFor(t.database);
    const other = (await makeOrganisation(ctx, { name: 'elsewhere' })).id;
    for (const kind of ORGANISATION_KIND_IDS) {
      for (const coordinator of [false, true]) {
        const org = await makeOrganisation(ctx, {
          name: `${kind}-${coordinator}`,
          kind,
          coordinator,
          ...(kind === 'critical_infrastructure_operator' ? { sectors: ['energy'] } : {}),
        });
        for (const role of ROLE_IDS) {
          const { user } = await createUser(ctx, CLI_ACTOR, {
            email: `${kind}-${coordinator}-${role}@example.test`,
            name: 'U',
            organisationId: org.id,
            role,
            password: 'a long enough test password',
          });
          const r = (await findUserWithOrganisation(ctx.db, user.id))!;
          for (const token of TOKENS) {
            subjects.push({ s: { role, kind, coordinator, token }, p: principalOf(r.user, r.organisation, token, token ? 'token' : null), other });
          }
        }
      }
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The targets each action is asked about, for one principal. */
  const targetsOf = (a: Action, p: Principal, other: string): Target[] => {
    const orgs = [
      { label: 'own', value: { organisationId: p.organisationId } },
      { label: 'other', value: { organisationId: other } },
    ];
    switch (a) {
      case 'users.manage':
      case 'webhooks.manage':
      case 'organisation.speak-for':
      case 'frontier.inquire':
      case 'frontier.plan-access':
      case 'frontier.commission-assessment':
      case 'frontier.attest':
      case 'frontier.register-compute':
        return orgs;
      case 'frontier.act-in-engagement':
        return orgs.flatMap((o) =>
          [false, true].map((government) => ({ label: `${o.label}${government ? '/government' : ''}`, value: { ...o.value, government } })),
        );
      case 'frontier.decide':
        return CLASSIFICATIONS.map((c) => ({ label: c, value: { classification: c } }));
      case 'users.set-clearance':
        return [null, ...CLEARANCES].flatMap((from) => CLEARANCES.map((to) => ({ label: `${from}->${to}`, value: { from, to } })));
      case 'records.edit':
        return [
          { label: 'mine', value: { createdBy: p.userId, ownerOrganisationId: p.organisationId } },
          { label: 'colleague’s', value: { createdBy: 'someone-else', ownerOrganisationId: p.organisationId } },
          { label: 'mine elsewhere', value: { createdBy: p.userId, ownerOrganisationId: other } },
          { label: 'other organisation’s', value: { createdBy: 'someone-else', ownerOrganisationId: other } },
        ];
      default:
        return [{ label: '-', value: undefined }];
    }
  };

  /** The expectation, in the words of DESIGN.md and the ADRs. */
  function expected(s: Standing, a: Action, target: Target): boolean {
    const scopes = s.token ? ROLE_SCOPES[s.role].filter((x) => s.token!.includes(x)) : ROLE_SCOPES[s.role];
    const has = (x: Scope) => scopes.includes(x);
    const v = target.value as Record<string, unknown> | undefined;
    const platformAdmin = s.coordinator && s.role === 'admin' && has('admin');
    const staffAtWork = s.coordinator && (s.role === 'analyst' || s.role === 'admin') && has('write');
    const writer = s.role !== 'viewer' && has('write');
    switch (a) {
      case 'platform.administer':
      case 'organisations.manage':
      case 'intake.configure':
      case 'cases.configure':
      case 'frontier.configure-access':
        return platformAdmin;
      case 'users.manage':
        return platformAdmin || (s.role === 'admin' && has('admin') && target.label === 'own');
      case 'users.set-clearance':
        return platformAdmin || v!.to === (v!.from ?? 'NONE');
      case 'records.write':
      case 'findings.submit':
        return writer;
      case 'records.edit':
        return target.label.startsWith('mine') || (s.role === 'admin' && target.label === 'colleague’s');
      case 'webhooks.manage':
        return s.role === 'admin' && has('admin') && target.label === 'own';
      case 'audit.read':
        return s.role === 'admin' && has('read');
      case 'reports.triage':
      case 'cases.coordinate':
      case 'advisories.coordinate':
        return staffAtWork;
      case 'organisation.speak-for':
      case 'frontier.inquire':
        return writer && target.label === 'own';
      case 'frontier.configure':
        return platformAdmin;
      case 'frontier.decide':
        // ADR 0090: cleared staff at work; the subjects here hold no clearance, so only unclassified reviews.
        return staffAtWork && target.label === 'UNCLASSIFIED';
      case 'frontier.plan-access':
        return (writer && target.label === 'own') || staffAtWork;
      // ADR 0103: the developer's writers commission for their own model; the clearinghouse's staff for the government.
      case 'frontier.commission-assessment':
        return (writer && target.label === 'own') || staffAtWork;
      // A party's writers act for it; the clearinghouse's staff act for the government when it is the party.
      case 'frontier.act-in-engagement':
        return (writer && target.label.startsWith('own')) || (staffAtWork && target.label.endsWith('/government'));
      case 'frontier.attest':
        // ADR 0105: an organisation attests for itself only, by its writers.
        return writer && target.label === 'own';
      case 'frontier.review-attestation':
        return staffAtWork;
      case 'frontier.configure-standards':
        return platformAdmin;
      case 'frontier.register-compute':
        return writer && target.label === 'own';
    }
  }

  it('covers every role, organisation kind, coordinator standing and credential', () => {
    expect(subjects.length).toBe(ROLE_IDS.length * ORGANISATION_KIND_IDS.length * 2 * TOKENS.length);
  });

  it('the action table answers as the expectation says, for every action and target', () => {
    const ask = can as (p: Principal, a: Action, target?: unknown) => boolean;
    const wrong: string[] = [];
    let checked = 0;
    for (const { s, p, other } of subjects) {
      for (const a of Object.keys(ACTIONS) as Action[]) {
        for (const target of targetsOf(a, p, other)) {
          checked++;
          const got = ask(p, a, target.value);
          if (got !== expected(s, a, target))
            wrong.push(`${s.role}/${s.kind}/${s.coordinator ? 'coordinator' : 'member'}/${s.token?.join('+') ?? 'session'} ${a} ${target.label}: got ${got}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(subjects.length * Object.keys(ACTIONS).length);
  });

  it('a designation decision needs clearance over the review’s classification, whatever the role (ADR 0090)', () => {
    const wrong: string[] = [];
    for (const { s, p } of subjects) {
      for (const clearance of CLEARANCES) {
        for (const classification of CLASSIFICATIONS) {
          const scopes = s.token ? ROLE_SCOPES[s.role].filter((x) => s.token!.includes(x)) : ROLE_SCOPES[s.role];
          const want =
            s.coordinator &&
            (s.role === 'analyst' || s.role === 'admin') &&
            scopes.includes('write') &&
            CLEARANCES.indexOf(clearance) >= CLASSIFICATIONS.indexOf(classification);
          if (can({ ...p, clearance }, 'frontier.decide', { classification }) !== want) wrong.push(`${s.role}/${s.coordinator}/${clearance}/${classification}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('coordinator staff are the analysts and admins of a coordinating organisation, whatever their credential', () => {
    for (const { s, p } of subjects) {
      expect(isCoordinatorStaff(p), `${s.role}/${s.coordinator}`).toBe(s.coordinator && (s.role === 'analyst' || s.role === 'admin'));
    }
  });

  it('no action is open to a read-only credential except reading the audit trail and the platform’s own standing checks', () => {
    const readOnly = subjects.filter(({ s }) => s.token?.length === 1 && s.token[0] === 'read');
    const ask = can as (p: Principal, a: Action, target?: unknown) => boolean;
    const opened = new Set<string>();
    for (const { p, other } of readOnly) {
      for (const a of Object.keys(ACTIONS) as Action[]) {
        for (const target of targetsOf(a, p, other)) if (ask(p, a, target.value)) opened.add(a);
      }
    }
    // Editing is always asked together with records.write; clearances that do not change are no change.
    expect([...opened].sort()).toEqual(['audit.read', 'records.edit', 'users.set-clearance']);
  });
});
