/**
 * CVE JSON 5.x record types (CVE Record Format 5.1, cve-schema `CVE_Record_Format.json`):
 * the parts this project reads and writes. Names are the schema's.
 */

/** cve-schema `description`: a text in a language (BCP 47). */
export interface Cve5Description {
  readonly lang: string;
  readonly value: string;
  readonly supportingMedia?: readonly { readonly type: string; readonly base64?: boolean; readonly value: string }[];
}

/** cve-schema `versions[]`: a version or range with its status. */
export interface Cve5Version {
  readonly version: string;
  readonly status: 'affected' | 'unaffected' | 'unknown';
  readonly versionType?: string;
  readonly lessThan?: string;
  readonly lessThanOrEqual?: string;
  readonly changes?: readonly { readonly at: string; readonly status: 'affected' | 'unaffected' | 'unknown' }[];
}

/** cve-schema `product` (an element of `affected`). */
export interface Cve5Affected {
  readonly vendor?: string;
  readonly product?: string;
  readonly collectionURL?: string;
  readonly packageName?: string;
  readonly cpes?: readonly string[];
  readonly repo?: string;
  readonly versions?: readonly Cve5Version[];
  readonly defaultStatus?: 'affected' | 'unaffected' | 'unknown';
  readonly programFiles?: readonly string[];
  readonly programRoutines?: readonly { readonly name: string }[];
  readonly platforms?: readonly string[];
}

/** cve-schema `reference`. */
export interface Cve5Reference {
  readonly url: string;
  readonly name?: string;
  readonly tags?: readonly string[];
}

/** cve-schema `problemTypes`. */
export interface Cve5ProblemType {
  readonly descriptions: readonly { readonly lang: string; readonly description: string; readonly cweId?: string; readonly type?: string }[];
}

/** cve-schema `metrics[]`: one scoring, by format. */
export interface Cve5Metric {
  readonly format?: string;
  readonly scenarios?: readonly { readonly lang: string; readonly value: string }[];
  readonly cvssV4_0?: Readonly<Record<string, unknown>>;
  readonly cvssV3_1?: Readonly<Record<string, unknown>>;
  readonly cvssV3_0?: Readonly<Record<string, unknown>>;
  readonly cvssV2_0?: Readonly<Record<string, unknown>>;
  readonly other?: { readonly type: string; readonly content: Readonly<Record<string, unknown>> };
}

/** cve-schema `providerMetadata`. */
export interface Cve5ProviderMetadata {
  readonly orgId: string;
  readonly shortName?: string;
  readonly dateUpdated?: string;
}

/** cve-schema `cnaPublishedContainer` (and the shared fields of `cnaRejectedContainer`). */
export interface Cve5CnaContainer {
  readonly providerMetadata: Cve5ProviderMetadata;
  readonly dateAssigned?: string;
  readonly datePublic?: string;
  readonly title?: string;
  readonly descriptions?: readonly Cve5Description[];
  readonly affected?: readonly Cve5Affected[];
  readonly problemTypes?: readonly Cve5ProblemType[];
  readonly references?: readonly Cve5Reference[];
  readonly metrics?: readonly Cve5Metric[];
  readonly solutions?: readonly Cve5Description[];
  readonly workarounds?: readonly Cve5Description[];
  readonly credits?: readonly { readonly lang: string; readonly value: string; readonly type?: string }[];
  readonly source?: Readonly<Record<string, unknown>>;
  readonly rejectedReasons?: readonly Cve5Description[];
  readonly replacedBy?: readonly string[];
  readonly x_generator?: Readonly<Record<string, unknown>>;
}

/** cve-schema `cveMetadataPublished` / `cveMetadataRejected`. */
export interface Cve5Metadata {
  readonly cveId: string;
  readonly assignerOrgId: string;
  readonly assignerShortName?: string;
  readonly requesterUserId?: string;
  readonly serial?: number;
  readonly state: 'PUBLISHED' | 'REJECTED';
  readonly dateReserved?: string;
  readonly datePublished?: string;
  readonly dateUpdated?: string;
  readonly dateRejected?: string;
}

/** A CVE record (CVE Record Format 5.x): Published or Rejected. */
export interface Cve5Record {
  readonly dataType: 'CVE_RECORD';
  readonly dataVersion: string;
  readonly cveMetadata: Cve5Metadata;
  readonly containers: {
    readonly cna: Cve5CnaContainer;
    readonly adp?: readonly Readonly<Record<string, unknown>>[];
  };
}

/** The record format version this module writes. */
export const CVE5_DATA_VERSION = '5.1';
