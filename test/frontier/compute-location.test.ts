import { describe, expect, it } from 'vitest';
import { LOCATION_DISCLOSURES } from '../../src/domain/frontier/compute-vocabulary';
import { canSeeFacilityLocation, locationScope } from '../../src/domain/policy/compute-location';
import { CLEARANCES, type Clearance, type Marking } from '../../src/domain/policy/marking';
import type { Viewer } from '../../src/domain/policy/viewer';
import { canSee } from '../../src/domain/policy/visibility';

/**
 * The location rule's matrix (policy/compute-location.ts): every kind of viewer × clearance ×
 * relation to the facility × disclosure, against the rule written out independently here.
 */
const OWNER = 'org-owner';
const PARTNER = 'org-partner';
const COORD = 'org-authority';
const OTHER = 'org-other';

const facility = (coordinators: boolean): Marking => ({
  ownerOrganisationId: OWNER,
  createdBy: 'u-creator',
  tlp: 'AMBER',
  classification: 'UNCLASSIFIED',
  accessOrganisations: [PARTNER],
  accessUsers: [],
  coordinators,
});

const user = (organisationId: string, clearance: Clearance, staff: boolean): Viewer => ({
  kind: 'user',
  userId: `u-${organisationId}-${clearance}-${staff}`,
  organisationId,
  clientOf: null,
  clearance,
  coordinator: organisationId === COORD,
  staff,
});

describe('who sees a facility’s location', () => {
  const viewers: { label: string; viewer: Viewer }[] = [
    { label: 'anonymous', viewer: { kind: 'anonymous' } },
    { label: 'system', viewer: { kind: 'system' } },
    { label: 'owner as webhook', viewer: { kind: 'organisation', organisationId: OWNER, clientOf: null, coordinator: false } },
    { label: 'partner as webhook', viewer: { kind: 'organisation', organisationId: PARTNER, clientOf: null, coordinator: false } },
    ...CLEARANCES.flatMap((c) => [
      { label: `owner member ${c}`, viewer: user(OWNER, c, false) },
      { label: `partner member ${c}`, viewer: user(PARTNER, c, false) },
      { label: `coordinator staff ${c}`, viewer: user(COORD, c, true) },
      { label: `coordinator member ${c}`, viewer: user(COORD, c, false) },
      { label: `other ${c}`, viewer: user(OTHER, c, false) },
    ]),
  ];

  /** The rule in words: sees the facility, and (disclosure with the facility, or the owner, or staff cleared CONFIDENTIAL or above). */
  const expected = (v: Viewer, m: Marking, disclosure: string): boolean => {
    if (!canSee(v, m)) return false;
    if (disclosure === 'with_facility' || v.kind === 'system') return true;
    if (v.kind === 'anonymous') return false;
    if (v.organisationId === OWNER) return true;
    return v.kind === 'user' && v.staff && v.clearance !== 'NONE';
  };

  for (const coordinators of [true, false]) {
    for (const disclosure of LOCATION_DISCLOSURES) {
      it(`coordinators ${coordinators}, disclosure ${disclosure}`, () => {
        const m = facility(coordinators);
        const got = viewers.map(({ label, viewer }) => `${label}: ${canSeeFacilityLocation(viewer, m, disclosure)}`);
        const want = viewers.map(({ label, viewer }) => `${label}: ${expected(viewer, m, disclosure)}`);
        expect(got).toEqual(want);
      });
    }
  }

  it('rows that pin the rule down', () => {
    const m = facility(true);
    expect(canSeeFacilityLocation(user(PARTNER, 'TOP_SECRET', false), m, 'restricted')).toBe(false);
    expect(canSeeFacilityLocation(user(COORD, 'CONFIDENTIAL', true), m, 'restricted')).toBe(true);
    expect(canSeeFacilityLocation(user(COORD, 'NONE', true), m, 'restricted')).toBe(false);
    // Cleared staff of a facility not shared with the coordinators do not see it at all.
    expect(canSeeFacilityLocation(user(COORD, 'SECRET', true), facility(false), 'restricted')).toBe(false);
    expect(locationScope({ kind: 'anonymous' })).toEqual({ all: false, ownerOrganisationId: null, clearedStaff: false });
  });
});
