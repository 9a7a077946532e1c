import type { SpecVersion } from './schema';

/**
 * The parts of a CycloneDX BOM (JSON model, CycloneDX 1.4–1.7) that AISC reads. The document
 * has passed the official schema, so these fields have these shapes; everything else is kept
 * in the document untyped.
 */
export interface CdxHash {
  readonly alg: string;
  readonly content: string;
}

export interface CdxLicense {
  readonly id?: string;
  readonly name?: string;
}

export type CdxLicenseChoice = { readonly license: CdxLicense } | { readonly expression: string };

export interface CdxOrganization {
  readonly name?: string;
}

export interface CdxComponent {
  readonly type: string;
  readonly 'bom-ref'?: string;
  readonly name: string;
  readonly group?: string;
  readonly version?: string;
  readonly description?: string;
  readonly purl?: string;
  readonly cpe?: string;
  readonly hashes?: readonly CdxHash[];
  readonly licenses?: readonly CdxLicenseChoice[];
  readonly supplier?: CdxOrganization;
  readonly publisher?: string;
  readonly components?: readonly CdxComponent[];
}

export interface CdxDependency {
  readonly ref: string;
  readonly dependsOn?: readonly string[];
}

/** CycloneDX 1.4+ `vulnerability.analysis` (the VEX part). */
export interface CdxAnalysis {
  readonly state?: string;
  readonly justification?: string;
  readonly response?: readonly string[];
  readonly detail?: string;
}

export interface CdxAffects {
  readonly ref: string;
  readonly versions?: ReadonlyArray<{ readonly version?: string; readonly range?: string; readonly status?: string }>;
}

export interface CdxVulnerability {
  readonly 'bom-ref'?: string;
  readonly id?: string;
  readonly source?: { readonly name?: string; readonly url?: string };
  readonly analysis?: CdxAnalysis;
  readonly affects?: readonly CdxAffects[];
}

export interface CdxBom {
  readonly bomFormat: 'CycloneDX';
  readonly specVersion: SpecVersion;
  readonly serialNumber?: string;
  readonly version?: number;
  readonly metadata?: { readonly timestamp?: string; readonly component?: CdxComponent };
  readonly components?: readonly CdxComponent[];
  readonly dependencies?: readonly CdxDependency[];
  readonly vulnerabilities?: readonly CdxVulnerability[];
}

/** A parsed CycloneDX document and the serialization it came in. */
export interface CycloneDxDocument {
  readonly serialization: 'json' | 'xml';
  readonly bom: CdxBom;
}
