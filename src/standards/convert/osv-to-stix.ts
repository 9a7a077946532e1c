import type { OsvRecord } from '../osv/types';
import { deterministicStixId, STIX_SCO_NAMESPACE } from '../stix/ids';
import { TLP2_MARKING_IDS, tlpMarkingDefinition, type TlpLabel } from '../stix/tlp';
import type {
  StixBundle,
  StixCourseOfAction,
  StixExternalReference,
  StixIdentity,
  StixIndicator,
  StixObject,
  StixRelationship,
  StixSoftware,
  StixVulnerability,
} from '../stix/types';
import { cveAliasOf, releaseDates } from './osv-common';
import { intervalsOf } from './intervals';

/** Who the objects are created by, and the TLP 2.0 marking they carry. */
export interface OsvToStixOptions {
  readonly producer?: string;
  readonly tlp?: TlpLabel;
  /**
   * The page of the record itself (default: OSV.dev's, right for registered databases). A
   * producer whose ids OSV.dev does not know links its own page instead (ADR 0023).
   */
  readonly recordUrl?: (id: string) => string;
}

const osvDevPage = (id: string): string => `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;

/** STIX 2.1 §3.2: timestamps are UTC with a `Z`; fraction kept to milliseconds at most. */
function stixTimestamp(rfc3339: string): string {
  const ms = Date.parse(rfc3339);
  return new Date(ms).toISOString();
}

/** STIX patterning §9: single-quoted string literal with `\` and `'` escaped. */
function literal(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function externalReferences(record: OsvRecord, recordUrl: (id: string) => string): StixExternalReference[] {
  const refs: StixExternalReference[] = [];
  const cve = cveAliasOf(record);
  // STIX 2.1 §4.20: a CVE is referenced with source_name "cve" and the id as external_id.
  if (cve) refs.push({ source_name: 'cve', external_id: cve });
  refs.push({ source_name: 'osv', external_id: record.id, url: recordUrl(record.id) });
  for (const alias of record.aliases ?? []) {
    if (alias !== cve) refs.push({ source_name: alias.split('-')[0]!.toLowerCase(), external_id: alias });
  }
  for (const r of record.references ?? []) refs.push({ source_name: r.type.toLowerCase(), url: r.url });
  return refs;
}

/**
 * Converts an OSV record into a STIX 2.1 bundle: an `identity` for the producer, the TLP 2.0
 * `marking-definition` (OASIS's fixed object), a `vulnerability` (§4.20), one `software` SCO per
 * affected package (§6.14) related by `has` (the vocabulary's software-has-vulnerability
 * reading of §4.8 infrastructure), a `course-of-action` per fixed version that `mitigates`
 * the vulnerability (§4.3), and, where the record lists affected versions, an `indicator`
 * whose pattern matches them (§4.7) related to the vulnerability by `indicates`.
 *
 * Ids are deterministic: UUIDv5 over the RFC 8785 canonical JSON of each object's defining
 * content (§2.9; SCOs use the spec's namespace and ID contributing properties), so the same
 * record always gives the same bundle. Times come from the record, never from a clock.
 */
export function osvToStix(record: OsvRecord, options: OsvToStixOptions = {}): StixBundle {
  const producer = options.producer ?? 'AI Security Clearinghouse';
  const tlp = options.tlp ?? 'TLP:CLEAR';
  const marking = [TLP2_MARKING_IDS[tlp]];
  const { initial, current } = releaseDates(record);
  const created = stixTimestamp(initial);
  const modified = stixTimestamp(current);
  // The producer's identity has a fixed date (STIX 2.1's publication) so that it is the same
  // object, not a new version of it, in every bundle (§3.6 versioning).
  const identity: StixIdentity = {
    type: 'identity',
    spec_version: '2.1',
    id: deterministicStixId('identity', { name: producer }),
    created: '2021-06-10T00:00:00.000Z',
    modified: '2021-06-10T00:00:00.000Z',
    name: producer,
    identity_class: 'organization',
    object_marking_refs: marking,
  };
  const common = { spec_version: '2.1' as const, created, modified, created_by_ref: identity.id, object_marking_refs: marking };
  const vulnerability: StixVulnerability = {
    type: 'vulnerability',
    id: deterministicStixId('vulnerability', { osv: record.id }),
    ...common,
    name: record.id,
    ...(record.summary || record.details ? { description: [record.summary, record.details].filter(Boolean).join('\n\n') } : {}),
    external_references: externalReferences(record, options.recordUrl ?? osvDevPage),
  };
  const objects: StixObject[] = [identity, tlpMarkingDefinition(tlp), vulnerability];
  const relate = (type: string, source: string, target: string): StixRelationship => ({
    type: 'relationship',
    id: deterministicStixId('relationship', { type, source, target }),
    ...common,
    relationship_type: type,
    source_ref: source,
    target_ref: target,
  });
  for (const affected of record.affected ?? []) {
    const pkg = affected.package;
    if (!pkg) continue;
    // STIX 2.1 §6.14: ID contributing properties of software are name, cpe, swid, vendor, version.
    const software: StixSoftware = {
      type: 'software',
      spec_version: '2.1',
      id: deterministicStixId('software', { name: pkg.name, vendor: pkg.ecosystem }, STIX_SCO_NAMESPACE),
      name: pkg.name,
      vendor: pkg.ecosystem,
      object_marking_refs: marking,
    };
    objects.push(software, relate('has', software.id, vulnerability.id));
    const fixedVersions = new Set(
      (affected.ranges ?? [])
        .filter((r) => r.type !== 'GIT')
        .flatMap((r) => intervalsOf(r))
        .flatMap((i) => (i.fixed ? [i.fixed] : [])),
    );
    for (const version of fixedVersions) {
      const action: StixCourseOfAction = {
        type: 'course-of-action',
        id: deterministicStixId('course-of-action', { ecosystem: pkg.ecosystem, name: pkg.name, version }),
        ...common,
        name: `Upgrade ${pkg.name} to ${version} or later`,
        description: `Upgrade the ${pkg.ecosystem} package ${pkg.name} to version ${version} or later.`,
      };
      objects.push(action, relate('mitigates', action.id, vulnerability.id));
    }
    const versions = [...new Set(affected.versions ?? [])];
    if (versions.length > 0) {
      const indicator: StixIndicator = {
        type: 'indicator',
        id: deterministicStixId('indicator', { osv: record.id, ecosystem: pkg.ecosystem, name: pkg.name }),
        ...common,
        name: `Affected versions of ${pkg.name}`,
        indicator_types: ['compromised'],
        pattern: `[software:name = ${literal(pkg.name)} AND software:version IN (${versions.map(literal).join(', ')})]`,
        pattern_type: 'stix',
        valid_from: created,
      };
      objects.push(indicator, relate('indicates', indicator.id, vulnerability.id));
    }
  }
  const unique = [...new Map(objects.map((o) => [o.id, o])).values()];
  return {
    type: 'bundle',
    id: deterministicStixId(
      'bundle',
      unique.map((o) => o.id),
    ),
    objects: unique,
  };
}
