import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config';
import { subscribes } from '../../src/domain/events/event';
import { signatureFor, verifySignature } from '../../src/domain/events/signature';
import { sectorProblems } from '../../src/domain/identity/organisation';
import type { Principal } from '../../src/domain/identity/principal';
import { scopesAllowed } from '../../src/domain/identity/roles';
import { backoffMs } from '../../src/domain/jobs/backoff';
import { can } from '../../src/domain/policy/actions';
import { stateDigest } from '../../src/domain/audit/canonical';
import { canonicalJson } from '../../src/standards/jcs/canonical-json';

const principal = (over: Partial<Principal>): Principal => ({
  userId: 'u',
  organisationId: 'o',
  clientOf: null,
  coordinator: false,
  role: 'admin',
  clearance: 'NONE',
  scopes: ['read', 'write', 'admin'],
  label: 'x',
  tokenId: null,
  ...over,
});

describe('domain rules', () => {
  it('signs webhooks per the documented scheme (HMAC-SHA256 over "t.body")', async () => {
    const { createHmac } = await import('node:crypto');
    const header = signatureFor('s3cret', 1_700_000_000, '{"a":1}');
    expect(header).toBe(`t=1700000000,v1=${createHmac('sha256', 's3cret').update('1700000000.{"a":1}').digest('hex')}`);
    expect(verifySignature('s3cret', header, '{"a":1}', 1_700_000_100)).toBe('valid');
    expect(verifySignature('s3cret', 'garbage', '{"a":1}', 1_700_000_100)).toBe('malformed');
  });

  it('backs off exponentially with bounded jitter and a cap', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, 0))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(3, 0.999)).toBeLessThan(5000);
    expect(backoffMs(40, 0)).toBe(3_600_000);
  });

  it('canonical JSON follows RFC 8785 (key order, numbers) and digests drop secrets', () => {
    expect(canonicalJson({ b: 1, a: [1e21, 0.1, 'é'], c: { z: null, y: true } })).toBe('{"a":[1e+21,0.1,"é"],"b":1,"c":{"y":true,"z":null}}');
    expect(stateDigest({ name: 'x', secret: 'a' })).toBe(stateDigest({ name: 'x', secret: 'b' }));
    expect(stateDigest({ name: 'x' })).not.toBe(stateDigest({ name: 'y' }));
    expect(stateDigest(null)).toBeNull();
  });

  it('webhook subscriptions match types and wildcards', () => {
    expect(subscribes([], 'note.created')).toBe(true);
    expect(subscribes(['note.*'], 'note.created')).toBe(true);
    expect(subscribes(['note.*'], 'notes.created')).toBe(false);
    expect(subscribes(['user.created'], 'user.updated')).toBe(false);
  });

  it('sectors belong to critical-infrastructure operators only', () => {
    expect(sectorProblems({ kind: 'critical_infrastructure_operator', sectors: [] })).toHaveLength(1);
    expect(sectorProblems({ kind: 'software_vendor', sectors: ['energy'] })).toHaveLength(1);
    expect(sectorProblems({ kind: 'critical_infrastructure_operator', sectors: ['energy'] })).toEqual([]);
  });

  it('permissions: platform admins, organisation admins, clearances, scopes', () => {
    const platform = principal({ coordinator: true });
    const orgAdmin = principal({});
    expect(can(platform, 'platform.administer')).toBe(true);
    expect(can(orgAdmin, 'platform.administer')).toBe(false);
    expect(can(principal({ coordinator: true, scopes: ['read'] }), 'platform.administer')).toBe(false);
    expect(can(orgAdmin, 'users.manage', { organisationId: 'o' })).toBe(true);
    expect(can(orgAdmin, 'users.manage', { organisationId: 'other' })).toBe(false);
    expect(can(principal({ role: 'analyst' }), 'users.manage', { organisationId: 'o' })).toBe(false);
    expect(can(orgAdmin, 'users.set-clearance', { from: null, to: 'SECRET' })).toBe(false);
    expect(can(platform, 'users.set-clearance', { from: null, to: 'TOP_SECRET' })).toBe(true);
    expect(scopesAllowed('viewer')).toEqual(['read']);
    expect(scopesAllowed('member')).toEqual(['read', 'write']);
  });

  it('configuration: defaults, and every bad variable at once', () => {
    const ok = parseConfig({});
    expect(ok.ok && ok.config).toMatchObject({ port: 8080, dataDir: './data', publicUrl: 'http://localhost:8080', secureCookies: false });
    expect(ok.ok && Object.isFrozen(ok.config)).toBe(true);
    const bad = parseConfig({ PORT: '99999', LOG_LEVEL: 'loud', DATABASE_URL: 'sqlite://x', AISC_PUBLIC_URL: 'ftp://x' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.map((p) => p.variable).sort()).toEqual(['AISC_PUBLIC_URL', 'DATABASE_URL', 'LOG_LEVEL', 'PORT']);
    const https = parseConfig({ AISC_PUBLIC_URL: 'https://aisc.example.gov/' });
    expect(https.ok && https.config).toMatchObject({ publicUrl: 'https://aisc.example.gov', secureCookies: true });
  });
});

describe('audit entry canonical form', () => {
  it('the fast canonical text equals RFC 8785 canonicalisation of the same entry', async () => {
    const { entryCanonicalText } = await import('../../src/domain/audit/chain');
    const fc = await import('fast-check');
    const str = fc.string({ unit: 'binary' });
    const uuid = fc.uuid();
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.integer({ min: 1, max: 2 ** 40 }),
          id: uuid,
          at: fc.date({ min: new Date(0), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
          actorUserId: fc.option(uuid, { nil: null }),
          actorOrganisationId: fc.option(uuid, { nil: null }),
          actorLabel: str,
          action: str,
          recordType: str,
          recordId: str,
          beforeDigest: fc.option(str, { nil: null }),
          afterDigest: fc.option(str, { nil: null }),
          marking: fc.record({
            ownerOrganisationId: uuid,
            createdBy: fc.option(uuid, { nil: null }),
            tlp: fc.constantFrom('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED' as const),
            classification: fc.constantFrom('UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET' as const),
            accessOrganisations: fc.array(uuid, { maxLength: 4 }),
            accessUsers: fc.array(uuid, { maxLength: 4 }),
            coordinators: fc.boolean(),
          }),
        }),
        str,
        (entry, prevHash) => {
          const { coordinators, ...m } = entry.marking;
          const generic = canonicalJson({
            ...entry,
            marking: {
              ...m,
              accessOrganisations: [...m.accessOrganisations].sort(),
              accessUsers: [...m.accessUsers].sort(),
              // Present only when set (ADR 0008).
              ...(coordinators ? { coordinators } : {}),
            },
            prevHash,
          });
          expect(entryCanonicalText(entry as never, prevHash)).toBe(generic);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
