/**
 * CSAF 2.0 (OASIS Standard, 18 November 2022) document types: the parts this project reads
 * and writes. Field names are the specification's; sections are cited per type. Documents
 * read from outside may carry more fields than typed here; they are kept as they are.
 */

/** CSAF 2.0 §3.1.7: a product or group id, referenced across the document. */
export type ProductId = string;

/** CSAF 2.0 §3.2.1.10 / §3.2.3.1 */
export interface CsafNote {
  readonly category: 'description' | 'details' | 'faq' | 'general' | 'legal_disclaimer' | 'other' | 'summary';
  readonly text: string;
  readonly title?: string;
  readonly audience?: string;
}

/** CSAF 2.0 §3.1.11 */
export interface CsafReference {
  readonly url: string;
  readonly summary: string;
  readonly category?: 'external' | 'self';
}

/** CSAF 2.0 §3.1.4.2: helpers to identify a product (purl, CPE, hashes, …). */
export interface CsafProductIdentificationHelper {
  readonly purl?: string;
  readonly cpe?: string;
  readonly [extra: string]: unknown;
}

/** CSAF 2.0 §3.1.4 */
export interface CsafFullProductName {
  readonly name: string;
  readonly product_id: ProductId;
  readonly product_identification_helper?: CsafProductIdentificationHelper;
}

/** CSAF 2.0 §3.1.2.2 branch categories. */
export type CsafBranchCategory =
  | 'architecture'
  | 'host_name'
  | 'language'
  | 'legacy'
  | 'patch_level'
  | 'product_family'
  | 'product_name'
  | 'product_version'
  | 'product_version_range'
  | 'service_pack'
  | 'specification'
  | 'vendor';

/** CSAF 2.0 §3.1.2: a node of the product tree; a leaf carries a product. */
export interface CsafBranch {
  readonly category: CsafBranchCategory;
  readonly name: string;
  readonly branches?: readonly CsafBranch[];
  readonly product?: CsafFullProductName;
}

/** CSAF 2.0 §3.2.2 */
export interface CsafProductTree {
  readonly branches?: readonly CsafBranch[];
  readonly full_product_names?: readonly CsafFullProductName[];
  readonly product_groups?: readonly { readonly group_id: string; readonly product_ids: readonly ProductId[]; readonly summary?: string }[];
  readonly relationships?: readonly {
    readonly category: string;
    readonly full_product_name: CsafFullProductName;
    readonly product_reference: ProductId;
    readonly relates_to_product_reference: ProductId;
  }[];
}

/** CSAF 2.0 §3.2.1.12.6: one revision of the document. */
export interface CsafRevision {
  readonly date: string;
  readonly number: string;
  readonly summary: string;
  readonly legacy_version?: string;
}

/** CSAF 2.0 §3.2.1.12 */
export interface CsafTracking {
  readonly id: string;
  readonly status: 'draft' | 'final' | 'interim';
  readonly version: string;
  readonly initial_release_date: string;
  readonly current_release_date: string;
  readonly revision_history: readonly CsafRevision[];
  readonly aliases?: readonly string[];
  readonly generator?: { readonly date?: string; readonly engine: { readonly name: string; readonly version?: string } };
}

/** CSAF 2.0 §3.2.1.8 */
export interface CsafPublisher {
  readonly category: 'coordinator' | 'discoverer' | 'other' | 'translator' | 'user' | 'vendor';
  readonly name: string;
  readonly namespace: string;
  readonly contact_details?: string;
  readonly issuing_authority?: string;
}

/** CSAF 2.0 §3.2.1 */
export interface CsafDocumentMeta {
  readonly category: string;
  readonly csaf_version: '2.0';
  readonly publisher: CsafPublisher;
  readonly title: string;
  readonly tracking: CsafTracking;
  readonly lang?: string;
  readonly notes?: readonly CsafNote[];
  readonly references?: readonly CsafReference[];
  readonly distribution?: { readonly text?: string; readonly tlp?: { readonly label: 'AMBER' | 'GREEN' | 'RED' | 'WHITE'; readonly url?: string } };
  readonly aggregate_severity?: { readonly text: string; readonly namespace?: string };
  readonly acknowledgments?: readonly {
    readonly names?: readonly string[];
    readonly organization?: string;
    readonly summary?: string;
    readonly urls?: readonly string[];
  }[];
}

/** CSAF 2.0 §3.2.3.9: product status lists by status. */
export interface CsafProductStatus {
  readonly first_affected?: readonly ProductId[];
  readonly first_fixed?: readonly ProductId[];
  readonly fixed?: readonly ProductId[];
  readonly known_affected?: readonly ProductId[];
  readonly known_not_affected?: readonly ProductId[];
  readonly last_affected?: readonly ProductId[];
  readonly recommended?: readonly ProductId[];
  readonly under_investigation?: readonly ProductId[];
}

/** CSAF 2.0 §3.2.3.12 */
export interface CsafRemediation {
  readonly category: 'mitigation' | 'no_fix_planned' | 'none_available' | 'vendor_fix' | 'workaround';
  readonly details: string;
  readonly product_ids?: readonly ProductId[];
  readonly group_ids?: readonly string[];
  readonly url?: string;
  readonly date?: string;
}

/** CSAF 2.0 §3.2.3.13: CVSS v2 / v3 objects as FIRST's JSON schemas define them. */
export interface CsafScore {
  readonly products: readonly ProductId[];
  readonly cvss_v2?: Readonly<Record<string, unknown>>;
  readonly cvss_v3?: Readonly<Record<string, unknown>> & {
    readonly vectorString: string;
    readonly baseScore: number;
    readonly baseSeverity: string;
    readonly version: string;
  };
}

/** CSAF 2.0 §3.2.3.5: VEX justification labels for known_not_affected products. */
export type CsafFlagLabel =
  | 'component_not_present'
  | 'inline_mitigations_already_exist'
  | 'vulnerable_code_cannot_be_controlled_by_adversary'
  | 'vulnerable_code_not_in_execute_path'
  | 'vulnerable_code_not_present';

/** CSAF 2.0 §3.2.3 */
export interface CsafVulnerability {
  readonly cve?: string;
  readonly cwe?: { readonly id: string; readonly name: string };
  readonly ids?: readonly { readonly system_name: string; readonly text: string }[];
  readonly title?: string;
  readonly discovery_date?: string;
  readonly release_date?: string;
  readonly notes?: readonly CsafNote[];
  readonly references?: readonly CsafReference[];
  readonly product_status?: CsafProductStatus;
  readonly remediations?: readonly CsafRemediation[];
  readonly scores?: readonly CsafScore[];
  readonly flags?: readonly {
    readonly label: CsafFlagLabel;
    readonly product_ids?: readonly ProductId[];
    readonly group_ids?: readonly string[];
    readonly date?: string;
  }[];
  readonly threats?: readonly {
    readonly category: 'exploit_status' | 'impact' | 'target_set';
    readonly details: string;
    readonly product_ids?: readonly ProductId[];
    readonly date?: string;
  }[];
  readonly acknowledgments?: CsafDocumentMeta['acknowledgments'];
}

/** A CSAF 2.0 document (any profile, §4). */
export interface CsafDocument {
  readonly document: CsafDocumentMeta;
  readonly product_tree?: CsafProductTree;
  readonly vulnerabilities?: readonly CsafVulnerability[];
}

/** CSAF 2.0 §4: the profiles this project produces and recognises by `document.category`. */
export type CsafProfile = 'csaf_base' | 'csaf_security_advisory' | 'csaf_vex' | 'csaf_informational_advisory' | 'csaf_security_incident_response';
