/**
 * STIX 2.1 (OASIS Standard, 10 June 2021) object types this project reads and writes.
 * Property names are the specification's; sections are cited per type.
 */

/** STIX 2.1 §2.5 external-reference. */
export interface StixExternalReference {
  readonly source_name: string;
  readonly description?: string;
  readonly url?: string;
  readonly external_id?: string;
}

/** STIX 2.1 §3.2 common properties of SDOs, SROs and marking definitions. */
export interface StixCommon {
  readonly type: string;
  readonly spec_version: '2.1';
  readonly id: string;
  readonly created: string;
  readonly modified: string;
  readonly created_by_ref?: string;
  readonly external_references?: readonly StixExternalReference[];
  readonly object_marking_refs?: readonly string[];
  readonly labels?: readonly string[];
}

/** STIX 2.1 §4.20 */
export interface StixVulnerability extends StixCommon {
  readonly type: 'vulnerability';
  readonly name: string;
  readonly description?: string;
}

/** STIX 2.1 §4.3 */
export interface StixCourseOfAction extends StixCommon {
  readonly type: 'course-of-action';
  readonly name: string;
  readonly description?: string;
}

/** STIX 2.1 §4.7 */
export interface StixIndicator extends StixCommon {
  readonly type: 'indicator';
  readonly name?: string;
  readonly description?: string;
  readonly indicator_types?: readonly string[];
  readonly pattern: string;
  readonly pattern_type: 'stix' | string;
  readonly valid_from: string;
}

/** STIX 2.1 §4.5 */
export interface StixIdentity extends StixCommon {
  readonly type: 'identity';
  readonly name: string;
  readonly identity_class?: 'individual' | 'group' | 'system' | 'organization' | 'class' | 'unknown';
  readonly description?: string;
}

/** STIX 2.1 §5.1 */
export interface StixRelationship extends StixCommon {
  readonly type: 'relationship';
  readonly relationship_type: string;
  readonly source_ref: string;
  readonly target_ref: string;
  readonly description?: string;
}

/** STIX 2.1 §6.14 software (a cyber-observable object: no created/modified). */
export interface StixSoftware {
  readonly type: 'software';
  readonly spec_version: '2.1';
  readonly id: string;
  readonly name: string;
  readonly cpe?: string;
  readonly swid?: string;
  readonly languages?: readonly string[];
  readonly vendor?: string;
  readonly version?: string;
  readonly object_marking_refs?: readonly string[];
}

/** STIX 2.1 §7.2.1 marking-definition (TLP 2.0 markings use an extension instead of `definition`). */
export interface StixMarkingDefinition {
  readonly type: 'marking-definition';
  readonly spec_version: '2.1';
  readonly id: string;
  readonly created: string;
  readonly name?: string;
  readonly created_by_ref?: string;
  readonly definition_type?: string;
  readonly definition?: Readonly<Record<string, unknown>>;
  readonly extensions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** Any STIX object this module types; others read from outside are kept as they are. */
export type StixObject = StixVulnerability | StixCourseOfAction | StixIndicator | StixIdentity | StixRelationship | StixSoftware | StixMarkingDefinition;

/** STIX 2.1 §8 bundle. */
export interface StixBundle {
  readonly type: 'bundle';
  readonly id: string;
  readonly objects: readonly StixObject[];
}
