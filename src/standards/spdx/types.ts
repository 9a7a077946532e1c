/**
 * The parts of an SPDX 2.3 document (JSON model, SPDX 2.3 §6–§11) that AISC reads. Tag-value
 * documents are read into the same model. Documents have passed the official 2.3 JSON Schema.
 */
export interface Spdx2Checksum {
  readonly algorithm: string;
  readonly checksumValue: string;
}

export interface Spdx2ExternalRef {
  readonly referenceCategory: string;
  readonly referenceType: string;
  readonly referenceLocator: string;
}

export interface Spdx2Package {
  readonly SPDXID: string;
  readonly name: string;
  readonly versionInfo?: string;
  readonly supplier?: string;
  readonly description?: string;
  readonly summary?: string;
  readonly checksums?: readonly Spdx2Checksum[];
  readonly externalRefs?: readonly Spdx2ExternalRef[];
  readonly licenseConcluded?: string;
  readonly licenseDeclared?: string;
  readonly primaryPackagePurpose?: string;
  readonly hasFiles?: readonly string[];
}

export interface Spdx2File {
  readonly SPDXID: string;
  readonly fileName: string;
  readonly checksums?: readonly Spdx2Checksum[];
  readonly licenseConcluded?: string;
}

export interface Spdx2Relationship {
  readonly spdxElementId: string;
  readonly relationshipType: string;
  readonly relatedSpdxElement: string;
}

export interface Spdx2Document {
  readonly spdxVersion: string;
  readonly SPDXID: string;
  readonly name: string;
  readonly documentNamespace: string;
  readonly documentDescribes?: readonly string[];
  readonly packages?: readonly Spdx2Package[];
  readonly files?: readonly Spdx2File[];
  readonly relationships?: readonly Spdx2Relationship[];
}

/** A package as AISC writes it: the read model plus what SPDX 2.3 §7.7 and §7.8 require of a writer. */
export interface Spdx2WrittenPackage extends Spdx2Package {
  readonly downloadLocation: string;
  readonly filesAnalyzed: boolean;
}

/** A document as AISC writes it: the read model plus the creation facts SPDX 2.3 §6 requires. */
export interface Spdx2WrittenDocument extends Spdx2Document {
  readonly dataLicense: string;
  readonly creationInfo: { readonly created: string; readonly creators: readonly string[] };
  readonly packages: readonly Spdx2WrittenPackage[];
  readonly relationships: readonly Spdx2Relationship[];
}

/** One element of an SPDX 3.0 JSON-LD `@graph` (SPDX 3.0.1 model, serialized per its context). */
export type Spdx3Element = Readonly<Record<string, unknown>> & { readonly type: string; readonly spdxId?: string };

export interface Spdx3Document {
  readonly '@context': unknown;
  readonly '@graph': readonly Spdx3Element[];
}
