/**
 * OpenVEX 0.2.0 document types (OpenVEX Specification v0.2.0, https://github.com/openvex/spec).
 * Field names are the specification's.
 */

/** OpenVEX §Status labels. */
export type OpenVexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';

/** OpenVEX §Status Justifications (the same five labels as CSAF 2.0 §3.2.3.5 flags). */
export type OpenVexJustification =
  | 'component_not_present'
  | 'vulnerable_code_not_present'
  | 'vulnerable_code_not_in_execute_path'
  | 'vulnerable_code_cannot_be_controlled_by_adversary'
  | 'inline_mitigations_already_exist';

/** OpenVEX §Vulnerability. */
export interface OpenVexVulnerability {
  readonly '@id'?: string;
  readonly name: string;
  readonly description?: string;
  readonly aliases?: readonly string[];
}

/** OpenVEX §Component: identified by an IRI (`@id`, often a purl) or identifiers. */
export interface OpenVexComponent {
  readonly '@id'?: string;
  readonly identifiers?: { readonly purl?: string; readonly cpe22?: string; readonly cpe23?: string };
  readonly hashes?: Readonly<Record<string, string>>;
}

/** OpenVEX §Product: a component with optional subcomponents. */
export interface OpenVexProduct extends OpenVexComponent {
  readonly subcomponents?: readonly OpenVexComponent[];
}

/** OpenVEX §Statement. */
export interface OpenVexStatement {
  readonly '@id'?: string;
  readonly version?: number;
  readonly vulnerability: OpenVexVulnerability;
  readonly timestamp?: string;
  readonly last_updated?: string;
  readonly products?: readonly OpenVexProduct[];
  readonly status: OpenVexStatus;
  readonly supplier?: string;
  readonly status_notes?: string;
  readonly justification?: OpenVexJustification;
  readonly impact_statement?: string;
  readonly action_statement?: string;
  readonly action_statement_timestamp?: string;
}

/** OpenVEX §Document. */
export interface OpenVexDocument {
  readonly '@context': string;
  readonly '@id': string;
  readonly author: string;
  readonly role?: string;
  readonly timestamp: string;
  readonly last_updated?: string;
  readonly version: number;
  readonly tooling?: string;
  readonly statements: readonly OpenVexStatement[];
}

/** The JSON-LD context of OpenVEX 0.2.0 documents. */
export const OPENVEX_CONTEXT = 'https://openvex.dev/ns/v0.2.0';
