/**
 * The inventory model AISC matches advisories against: what an operator runs, read from an
 * SBOM (CycloneDX or SPDX). It keeps what matching and exposure need — identity (purl, CPE,
 * name, version), integrity (hashes), licences and the dependency graph — and nothing
 * format-specific, so that CycloneDX and SPDX documents read to the same values.
 */

/** Component types, in CycloneDX's vocabulary (CycloneDX 1.7 `component.type`), the richer of the two. */
export type ComponentType =
  | 'application'
  | 'framework'
  | 'library'
  | 'container'
  | 'platform'
  | 'operating-system'
  | 'device'
  | 'device-driver'
  | 'firmware'
  | 'file'
  | 'machine-learning-model'
  | 'data'
  | 'cryptographic-asset';

/**
 * Hash algorithms, spelled as CycloneDX spells them (`hash-alg`), plus those only SPDX has
 * (SHA-224, MD2, MD4, MD6, ADLER32).
 */
export type HashAlgorithm =
  | 'MD2'
  | 'MD4'
  | 'MD5'
  | 'MD6'
  | 'SHA-1'
  | 'SHA-224'
  | 'SHA-256'
  | 'SHA-384'
  | 'SHA-512'
  | 'SHA3-224'
  | 'SHA3-256'
  | 'SHA3-384'
  | 'SHA3-512'
  | 'BLAKE2b-256'
  | 'BLAKE2b-384'
  | 'BLAKE2b-512'
  | 'BLAKE3'
  | 'ADLER32'
  | 'Streebog-256'
  | 'Streebog-512';

export interface ComponentHash {
  readonly algorithm: HashAlgorithm;
  /** Lower-case hexadecimal digest. */
  readonly value: string;
}

/**
 * One licence statement: an SPDX licence expression (SPDX 2.3 Annex D; a single licence id is
 * an expression too), or a free-text licence name where the document gives no identifier.
 */
export type ComponentLicense = { readonly expression: string } | { readonly name: string };

export interface InventoryComponent {
  /** Unique within the inventory: the CycloneDX `bom-ref` or the SPDX element id. */
  readonly ref: string;
  readonly type: ComponentType;
  readonly name: string;
  /** CycloneDX `group` (e.g. a Maven groupId); SPDX has none. */
  readonly group?: string;
  readonly version?: string;
  /** Package URL (purl-spec), as written in the document. */
  readonly purl?: string;
  /** CPE 2.3 formatted string or CPE 2.2 URI, as written. */
  readonly cpe?: string;
  readonly hashes: readonly ComponentHash[];
  readonly licenses: readonly ComponentLicense[];
  readonly supplier?: string;
  readonly description?: string;
  /** The component this one is part of (CycloneDX nesting, SPDX `CONTAINS`), by ref. */
  readonly parent?: string;
}

/** `ref` depends on each of `dependsOn` (CycloneDX `dependencies`, SPDX `DEPENDS_ON` and kin). */
export interface InventoryDependency {
  readonly ref: string;
  readonly dependsOn: readonly string[];
}

/** Where an inventory was read from. */
export interface InventorySource {
  readonly format: 'cyclonedx' | 'spdx';
  /** e.g. `1.6` for CycloneDX, `SPDX-2.3` or `3.0` for SPDX. */
  readonly specVersion: string;
  /** CycloneDX `serialNumber` or SPDX `documentNamespace` / document `spdxId`. */
  readonly documentId?: string;
  /** The document's name (SPDX `name`, CycloneDX `metadata.component.name`). */
  readonly name?: string;
}

export interface Inventory {
  readonly source: InventorySource;
  /** Refs of what the document describes (CycloneDX `metadata.component`, SPDX `DESCRIBES`). */
  readonly subjects: readonly string[];
  readonly components: readonly InventoryComponent[];
  readonly dependencies: readonly InventoryDependency[];
}
